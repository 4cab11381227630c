import { snippetOf } from '../facts/evidence.js';
import { codeStrings, importedNames, nameMatches } from '../facts/query.js';
import type { Facts } from '../facts/types.js';
import type { StackItem } from '../stack/types.js';
import type { Evidence } from '../types.js';

/** Evidence shown per claim: enough to click through. */
export const MAX_CLAIM_EVIDENCE = 3;

/** Files that start, build or deploy a service: Dockerfiles, compose/Kubernetes YAML, shell scripts, Makefiles, Ollama Modelfiles, `.env`. */
const DEPLOYMENT_FILE = /(?:^|\/)(?:[^/]*Dockerfile[^/]*|Containerfile|Makefile|Procfile|Modelfile|[^/]*\.(?:ya?ml|sh|toml|env)|\.env[^/]*)$/i;
const MAX_SCANNED_BYTES = 512 * 1024;
const MAX_LINE = 2000;

/** Evidence of the stack items with these ids, declared-only ones left out. */
export function itemEvidence(items: readonly StackItem[], ids: readonly string[]): Evidence[] {
  return items.filter((item) => ids.includes(item.id) && !item.declaredOnly).flatMap((item) => item.evidence);
}

/**
 * Lines of deployment files (and string literals of code) matching `pattern`: `vllm serve`, a TGI
 * image, a `.gguf` path. Bounded: files over 512 KiB are left out, lines are read up to 2,000
 * characters, and the scan stops at `max` hits.
 */
export function deploymentLines(facts: Facts, pattern: RegExp, max = MAX_CLAIM_EVIDENCE): Evidence[] {
  const out: Evidence[] = [];
  for (const { value, evidence } of codeStrings(facts)) {
    if (out.length >= max) return out;
    if (pattern.test(value.slice(0, MAX_LINE))) out.push(evidence);
  }
  for (const file of facts.files) {
    if (out.length >= max) break;
    if (!DEPLOYMENT_FILE.test(file.path) || file.text.length > MAX_SCANNED_BYTES) continue;
    const lines = file.text.split('\n');
    for (let i = 0; i < lines.length && out.length < max; i++) {
      const line = lines[i]!;
      if (pattern.test(line.slice(0, MAX_LINE)) && !/^\s*#/.test(line)) out.push({ path: file.path, line: i + 1, snippet: snippetOf(line) });
    }
  }
  return out;
}

/** Import lines of modules under these names (`auto_gptq`, `optimum.gptq`). */
export function importLines(facts: Facts, modules: readonly string[]): Evidence[] {
  return importedNames(facts).filter((i) => modules.some((m) => nameMatches(i.full, m))).map((i) => i.evidence);
}

/** Evidence without repeats of a `path:line`, at most `max`. */
export function distinct(evidence: readonly Evidence[], max = MAX_CLAIM_EVIDENCE): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of evidence) {
    const key = `${e.path}:${e.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
    if (out.length >= max) break;
  }
  return out;
}
