import { localModuleNames } from '../facts/queries/production.js';
import type { Facts } from '../facts/types.js';
import type { Evidence } from '../types.js';
import { detectImports, signalOfDependency } from './detect-imports.js';
import { byLocation, MAX_EVIDENCE_PER_ITEM, sortedEvidence, type EvidenceMap } from './evidence-map.js';
import type { Signal } from './signals.js';
import type { StackItem } from './types.js';
import { addTo } from '../multimap.js';

/**
 * The items of a production category. `tiers` hold evidence per id, strongest first (a flow
 * defined, a metric recorded, a service run — then a CI step, an environment switch, a URL); an
 * item lists its evidence tier by tier. An id found in no tier but imported keeps its import
 * lines; with `declared`, an id only declared in a manifest is listed `declaredOnly`.
 */
export function productionItems(
  facts: Facts,
  tiers: readonly EvidenceMap[],
  signals: readonly Signal[],
  { declared = true }: { declared?: boolean } = {},
): StackItem[] {
  const ids = new Set(tiers.flatMap((tier) => tier.ids()));
  const imports = detectImports(facts, signals, localModuleNames(facts));
  const items: StackItem[] = [];
  for (const id of ids) {
    const evidence = new Map<string, Evidence>();
    for (const tier of tiers) for (const e of tier.get(id)) if (!evidence.has(`${e.path}:${e.line}`)) evidence.set(`${e.path}:${e.line}`, e);
    items.push({ id, evidence: [...evidence.values()].slice(0, MAX_EVIDENCE_PER_ITEM) });
  }
  for (const id of imports.ids()) if (!ids.has(id)) items.push({ id, evidence: imports.get(id) });
  items.sort((a, b) => byLocation(a.evidence[0]!, b.evidence[0]!) || (a.id < b.id ? -1 : 1));
  if (!declared) return items;
  const listed = new Set(items.map((item) => item.id));
  const manifests = new Map<string, Evidence[]>();
  for (const dependency of facts.dependencies) {
    const signal = signalOfDependency(dependency, signals);
    if (!signal || listed.has(signal.id)) continue;
    addTo(manifests, signal.id, dependency.evidence);
  }
  for (const [id, evidence] of manifests) items.push({ id, evidence: sortedEvidence(evidence), declaredOnly: true });
  return items;
}
