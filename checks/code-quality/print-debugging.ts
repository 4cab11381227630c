import { defineCheck } from '../../src/engine/define-check.js';
import { isLibraryModule, packageFolders } from '../../src/facts/queries/code-quality.js';
import { calleeMatches, isTestPath, plainCallee } from '../../src/facts/query.js';
import type { PyCall } from '../../src/facts/types.js';

const MAX_EVIDENCE = 3;
const MAX_FINDINGS = 5;
const LOG_METHOD = /\.(debug|info|warning|warn|error|exception|critical|log)$/;

/** `logging.info(...)`, `logging.getLogger().info(...)`, `loguru.logger.info(...)`, `logger.info(...)`. */
function isLogging(call: PyCall): boolean {
  if (!LOG_METHOD.test(plainCallee(call.callee))) return false;
  return /^(logging|loguru|structlog)\./.test(call.callee) || /^(self\.)?(_?logger|_?log|LOGGER|LOG)\./.test(call.raw);
}

function isPrint(call: PyCall): boolean {
  return call.callee === 'print' || calleeMatches(call.callee, 'pprint.pprint');
}

export default defineCheck({
  id: 'code-quality/print-debugging',
  docs: 'Compares `print` with `logging` calls in the Python modules, and reports library modules (imported, not run) that print.',
  messages: {
    ratio: '{{prints}} `print` and {{logs}} logging calls in Python modules',
    printsInLibrary: '`{{path}}` is imported as a library but prints {{count}} time(s){{noLogging}}',
  },
  questions: {
    printsInLibrary: '`{{path}}` prints at `{{at}}`. When this runs behind an API, where does that output go, and how would you see it in production?',
  },
  *run({ facts }) {
    const modules = facts.python.filter((m) => m.kind === 'python' && !isTestPath(m.path));
    const prints = modules.flatMap((m) => m.calls.filter(isPrint));
    const logs = modules.flatMap((m) => m.calls.filter(isLogging));
    const [first] = [...logs, ...prints];
    if (!first) return;
    yield { kind: 'info', messageId: 'ratio', evidence: [first, ...prints.slice(0, logs.length ? 1 : 0)].map((c) => c.evidence) as [PyCall['evidence']], data: { prints: prints.length, logs: logs.length } };
    const packages = packageFolders(facts);
    let findings = 0;
    for (const module of modules) {
      if (!isLibraryModule(module, packages)) continue;
      const own = module.calls.filter((c) => isPrint(c) && !/(^|\.)main$/.test(c.scope ?? ''));
      const [firstPrint] = own;
      if (!firstPrint || findings++ >= MAX_FINDINGS) continue;
      const noLogging = module.calls.some(isLogging) ? '' : ' and uses no logging';
      yield {
        kind: 'concern',
        messageId: 'printsInLibrary',
        evidence: [firstPrint.evidence, ...own.slice(1, MAX_EVIDENCE).map((c) => c.evidence)],
        data: { path: module.path, count: own.length, noLogging, at: `${firstPrint.evidence.path}:${firstPrint.evidence.line}` },
      };
    }
  },
});
