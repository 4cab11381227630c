import { ts } from 'ts-morph';
import type { Evidence, SourceFile } from '../../types.js';
import { LineIndex } from '../evidence.js';
import type { ScriptCall, ScriptImport, ScriptModule } from '../types.js';
import { callRoute, isNextMethod, nestRoutes, nextRoutePath, type RouteContext } from './find-routes.js';
import { testDeclaration } from './test-declaration.js';
import { scriptLanguage } from './is-script-path.js';
import { moduleLoad, resolveExpression, type Resolved } from './resolve-expression.js';
import { Scope, type Binding } from './script-scope.js';
import { literalOf, propertyNameText, scriptValue, shortText, templateText } from './script-value.js';

/**
 * Facts of one parsed TypeScript/JavaScript file, from one walk over its syntax tree.
 *
 * Callees are dotted names `<module>.<name>[.<rest>]` resolved through the file's imports:
 * - `import { a as b } from 'm'`: `b` → `m.a`; `import x from 'm'`: `x` → `m.default`;
 *   `import * as ns from 'm'`, `const ns = require('m')`, `await import('m')`: `ns` → `m`;
 *   `const { a } = require('m')`: `a` → `m.a`.
 * - Calls and `new` append `()` to what they call, and a name bound to a value reached from an
 *   import stands for it: `const client = new OpenAI(); client.chat.completions.create()` →
 *   `openai.default().chat.completions.create`. Bindings are lexically scoped: `const/let/var`,
 *   plain reassignment, destructuring (`const { data } = await client.x()` → `….x().data`),
 *   `this.x` set by a class field, a constructor parameter property or `this.x = …`, and
 *   parameters or fields typed with an imported class (`llm: ChatOpenAI` →
 *   `@langchain/openai.ChatOpenAI()`). Top-level bindings are known throughout the file.
 * - What does not lead back to an import keeps its written form without arguments (`foo().bar`,
 *   `console.log`, `fetch`); callees with no dotted form (`list[0]()`) keep their source text.
 */
export function extractScriptFacts(sourceFile: ts.SourceFile, file: SourceFile): ScriptModule {
  return new ScriptWalker(sourceFile, file).run();
}

const Kind = ts.SyntaxKind;
const BLOCK_SCOPES = new Set([Kind.Block, Kind.ForStatement, Kind.ForOfStatement, Kind.ForInStatement, Kind.CatchClause, Kind.CaseBlock, Kind.ModuleBlock]);
const FUNCTION_SCOPES = new Set([
  Kind.FunctionDeclaration, Kind.FunctionExpression, Kind.ArrowFunction, Kind.MethodDeclaration, Kind.Constructor,
  Kind.GetAccessor, Kind.SetAccessor,
]);
/** Tokens whose inner lines are code too (a multi-line template or JSX text). */
const MULTILINE_TOKENS = new Set([Kind.StringLiteral, Kind.NoSubstitutionTemplateLiteral, Kind.TemplateExpression, Kind.JsxText]);

interface WalkTask {
  node: ts.Node;
  /** False when entering the node, true when leaving it after its children. */
  exit: boolean;
  /** On exit: the scope to restore, when the node opened one. */
  outer: Scope | undefined;
}

class ScriptWalker {
  private readonly lines: LineIndex;
  private readonly codeLines: Uint8Array;
  private scope = new Scope(undefined);
  private readonly importedModules = new Set<string>();
  private readonly facts: ScriptModule;
  private readonly nextRoute: ReturnType<typeof nextRoutePath>;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    file: SourceFile,
  ) {
    this.lines = new LineIndex(file.path, file.text);
    this.codeLines = new Uint8Array(this.lines.lines.length + 2);
    this.facts = {
      path: file.path,
      language: scriptLanguage(file.path),
      imports: [],
      calls: [],
      strings: [],
      routes: [],
      tests: [],
      linesOfCode: 0,
    };
    this.nextRoute = nextRoutePath(file.path);
  }

  run(): ScriptModule {
    this.hoistModuleBindings();
    this.walk();
    let count = 0;
    for (const marked of this.codeLines) count += marked;
    this.facts.linesOfCode = count;
    return this.facts;
  }

  // ------------------------------------------------------------------ walk

  /**
   * Depth-first, in source order, with an explicit stack: generated code nests deep enough
   * (a 3,000-term string concatenation) to overflow the call stack of a recursive walk.
   */
  private walk(): void {
    const stack: WalkTask[] = [];
    const pushChild = (child: ts.Node): void => {
      stack.push({ node: child, exit: false, outer: undefined });
    };
    const pushChildren = (node: ts.Node): void => {
      const from = stack.length;
      ts.forEachChild(node, pushChild);
      // forEachChild goes in source order; the stack pops the last pushed first.
      for (let i = from, j = stack.length - 1; i < j; i++, j--) [stack[i], stack[j]] = [stack[j]!, stack[i]!];
    };
    pushChildren(this.sourceFile);
    for (let task = stack.pop(); task; task = stack.pop()) {
      if (task.exit) {
        this.leave(task.node);
        this.scope = task.outer ?? this.scope;
        continue;
      }
      const outer = this.enter(task.node);
      stack.push({ node: task.node, exit: true, outer });
      pushChildren(task.node);
    }
  }

  /** Records the node's own facts; returns the outer scope when the node opened a new one. */
  private enter(node: ts.Node): Scope | undefined {
    this.markCodeLines(node);
    switch (node.kind) {
      case Kind.ImportDeclaration:
        this.recordImportDeclaration(node as ts.ImportDeclaration);
        break;
      case Kind.ExportDeclaration:
        this.recordExportFrom(node as ts.ExportDeclaration);
        break;
      case Kind.ImportEqualsDeclaration:
        this.recordImportEquals(node as ts.ImportEqualsDeclaration);
        break;
      case Kind.CallExpression:
        this.recordCall(node as ts.CallExpression);
        break;
      case Kind.NewExpression:
        this.recordNew(node as ts.NewExpression);
        break;
      case Kind.StringLiteral:
      case Kind.NoSubstitutionTemplateLiteral:
        this.recordString(node as ts.StringLiteralLike, (node as ts.StringLiteralLike).text);
        break;
      case Kind.TemplateExpression:
        this.recordString(node as ts.TemplateExpression, templateText(node as ts.TemplateExpression, this.sourceFile));
        break;
      case Kind.FunctionDeclaration:
      case Kind.ClassDeclaration: {
        const name = (node as ts.FunctionDeclaration | ts.ClassDeclaration).name;
        if (name && node.parent !== this.sourceFile) this.scope.declare(name.text, { kind: 'local' });
        break;
      }
    }
    if (node.parent === this.sourceFile) this.recordNextRoute(node);

    const outer = this.scope;
    if (node.kind === Kind.ClassDeclaration || node.kind === Kind.ClassExpression) {
      this.scope = new Scope(outer, true);
      this.bindClassMembers(node as ts.ClassLikeDeclaration);
      for (const route of nestRoutes(node as ts.ClassLikeDeclaration, this.routeContext())) {
        const { at, ...shape } = route;
        this.facts.routes.push({ ...shape, evidence: this.evidenceAt(at) });
      }
      return outer;
    }
    if (BLOCK_SCOPES.has(node.kind)) {
      this.scope = new Scope(outer);
      return outer;
    }
    if (FUNCTION_SCOPES.has(node.kind)) {
      this.scope = new Scope(outer);
      for (const parameter of (node as ts.SignatureDeclaration).parameters) this.bindParameter(parameter);
      return outer;
    }
    return undefined;
  }

  /** After the node's children: bind what it declares (`const client = new OpenAI()`). */
  private leave(node: ts.Node): void {
    if (node.kind === Kind.VariableDeclaration) this.bindDeclaration(node as ts.VariableDeclaration, this.scope);
    else if (node.kind === Kind.BinaryExpression && (node as ts.BinaryExpression).operatorToken.kind === Kind.EqualsToken) {
      this.bindAssignment(node as ts.BinaryExpression);
    }
  }

  // ------------------------------------------------------------------ lines of code

  /** Marks the lines holding a token of `node`: its first and last, every line of a literal. */
  private markCodeLines(node: ts.Node): void {
    if (node.kind === Kind.JsxText && (node as ts.JsxText).containsOnlyTriviaWhiteSpaces) return;
    const start = node.getStart(this.sourceFile);
    if (node.end <= start) return;
    const first = this.lines.lineAt(start);
    const last = this.lines.lineAt(node.end - 1);
    this.codeLines[first] = 1;
    this.codeLines[last] = 1;
    if (last - first > 1 && MULTILINE_TOKENS.has(node.kind)) {
      for (let line = first + 1; line < last; line++) {
        if (this.lines.lines[line - 1]!.trim() !== '') this.codeLines[line] = 1;
      }
    }
  }

  // ------------------------------------------------------------------ imports

  private addImport(module: string, name: string, alias: string, via: ScriptImport['via'], at: ts.Node): void {
    this.importedModules.add(module);
    this.facts.imports.push({ module, name, alias, via, evidence: this.evidenceAt(at) });
  }

  private recordImportDeclaration(node: ts.ImportDeclaration): void {
    if (!ts.isStringLiteralLike(node.moduleSpecifier)) return;
    const module = node.moduleSpecifier.text;
    const clause = node.importClause;
    if (!clause) {
      this.addImport(module, '*', '', 'import', node);
      return;
    }
    if (clause.name) this.addImport(module, 'default', clause.name.text, 'import', node);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) this.addImport(module, '*', bindings.name.text, 'import', node);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        this.addImport(module, (element.propertyName ?? element.name).text, element.name.text, 'import', node);
      }
    }
  }

  private recordExportFrom(node: ts.ExportDeclaration): void {
    if (!node.moduleSpecifier || !ts.isStringLiteralLike(node.moduleSpecifier)) return;
    const module = node.moduleSpecifier.text;
    const clause = node.exportClause;
    if (!clause) this.addImport(module, '*', '', 'import', node);
    else if (ts.isNamespaceExport(clause)) this.addImport(module, '*', clause.name.text, 'import', node);
    else {
      for (const element of clause.elements) {
        this.addImport(module, (element.propertyName ?? element.name).text, element.name.text, 'import', node);
      }
    }
  }

  private recordImportEquals(node: ts.ImportEqualsDeclaration): void {
    const reference = node.moduleReference;
    if (ts.isExternalModuleReference(reference) && ts.isStringLiteralLike(reference.expression)) {
      this.addImport(reference.expression.text, '*', node.name.text, 'require', node);
      this.scope.declare(node.name.text, { kind: 'resolved', path: reference.expression.text, module: reference.expression.text });
    }
  }

  /** `require('m')` / `import('m')`: what it binds, from where its value goes. */
  private recordModuleLoad(call: ts.CallExpression, module: string, via: 'require' | 'dynamic'): void {
    let value: ts.Node = call;
    const climb = (): void => {
      while (ts.isParenthesizedExpression(value.parent) || ts.isAwaitExpression(value.parent) ||
        ts.isAsExpression(value.parent) || ts.isNonNullExpression(value.parent)) {
        value = value.parent;
      }
    };
    climb();
    let member: string | undefined;
    if (ts.isPropertyAccessExpression(value.parent) && value.parent.expression === value) {
      member = value.parent.name.text;
      value = value.parent;
      climb();
    }
    const declaration = value.parent;
    if (ts.isVariableDeclaration(declaration) && declaration.initializer === value) {
      if (ts.isIdentifier(declaration.name)) {
        this.addImport(module, member ?? '*', declaration.name.text, via, call);
        return;
      }
      if (ts.isObjectBindingPattern(declaration.name)) {
        for (const element of declaration.name.elements) {
          const name = propertyNameText(element.propertyName ?? element.name);
          if (element.dotDotDotToken || name === undefined) continue;
          this.addImport(module, name, ts.isIdentifier(element.name) ? element.name.text : '', via, call);
        }
        return;
      }
    }
    this.addImport(module, member ?? '*', '', via, call);
  }

  // ------------------------------------------------------------------ calls

  private recordCall(node: ts.CallExpression): void {
    const load = moduleLoad(node, this.scope);
    if (load) {
      this.recordModuleLoad(node, load.module, load.via);
      return;
    }
    if (node.expression.kind === ts.SyntaxKind.ImportKeyword) return;
    this.facts.calls.push(this.callFacts(node, node.arguments, false));

    const test = testDeclaration(node, this.scope, this.sourceFile);
    if (test) this.facts.tests.push({ ...test, evidence: this.evidenceAt(node) });
    const route = callRoute(node, this.routeContext());
    if (route) this.facts.routes.push({ ...route, evidence: this.evidenceAt(node) });
  }

  private recordNew(node: ts.NewExpression): void {
    this.facts.calls.push(this.callFacts(node, node.arguments ?? [], true));
  }

  private callFacts(node: ts.CallExpression | ts.NewExpression, args: readonly ts.Expression[], isNew: boolean): ScriptCall {
    const written = node.expression;
    const raw = shortText(written.getText(this.sourceFile));
    const resolved = resolveExpression(written, this.scope);
    const at = ts.isPropertyAccessExpression(written) ? written.name : node;
    return {
      callee: resolved?.path ?? raw,
      raw,
      name: calleeName(written, resolved, raw),
      isNew,
      args: args.map((arg) => scriptValue(arg, this.sourceFile, this.scope)),
      evidence: this.evidenceAt(at),
    };
  }

  // ------------------------------------------------------------------ strings and routes

  private recordString(node: ts.StringLiteralLike | ts.TemplateExpression, value: string): void {
    if (isModuleSpecifier(node, this.scope)) return;
    this.facts.strings.push({ value, evidence: this.evidenceAt(node) });
  }

  /** Next.js handlers: `export async function POST` in `app/**\/route.ts`, default exports in `pages/api/`. */
  private recordNextRoute(node: ts.Node): void {
    const next = this.nextRoute;
    if (!next) return;
    const exported = ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const isDefault = ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    const add = (method: string, at: ts.Node): void => {
      this.facts.routes.push({ framework: 'nextjs', method, path: next.path, evidence: this.evidenceAt(at) });
    };
    if (next.style === 'pages') {
      if (ts.isExportAssignment(node) && !node.isExportEquals) add('ALL', node);
      else if (ts.isFunctionDeclaration(node) && exported && isDefault) add('ALL', node);
      return;
    }
    if (!exported) return;
    if (ts.isFunctionDeclaration(node) && node.name && isNextMethod(node.name.text)) add(node.name.text, node);
    if (ts.isVariableStatement(node)) {
      for (const declaration of node.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && isNextMethod(declaration.name.text)) add(declaration.name.text, declaration);
      }
    }
  }

  private routeContext(): RouteContext {
    return { scope: this.scope, sourceFile: this.sourceFile, importedModules: this.importedModules };
  }

  // ------------------------------------------------------------------ bindings

  /** Imports and top-level `const`s are known before the walk, so functions above them resolve. */
  private hoistModuleBindings(): void {
    for (const statement of this.sourceFile.statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteralLike(statement.moduleSpecifier)) {
        const module = statement.moduleSpecifier.text;
        const clause = statement.importClause;
        if (clause?.name) this.scope.declare(clause.name.text, { kind: 'resolved', path: `${module}.default`, module });
        const bindings = clause?.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) {
          this.scope.declare(bindings.name.text, { kind: 'resolved', path: module, module });
        } else if (bindings) {
          for (const element of bindings.elements) {
            const name = (element.propertyName ?? element.name).text;
            this.scope.declare(element.name.text, { kind: 'resolved', path: `${module}.${name}`, module });
          }
        }
      } else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) this.bindDeclaration(declaration, this.scope);
      } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
        this.scope.declare(statement.name.text, { kind: 'local' });
      }
    }
  }

  private bindDeclaration(node: ts.VariableDeclaration, scope: Scope): void {
    const init = node.initializer;
    if (ts.isIdentifier(node.name)) {
      scope.declare(node.name.text, init ? this.bindingOf(init, isConst(node)) : this.typedBinding(node.type));
      return;
    }
    const source = init ? resolveExpression(init, scope) : undefined;
    if (ts.isObjectBindingPattern(node.name)) {
      for (const element of node.name.elements) {
        const key = propertyNameText(element.propertyName ?? element.name);
        if (ts.isIdentifier(element.name)) {
          const binding: Binding = source?.module && key !== undefined && !element.dotDotDotToken
            ? { kind: 'resolved', path: `${source.path}.${key}`, module: source.module }
            : { kind: 'local' };
          scope.declare(element.name.text, binding);
        } else {
          this.declareLocals(element.name, scope);
        }
      }
      return;
    }
    this.declareLocals(node.name, scope);
  }

  private bindingOf(init: ts.Expression, constant: boolean): Binding {
    const resolved = resolveExpression(init, this.scope);
    if (resolved?.module) return { kind: 'resolved', path: resolved.path, module: resolved.module };
    if (constant) {
      const literal = literalOf(init, this.scope);
      if (literal !== undefined) return { kind: 'literal', literal };
    }
    return { kind: 'local' };
  }

  /** A parameter or property typed with an imported class is an instance of it: `X()`. */
  private typedBinding(type: ts.TypeNode | undefined): Binding {
    if (type && ts.isTypeReferenceNode(type)) {
      const resolved = resolveEntityName(type.typeName, this.scope);
      if (resolved?.module) return { kind: 'resolved', path: `${resolved.path}()`, module: resolved.module };
    }
    return { kind: 'local' };
  }

  private bindParameter(parameter: ts.ParameterDeclaration): void {
    if (!ts.isIdentifier(parameter.name)) {
      this.declareLocals(parameter.name, this.scope);
      return;
    }
    const binding = this.typedBinding(parameter.type);
    this.scope.declare(parameter.name.text, binding);
    const isProperty = (ts.getModifiers(parameter) ?? []).some((m) =>
      m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.PublicKeyword ||
      m.kind === ts.SyntaxKind.ProtectedKeyword || m.kind === ts.SyntaxKind.ReadonlyKeyword);
    if (isProperty && binding.kind === 'resolved') this.scope.classScope()?.declare(`this.${parameter.name.text}`, binding);
  }

  private bindClassMembers(node: ts.ClassLikeDeclaration): void {
    for (const member of node.members) {
      if (!ts.isPropertyDeclaration(member)) continue;
      const key = propertyNameText(member.name);
      if (key === undefined) continue;
      const binding = member.initializer ? this.bindingOf(member.initializer, false) : this.typedBinding(member.type);
      if (binding.kind === 'resolved') this.scope.declare(`this.${key}`, binding);
    }
  }

  /** `client = new OpenAI()` and `this.client = new OpenAI()` rebind what they assign. */
  private bindAssignment(node: ts.BinaryExpression): void {
    const resolved = resolveExpression(node.right, this.scope);
    if (!resolved?.module) return;
    const binding: Binding = { kind: 'resolved', path: resolved.path, module: resolved.module };
    if (ts.isIdentifier(node.left)) this.scope.assign(node.left.text, binding);
    else if (ts.isPropertyAccessExpression(node.left) && node.left.expression.kind === ts.SyntaxKind.ThisKeyword) {
      this.scope.classScope()?.declare(`this.${node.left.name.text}`, binding);
    }
  }

  private declareLocals(name: ts.BindingName, scope: Scope): void {
    if (ts.isIdentifier(name)) {
      scope.declare(name.text, { kind: 'local' });
      return;
    }
    for (const element of name.elements) {
      if (!ts.isOmittedExpression(element)) this.declareLocals(element.name, scope);
    }
  }

  private evidenceAt(node: ts.Node): Evidence {
    return this.lines.evidenceAtOffset(node.getStart(this.sourceFile));
  }
}

function isConst(node: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(node.parent) && (node.parent.flags & ts.NodeFlags.Const) !== 0;
}

function resolveEntityName(name: ts.EntityName, scope: Scope): Resolved | undefined {
  if (ts.isIdentifier(name)) {
    const binding = scope.lookup(name.text);
    return binding?.kind === 'resolved' ? { path: binding.path, module: binding.module } : undefined;
  }
  const left = resolveEntityName(name.left, scope);
  return left && { path: `${left.path}.${name.right.text}`, module: left.module };
}

/** The string that names a module in an import, export, `require` or `import()`. */
function isModuleSpecifier(node: ts.Node, scope: Scope): boolean {
  const parent = node.parent;
  if ((ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) && parent.moduleSpecifier === node) return true;
  if (ts.isExternalModuleReference(parent)) return true;
  if (ts.isLiteralTypeNode(parent) && ts.isImportTypeNode(parent.parent)) return true;
  return ts.isCallExpression(parent) && moduleLoad(parent, scope)?.specifier === node;
}

/**
 * Last segment of the callee: the member called (`create`), the imported name for a named import
 * (`ChatOpenAI`, also when aliased), and the name as written for default and namespace imports
 * (`new OpenAI()` → `OpenAI`, not `default`).
 */
function calleeName(written: ts.Expression, resolved: Resolved | undefined, raw: string): string {
  if (ts.isPropertyAccessExpression(written)) return written.name.text;
  if (ts.isIdentifier(written)) {
    const module = resolved?.module;
    if (module && resolved.path.startsWith(`${module}.`)) {
      const imported = resolved.path.slice(module.length + 1);
      if (imported !== 'default' && /^[\w$]+$/.test(imported)) return imported;
    }
    return written.text;
  }
  let path = resolved?.path ?? raw;
  while (path.endsWith('()')) path = path.slice(0, -2);
  return path.slice(path.lastIndexOf('.') + 1);
}
