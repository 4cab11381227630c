import { ts } from 'ts-morph';
import type { ScriptRoute } from '../types.js';
import { resolveExpression } from './resolve-expression.js';
import type { Scope } from './script-scope.js';
import { literalOf, shortText } from './script-value.js';

type RouteShape = Omit<ScriptRoute, 'evidence'>;

const HTTP_METHODS = new Set(['get', 'post', 'put', 'delete', 'patch', 'options', 'head', 'all']);
const NEXT_METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
const NEST_METHODS = new Set(['Get', 'Post', 'Put', 'Delete', 'Patch', 'Options', 'Head', 'All']);
const ROUTER_MODULES: Record<string, ScriptRoute['framework']> = {
  express: 'express',
  fastify: 'fastify',
  hono: 'other',
  'koa-router': 'other',
  '@koa/router': 'other',
};
/** Receivers that look like an app when nothing better is known. */
const APP_NAMES = new Set(['app', 'router', 'server', 'fastify']);

/** What the current file imports, for guessing the framework of an unresolved `app`. */
export interface RouteContext {
  scope: Scope;
  sourceFile: ts.SourceFile;
  importedModules: ReadonlySet<string>;
}

function textValue(node: ts.Expression | undefined, context: RouteContext): string | undefined {
  if (!node) return undefined;
  const literal = literalOf(node, context.scope);
  if (typeof literal === 'string') return literal;
  if (Array.isArray(literal) && literal.every((item) => typeof item === 'string')) return literal.join(',');
  return undefined;
}

function isFunctionLike(node: ts.Expression): boolean {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

/**
 * The framework of a receiver built by a router module (`express()`, `express.Router()`,
 * `fastify()`, `new Hono()`, a parameter typed `FastifyInstance`), else undefined.
 */
function routerFramework(receiver: ts.Expression, context: RouteContext): ScriptRoute['framework'] | undefined {
  const resolved = resolveExpression(receiver, context.scope);
  if (!resolved?.module || !resolved.path.includes('()')) return undefined;
  return ROUTER_MODULES[resolved.module];
}

/** `app`, `router`, `this.server`: a receiver whose name suggests an app, with a guessed framework. */
function guessedFramework(receiver: ts.Expression, context: RouteContext): ScriptRoute['framework'] | undefined {
  const name = ts.isIdentifier(receiver)
    ? receiver.text
    : ts.isPropertyAccessExpression(receiver) && receiver.expression.kind === ts.SyntaxKind.ThisKeyword
      ? receiver.name.text
      : undefined;
  if (!name || !APP_NAMES.has(name)) return undefined;
  const binding = context.scope.lookup(name);
  if (binding?.kind === 'resolved' || binding?.kind === 'literal') return undefined;
  if (name === 'fastify' || (context.importedModules.has('fastify') && !context.importedModules.has('express'))) {
    return 'fastify';
  }
  return context.importedModules.has('express') ? 'express' : 'other';
}

/**
 * A route declared by a call: `app.get('/x', handler)`, `router.post(...)`,
 * `app.route('/x').get(handler)`, `fastify.route({ method, url, handler })`.
 */
export function callRoute(call: ts.CallExpression, context: RouteContext): RouteShape | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const receiver = callee.expression;
  const [first, ...rest] = call.arguments;
  if (!first) return undefined;

  if (method === 'route' && ts.isObjectLiteralExpression(first)) {
    const framework = routerFramework(receiver, context) ?? guessedFramework(receiver, context);
    const options = literalOf(first, context.scope);
    if (!framework || !options || typeof options !== 'object' || Array.isArray(options)) return undefined;
    const url = options['url'] ?? options['path'];
    const methods = options['method'];
    if (typeof url !== 'string') return undefined;
    const methodText = Array.isArray(methods) ? methods.join(',') : typeof methods === 'string' ? methods : 'ALL';
    return { framework, method: methodText.toUpperCase(), path: url };
  }

  if (!HTTP_METHODS.has(method)) return undefined;

  // Express's `app.route('/book').get(h).post(h)`.
  let chained: ts.Expression = receiver;
  while (ts.isCallExpression(chained) && ts.isPropertyAccessExpression(chained.expression) && chained.expression.name.text !== 'route') {
    if (!HTTP_METHODS.has(chained.expression.name.text)) break;
    chained = chained.expression.expression;
  }
  if (ts.isCallExpression(chained) && ts.isPropertyAccessExpression(chained.expression) && chained.expression.name.text === 'route') {
    const routeReceiver = chained.expression.expression;
    const framework = routerFramework(routeReceiver, context) ?? guessedFramework(routeReceiver, context);
    const path = textValue(chained.arguments[0], context);
    if (framework && path !== undefined) return { framework, method: method.toUpperCase(), path };
    return undefined;
  }

  if (rest.length === 0) return undefined;
  const path = textValue(first, context) ?? shortText(first.getText(context.sourceFile));
  const known = routerFramework(receiver, context);
  if (known) return { framework: known, method: method.toUpperCase(), path };
  const guessed = guessedFramework(receiver, context);
  if (!guessed) return undefined;
  const looksLikeRoute = textValue(first, context) !== undefined && (path.startsWith('/') || rest.some(isFunctionLike));
  return looksLikeRoute ? { framework: guessed, method: method.toUpperCase(), path } : undefined;
}

function decoratorsOf(node: ts.Node): readonly ts.Decorator[] {
  return (ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined) ?? [];
}

/** The decorator's resolved name and its first argument: `@Get('/x')` → `Get`, `'/x'`. */
function decoratorCall(decorator: ts.Decorator, scope: Scope): { name: string; module: string | null; arg?: ts.Expression } | undefined {
  const expr = decorator.expression;
  const target = ts.isCallExpression(expr) ? expr.expression : expr;
  const resolved = resolveExpression(target, scope);
  if (!resolved) return undefined;
  const name = resolved.path.slice(resolved.path.lastIndexOf('.') + 1);
  const arg = ts.isCallExpression(expr) ? expr.arguments[0] : undefined;
  return arg ? { name, module: resolved.module, arg } : { name, module: resolved.module };
}

function nestPath(arg: ts.Expression | undefined, context: RouteContext): string {
  if (!arg) return '';
  const literal = literalOf(arg, context.scope);
  if (typeof literal === 'string') return literal;
  if (Array.isArray(literal) && typeof literal[0] === 'string') return literal[0];
  if (literal && typeof literal === 'object' && !Array.isArray(literal) && typeof literal['path'] === 'string') return literal['path'];
  return '';
}

function joinPaths(...parts: string[]): string {
  const segments = parts.map((part) => part.replace(/^\/+|(?<!\/)\/+$/g, '')).filter((part) => part !== '');
  return `/${segments.join('/')}`;
}

/** NestJS routes: `@Get('x')` methods of a `@Controller('prefix')` class, with the decorator node. */
export function nestRoutes(node: ts.ClassLikeDeclaration, context: RouteContext): (RouteShape & { at: ts.Node })[] {
  const controller = decoratorsOf(node)
    .map((decorator) => decoratorCall(decorator, context.scope))
    .find((call) => call?.name === 'Controller' && (call.module === null || call.module === '@nestjs/common'));
  if (!controller) return [];
  const prefix = nestPath(controller.arg, context);
  const routes: (RouteShape & { at: ts.Node })[] = [];
  for (const member of node.members) {
    if (!ts.isMethodDeclaration(member)) continue;
    for (const decorator of decoratorsOf(member)) {
      const call = decoratorCall(decorator, context.scope);
      if (!call || !NEST_METHODS.has(call.name) || (call.module !== null && call.module !== '@nestjs/common')) continue;
      routes.push({ framework: 'nestjs', method: call.name.toUpperCase(), path: joinPaths(prefix, nestPath(call.arg, context)), at: decorator });
    }
  }
  return routes;
}

/**
 * The URL path of a Next.js route file: `app/api/chat/route.ts` → `/api/chat` (route groups
 * like `(site)` dropped), `pages/api/ask.ts` → `/api/ask`; undefined for other files.
 */
export function nextRoutePath(filePath: string): { path: string; style: 'app' | 'pages' } | undefined {
  // Linear on a hostile path: no match spans a line break (only the text after the last one can
  // match), and each pattern runs only when the path ends as it must, so no start scans and fails.
  const scanned = filePath.slice(Math.max(0, filePath.search(/[\n\r\u2028\u2029][^\n\r\u2028\u2029]*$/)));
  const appRoute = /(?:^|\/)route\.[mc]?[jt]sx?$/.test(scanned) ? /(?:^|\/)app\/(?:(.*)\/)?route\.[mc]?[jt]sx?$/.exec(scanned) : null;
  if (appRoute) {
    const segments = (appRoute[1] ?? '').split('/').filter((s) => s !== '' && !/^\(.*\)$/.test(s) && !s.startsWith('@'));
    return { path: joinPaths(...segments), style: 'app' };
  }
  const pagesRoute = /\.[mc]?[jt]sx?$/.test(scanned) ? /(?:^|\/)pages\/(api(?:\/.*)?)\.[mc]?[jt]sx?$/.exec(scanned) : null;
  if (pagesRoute) return { path: joinPaths(pagesRoute[1]!.replace(/(^|\/)index$/, '')), style: 'pages' };
  return undefined;
}

/** True for the names of Next.js app-router handlers (`GET`, `POST`, …). */
export function isNextMethod(name: string): boolean {
  return NEXT_METHODS.has(name);
}
