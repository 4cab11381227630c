import type { Literal } from '../types.js';

/**
 * What a local name stands for.
 * - `resolved`: an import (`@langchain/openai.ChatOpenAI`) or a value reached from one
 *   (`openai.default()` for `const client = new OpenAI()`); `module` is the import's specifier.
 * - `literal`: a `const` bound to a literal (`const MODEL = 'gpt-4o-mini'`).
 * - `local`: anything else declared here; it shadows outer bindings and resolves to itself.
 */
export type Binding =
  | { kind: 'resolved'; path: string; module: string }
  | { kind: 'literal'; literal: Literal }
  | { kind: 'local' };

/** A lexical scope: the module, a function, a block or a class (which holds `this.x` keys). */
export class Scope {
  private readonly bindings = new Map<string, Binding>();

  constructor(
    readonly parent: Scope | undefined,
    readonly isClass = false,
  ) {}

  lookup(name: string): Binding | undefined {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      const found = scope.bindings.get(name);
      if (found) return found;
    }
    return undefined;
  }

  declare(name: string, binding: Binding): void {
    this.bindings.set(name, binding);
  }

  /** Rebinds an existing name where it was declared (`client = new OpenAI()`), else here. */
  assign(name: string, binding: Binding): void {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      if (scope.bindings.has(name)) {
        scope.bindings.set(name, binding);
        return;
      }
    }
    this.declare(name, binding);
  }

  /** The nearest enclosing class scope, where `this.x` bindings live. */
  classScope(): Scope | undefined {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      if (scope.isClass) return scope;
    }
    return undefined;
  }
}
