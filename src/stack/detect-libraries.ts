import { codeStrings } from '../facts/query.js';
import type { Facts } from '../facts/types.js';
import type { Evidence } from '../types.js';
import { detectImports, signalOfDependency } from './detect-imports.js';
import { sortedEvidence } from './evidence-map.js';
import { LIBRARIES } from './signals.js';
import type { StackItem } from './types.js';
import { addTo } from '../multimap.js';

/** Raw HTTP calls to a provider's API count as using that provider. */
const PROVIDER_URLS: readonly { id: string; test: (s: string) => boolean }[] = [
  { id: 'ollama', test: (s) => /\/api\/(generate|embeddings?|pull)\b/.test(s) || (/\/api\/chat\b/.test(s) && /11434|ollama/i.test(s)) },
  { id: 'openai', test: (s) => s.includes('api.openai.com') },
  { id: 'anthropic', test: (s) => s.includes('api.anthropic.com') },
  { id: 'cohere', test: (s) => s.includes('api.cohere.') },
];

/**
 * `stack.libraries`: imported (notebook cells and TypeScript included), or reached through raw HTTP
 * calls to a provider; declared in a manifest or `!pip install` only → `declaredOnly`.
 */
export function detectLibraries(facts: Facts): StackItem[] {
  const used = detectImports(facts, LIBRARIES);
  for (const { value, evidence } of codeStrings(facts)) {
    for (const provider of PROVIDER_URLS) if (provider.test(value)) used.add(provider.id, evidence);
  }
  const items = used.toItems();
  const declared = new Map<string, Evidence[]>();
  for (const dependency of facts.dependencies) {
    const signal = signalOfDependency(dependency, LIBRARIES);
    if (!signal || used.has(signal.id)) continue;
    addTo(declared, signal.id, dependency.evidence);
  }
  for (const [id, evidence] of declared) items.push({ id, evidence: sortedEvidence(evidence), declaredOnly: true });
  return items;
}
