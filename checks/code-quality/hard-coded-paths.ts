import { defineCheck } from '../../src/engine/define-check.js';
import { at } from '../../src/facts/queries/code-quality.js';
import { calleeMatches, codeStrings, isTestPath, moduleByPath } from '../../src/facts/query.js';
import type { PyModule } from '../../src/facts/types.js';

const MAX_FINDINGS = 5;
/** A path on the author's machine: a home folder, a drive letter, a mounted Colab drive. */
const ABSOLUTE_PATH = /^(\/(home|Users)\/[\w.-]+\/|\/root\/|\/mnt\/[a-z]\/|\/content\/drive\/|[A-Za-z]:[\\/][\w .-])/;
/** A URL with an explicit host and port or an IP address: `http://localhost:11434`, `http://10.0.0.5/api`. */
const HOST_URL = /^(https?|wss?|redis|postgres(ql)?|mongodb|bolt|grpc):\/\/([^/\s:@]+@)?(localhost|\d{1,3}(\.\d{1,3}){3}|[\w.-]+:\d{2,5})/;
/** A line that reads the value from the environment or settings, keeping the literal only as a default. */
const CONFIGURABLE_LINE = /\b(getenv|environ|config|settings|Field|default|argparse|add_argument|os\.getenv)\b/i;

const ENV_LOOKUPS = ['os.getenv', 'os.environ.get', 'os.environ.setdefault'];

/**
 * Whether the literal on this line is only a default: a field of a pydantic `BaseSettings` class,
 * or a constant later passed as the fallback of `os.getenv("X", CONSTANT)`.
 */
function isDefault(module: PyModule, line: number): boolean {
  if (module.classes.some((c) => c.line <= line && line <= c.endLine && c.bases.some((b) => /BaseSettings$/.test(b)))) return true;
  const target = module.assignments.find((a) => a.evidence.line === line)?.target;
  if (!target) return false;
  return module.calls.some((c) => ENV_LOOKUPS.some((p) => calleeMatches(c.callee, p)) && c.args.some((a) => a.text === target));
}

export default defineCheck({
  id: 'code-quality/hard-coded-paths',
  docs: 'Reports absolute paths from the author\'s machine and service URLs (host and port) written into code instead of read from configuration.',
  messages: {
    absolutePath: 'Absolute path from the author\'s machine in code: `{{value}}`',
    hostUrl: 'Service address hard-coded in code: `{{value}}`',
  },
  questions: {
    absolutePath: '`{{at}}` reads `{{value}}`. What happens when someone else, or a container, runs this code?',
    hostUrl: '`{{at}}` talks to `{{value}}`. How would you point this at a different server when it runs in Docker or in production?',
  },
  *run({ facts }) {
    const modules = moduleByPath(facts);
    const seen = new Set<string>();
    let paths = 0;
    let hosts = 0;
    for (const { value, evidence } of codeStrings(facts)) {
      if (paths >= MAX_FINDINGS && hosts >= MAX_FINDINGS) return;
      if (seen.has(value) || isTestPath(evidence.path)) continue;
      if (!ABSOLUTE_PATH.test(value) && !HOST_URL.test(value)) continue;
      // `isDefault` walks the module: it is asked only of the strings that would be reported.
      const module = modules.get(evidence.path);
      if (module && isDefault(module, evidence.line)) continue;
      if (ABSOLUTE_PATH.test(value) && paths < MAX_FINDINGS) {
        seen.add(value);
        paths++;
        yield { kind: 'concern', messageId: 'absolutePath', evidence: [evidence], data: { value: value.slice(0, 80), at: at(evidence) } };
      } else if (HOST_URL.test(value) && !CONFIGURABLE_LINE.test(evidence.snippet) && hosts < MAX_FINDINGS) {
        seen.add(value);
        hosts++;
        yield { kind: 'concern', messageId: 'hostUrl', evidence: [evidence], data: { value: value.slice(0, 80), at: at(evidence) } };
      }
    }
  },
});
