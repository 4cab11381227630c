import type { Facts } from '../facts/types.js';
import { detectImports } from './detect-imports.js';
import { API_FRAMEWORKS } from './signals.js';
import type { StackItem } from './types.js';

const ROUTE_FRAMEWORKS = new Set(['express', 'fastify', 'nestjs', 'nextjs']);

/** `stack.apiFrameworks`: the framework's import, plus the route handlers it serves. */
export function detectApiFrameworks(facts: Facts): StackItem[] {
  const found = detectImports(facts, API_FRAMEWORKS);
  for (const route of facts.scripts.flatMap((m) => m.routes)) {
    if (ROUTE_FRAMEWORKS.has(route.framework)) found.add(route.framework, route.evidence);
  }
  for (const fn of facts.python.flatMap((m) => m.functions)) {
    for (const decorator of fn.decorators) {
      const framework = /^(fastapi|flask)\./.exec(decorator)?.[1];
      if (framework && /\.(get|post|put|patch|delete|route|api_route|websocket)$/.test(decorator)) found.add(framework, fn.evidence);
    }
  }
  return found.toItems();
}
