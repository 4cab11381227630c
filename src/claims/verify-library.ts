import { API_FRAMEWORKS, LIBRARIES, VECTOR_STORES, type Signal } from '../stack/signals.js';
import type { Facts } from '../facts/types.js';
import type { Evidence } from '../types.js';
import { itemEvidence } from './code-lines.js';
import { listed, searched, type Verifier } from './verification-context.js';

const SIGNALS: readonly Signal[] = [...LIBRARIES, ...VECTOR_STORES, ...API_FRAMEWORKS];

/**
 * A library claim: supported when the code imports (or, for providers, calls) it; contradicted
 * when a manifest declares it but nothing imports it (the manifest line is the evidence), or when
 * nothing names it at all.
 */
export const verifyLibrary: Verifier = (claim, { facts, stack, scope }) => {
  const section = claim.library?.section ?? 'libraries';
  const ids = [claim.subject, ...(claim.library?.alsoIds ?? [])];
  const items = stack[section];
  const lookedFor = `${importsOf(ids, section)}, ${searched(scope, ['python', 'notebooks', 'scripts', 'manifests'])}`;
  const used = itemEvidence(items, ids);
  if (used.length) return { status: 'supported', evidence: used, lookedFor };
  const declared = [...items.filter((item) => ids.includes(item.id) && item.declaredOnly).flatMap((item) => item.evidence), ...declaredOnlyIn(facts, ids, section)];
  if (declared.length) return { status: 'contradicted', evidence: declared, lookedFor: `${lookedFor}; it is declared as a dependency but never imported` };
  return { status: 'contradicted', evidence: [], lookedFor };
};

/**
 * Manifest lines declaring a vector store or API framework (the stack lists those only when
 * used): `chromadb`, `faiss-cpu`, `qdrant-client`, `fastapi`.
 */
function declaredOnlyIn(facts: Facts, ids: readonly string[], section: string): Evidence[] {
  if (section !== 'vectorStores' && section !== 'apiFrameworks') return [];
  const names = SIGNALS.filter((s) => ids.includes(s.id)).flatMap((s) => [...(s.python ?? []).filter((p) => !p.includes('.')).map((p) => p.replace(/_/g, '-')), ...(s.npm ?? [])]);
  return facts.dependencies.filter((d) => names.some((n) => d.name === n || d.name.startsWith(`${n}-`))).map((d) => d.evidence);
}

/** "an import of `langchain` or `langchain_*` (npm `langchain`, `@langchain/*`)". */
function importsOf(ids: readonly string[], section: string): string {
  if (section === 'testFrameworks') return `tests that use ${listed(ids.map((id) => `\`${id}\``), 'or')}`;
  const signals = SIGNALS.filter((s) => ids.includes(s.id));
  const python = signals.flatMap((s) => s.python ?? []).filter((p) => !p.includes('.') || p.split('.').length <= 2).slice(0, 4);
  const npm = signals.flatMap((s) => s.npm ?? []).slice(0, 3);
  const parts = [python.length ? `an import of ${listed(python.map((p) => `\`${p}\``), 'or')} (Python or notebook cells)` : '', npm.length ? `${python.length ? 'of ' : 'an import of '}${listed(npm.map((p) => `\`${p}\``), 'or')} (npm)` : ''].filter(Boolean);
  return parts.length ? parts.join(', or ') : `an import of ${listed(ids.map((id) => `\`${id}\``), 'or')}`;
}
