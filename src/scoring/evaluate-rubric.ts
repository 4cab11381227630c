import type { Finding } from '../engine/types.js';
import { snippetOf } from '../facts/evidence.js';
import { calleeMatches, pythonCalls } from '../facts/query.js';
import type { Facts } from '../facts/types.js';
import { sortedEvidence } from '../stack/evidence-map.js';
import type { Stack } from '../stack/types.js';
import type { Evidence } from '../types.js';
import type { Detector, Rubric } from './rubric-schema.js';

export type RubricStatus = 'met' | 'partial' | 'not-found';

export interface RubricResult {
  id: string;
  title: string;
  status: RubricStatus;
  evidence: Evidence[];
  lookedFor: string;
}

export interface RubricInputs {
  facts: Facts;
  stack: Stack;
  findings: readonly Finding[];
}

const MAX_LINE_SCANNED = 1000;
const MAX_EVIDENCE = 6;

function uniqueEvidence(list: readonly (Evidence | undefined)[]): Evidence[] {
  const seen = new Map<string, Evidence>();
  for (const e of list) if (e && !seen.has(`${e.path}:${e.line}`)) seen.set(`${e.path}:${e.line}`, e);
  return [...seen.values()];
}

/**
 * Each assignment item decided from evidence: `met` when every `met` detector finds some,
 * `partial` when a `partial` detector does, else `not-found` with what was looked for.
 */
export function evaluateRubric(rubric: Rubric, inputs: RubricInputs): RubricResult[] {
  return rubric.items.map((item) => {
    const met = item.met.map((detector) => detect(detector, inputs));
    const partial = item.partial.map((detector) => detect(detector, inputs));
    const status: RubricStatus = met.every((e) => e.length) ? 'met' : partial.some((e) => e.length) ? 'partial' : 'not-found';
    // The first line of each detector that decided leads: together they show why.
    const lists = status === 'met' ? [...met, ...partial] : partial;
    const evidence = status === 'not-found' ? [] : uniqueEvidence([...lists.map((l) => l[0]), ...lists.flat()]).slice(0, MAX_EVIDENCE);
    return { id: item.id, title: item.title, status, evidence, lookedFor: item.lookedFor };
  });
}

function detect(detector: Detector, { facts, stack, findings }: RubricInputs): Evidence[] {
  if ('stack' in detector) {
    if (detector.stack === 'evaluation') return stack.evaluation;
    if (detector.stack.startsWith('rag.')) {
      const stage = detector.stack.slice(4) as keyof NonNullable<Stack['rag']>;
      return stack.rag?.[stage] ?? [];
    }
    const items = stack[detector.stack as 'libraries'];
    return items.filter((item) => !item.declaredOnly && (!detector.ids || detector.ids.includes(item.id))).flatMap((item) => item.evidence);
  }
  if ('calls' in detector) {
    const calls = [...pythonCalls(facts), ...facts.scripts.flatMap((m) => m.calls)];
    return sortedEvidence(calls.filter((call) => detector.calls.some((pattern) => calleeMatches(call.callee, pattern))).map((call) => call.evidence));
  }
  if ('check' in detector) {
    return findings
      .filter((f) => f.check === detector.check && (!detector.kind || f.kind === detector.kind) && (!detector.messageId || f.messageId === detector.messageId))
      .flatMap((f) => f.evidence);
  }
  const path = new RegExp(detector.file, 'i');
  const contains = detector.contains ? new RegExp(detector.contains, 'i') : null;
  const evidence: Evidence[] = [];
  for (const file of facts.files) {
    if (!path.test(file.path.slice(0, MAX_LINE_SCANNED))) continue;
    if (!contains) {
      evidence.push({ path: file.path, line: 1, snippet: snippetOf(file.text.split('\n', 1)[0]) });
      continue;
    }
    const lines = file.text.split('\n');
    const index = lines.findIndex((line) => contains.test(line.slice(0, MAX_LINE_SCANNED)));
    if (index >= 0) evidence.push({ path: file.path, line: index + 1, snippet: snippetOf(lines[index]) });
  }
  return evidence;
}
