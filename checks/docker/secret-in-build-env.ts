import { defineCheck } from '../../src/engine/define-check.js';
import { snippetOf } from '../../src/facts/evidence.js';
import { credentialKind, isPlaceholder } from '../../src/facts/secrets/generic-assignments.js';
import { fileAt } from '../../src/facts/query.js';
import { redact } from '../../src/facts/secrets/redact.js';
import type { DockerInstruction, Facts } from '../../src/facts/types.js';
import type { Evidence } from '../../src/types.js';

interface Setting {
  name: string;
  /** The value as written, quotes removed; null for `ARG NAME` without a default. */
  value: string | null;
}

/** `ENV A=1 B="x y"`, legacy `ENV A 1`, `ARG A`, `ARG A=1`. */
function settings(instruction: DockerInstruction): Setting[] {
  const args = instruction.args.trim();
  if (instruction.keyword === 'ENV' && /^[A-Za-z_][\w.-]*\s+[^=\s]/.test(args) && !/^[A-Za-z_][\w.-]*=/.test(args)) {
    const [name, ...rest] = args.split(/\s+/);
    return [{ name: name!, value: unquote(rest.join(' ')) }];
  }
  const out: Setting[] = [];
  const pair = /([A-Za-z_][\w.-]*)(?:=("(?:[^"\\]|\\.)*"|'[^']*'|\S*))?/g;
  for (let match = pair.exec(args); match; match = pair.exec(args)) {
    out.push({ name: match[1]!, value: match[2] === undefined ? null : unquote(match[2]) });
  }
  return out;
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** The instruction's line that holds `name` (continuation lines included), with every secret value redacted. */
function redactedEvidence(facts: Facts, instruction: DockerInstruction, name: string, values: string[]): Evidence {
  const lines = fileAt(facts, instruction.evidence.path)?.text.split('\n') ?? [];
  let line = instruction.line;
  for (let n = instruction.line; n <= instruction.endLine; n++) {
    if (lines[n - 1]?.includes(name)) {
      line = n;
      break;
    }
  }
  let text = lines[line - 1] ?? '';
  for (const value of values) text = text.split(value).join(redact(value));
  return { path: instruction.evidence.path, line, snippet: snippetOf(text) };
}

export default defineCheck({
  id: 'docker/secret-in-build-env',
  docs: 'Reports credentials written into a Dockerfile `ENV`/`ARG` (value redacted), and credentials passed as build arguments, which stay in the image history.',
  messages: {
    literal: '`{{keyword}} {{name}}` sets a credential in the Dockerfile; it is baked into every layer of the image',
    buildArg: '`{{keyword}} {{name}}` passes a credential through the build; its value stays visible in `docker history`',
  },
  questions: {
    literal: '{{at}} sets `{{name}}` in the image. Who can read it once the image is pushed, and how would you give the container the key instead?',
    buildArg: '{{at}} passes `{{name}}` as a build argument. Where does that value end up, and how else could the build get it?',
  },
  *run({ facts }) {
    // Values the secret scanner already recognised are reported once, by `security/committed-secret`.
    const scanned = new Set(facts.secrets.map((s) => `${s.evidence.path}:${s.evidence.line}`));
    for (const dockerfile of facts.dockerfiles) {
      const seen = new Set<string>();
      for (const instruction of dockerfile.instructions) {
        if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') continue;
        const all = settings(instruction);
        const secretValues = all.filter((s) => s.value && credentialKind(s.name)).map((s) => s.value!);
        for (const { name, value } of all) {
          if (!credentialKind(name) || seen.has(name)) continue;
          const evidence = redactedEvidence(facts, instruction, name, secretValues);
          const at = `${evidence.path}:${evidence.line}`;
          const data = { keyword: instruction.keyword, name, at };
          const fromVariable = value !== null && /^\$\{?\w+\}?$/.test(value);
          if (value === null || fromVariable) {
            if (instruction.keyword === 'ARG' || fromVariable) {
              seen.add(name);
              yield { kind: 'concern', messageId: 'buildArg', evidence: [evidence], data };
            }
            continue;
          }
          if (value === '' || isPlaceholder(value) || scanned.has(at)) continue;
          seen.add(name);
          yield { kind: 'concern', messageId: 'literal', evidence: [evidence], data };
        }
      }
    }
  },
});
