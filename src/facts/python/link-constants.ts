import type { Evidence } from '../../types.js';
import { pythonModuleName } from '../query.js';
import type { Literal, PyModule, PyValue } from '../types.js';

/**
 * Gives names bound to another module's constant their value, across the submission:
 * `from .settings import CHUNK_SIZE` or `config.CHUNK_SIZE` → the literal `CHUNK_SIZE = 800` (or
 * its `os.getenv` default) in `settings.py`/`config.py`. Runs once after every module is parsed,
 * so checks read `value.literal` whatever module a constant lives in.
 */
export function linkConstants(modules: readonly PyModule[]): void {
  const byName = new Map<string, PyModule>();
  for (const m of modules) if (m.kind === 'python') byName.set(pythonModuleName(m.path), m);
  const bySuffix = suffixMatcher(byName);
  const constants = new Map<PyModule, Map<string, { literal: Literal; evidence: Evidence }>>();
  const constantsOf = (m: PyModule) => {
    let table = constants.get(m);
    if (!table) {
      table = new Map();
      for (const a of m.assignments) {
        if (a.scope === null && a.value.literal !== undefined && !table.has(a.target)) table.set(a.target, { literal: a.value.literal, evidence: a.value.definedAt ?? a.evidence });
      }
      constants.set(m, table);
    }
    return table;
  };
  const lookup = (from: PyModule, resolved: string): { literal: Literal; evidence: Evidence } | undefined => {
    const absolute = absoluteName(from.path, resolved);
    const cut = absolute.lastIndexOf('.');
    if (cut <= 0) return undefined;
    const target = byName.get(absolute.slice(0, cut)) ?? bySuffix(absolute.slice(0, cut));
    return target && target !== from ? constantsOf(target).get(absolute.slice(cut + 1)) : undefined;
  };
  const link = (from: PyModule, value: PyValue) => {
    if (value.kind !== 'name' || value.literal !== undefined || !value.resolved?.includes('.')) return;
    const constant = lookup(from, value.resolved);
    if (constant) {
      value.literal = constant.literal;
      value.definedAt = constant.evidence;
    }
  };
  // Module-level assignments first (`A = config.B`), so a constant re-exported once links too.
  for (const m of modules) for (const a of m.assignments) if (a.scope === null) link(m, a.value);
  constants.clear();
  for (const m of modules) {
    for (const call of m.calls) {
      for (const arg of call.args) link(m, arg);
      for (const value of Object.values(call.kwargs)) link(m, value);
    }
    for (const pair of m.pairs) link(m, pair.value);
    for (const a of m.assignments) if (a.scope !== null) link(m, a.value);
  }
}


/** `.settings.X` imported in `support_bot/index.py` → `support_bot.settings.X`. */
function absoluteName(fromPath: string, resolved: string): string {
  const dots = /^\.*/.exec(resolved)![0].length;
  if (!dots) return resolved;
  const folders = fromPath.split('/').slice(0, -1);
  const base = folders.slice(0, Math.max(0, folders.length - (dots - 1)));
  return [...base, resolved.slice(dots)].join('.');
}

/**
 * `config` matches `src.rag_service.config` when exactly one module ends so (code run from a
 * subfolder). Modules are grouped by their last name once, and each name's answer is kept, so a
 * lookup compares against the few modules sharing that last name instead of every module.
 */
function suffixMatcher(byName: Map<string, PyModule>): (name: string) => PyModule | undefined {
  let byLast: Map<string, [string, PyModule][]> | undefined;
  const answers = new Map<string, PyModule | undefined>();
  return (name) => {
    if (answers.has(name)) return answers.get(name);
    if (!byLast) {
      byLast = new Map();
      for (const entry of byName) {
        const last = entry[0].slice(entry[0].lastIndexOf('.') + 1);
        const group = byLast.get(last);
        if (group) group.push(entry);
        else byLast.set(last, [entry]);
      }
    }
    let found: PyModule | undefined;
    for (const [dotted, m] of byLast.get(name.slice(name.lastIndexOf('.') + 1)) ?? []) {
      if (dotted.endsWith(`.${name}`)) {
        if (found) {
          found = undefined;
          break;
        }
        found = m;
      }
    }
    answers.set(name, found);
    return found;
  };
}
