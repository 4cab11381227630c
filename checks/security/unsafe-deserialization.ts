import { defineCheck } from '../../src/engine/define-check.js';
import { argument, isTestPath, plainCallee } from '../../src/facts/query.js';
import { at } from '../../src/facts/queries/security.js';
import type { PyCall } from '../../src/facts/types.js';

/** Loaders that unpickle whatever the file holds. */
const LOADERS = new Set(['pickle.load', 'pickle.loads', 'cPickle.load', 'cPickle.loads', 'dill.load', 'dill.loads', 'cloudpickle.load', 'cloudpickle.loads', 'joblib.load', 'pandas.read_pickle', 'torch.load', 'numpy.load', 'yaml.load', 'yaml.load_all', 'yaml.unsafe_load', 'yaml.unsafe_load_all', 'yaml.full_load', 'torch.serialization.load']);
const SAFE_YAML_LOADERS = /(^|\.)(C?SafeLoader|BaseLoader)$/;

/** Why a loader call can run code from the file, or null when it is called safely. */
function unsafeBecause(call: PyCall, callee: string): string | null {
  if (callee === 'torch.load' || callee === 'torch.serialization.load') {
    return argument(call, 'weights_only')?.literal === true ? null : 'without `weights_only=True` it unpickles arbitrary objects (the default before torch 2.6)';
  }
  if (callee === 'numpy.load') {
    return argument(call, 'allow_pickle', 2)?.literal === true ? '`allow_pickle=True` lets the file unpickle arbitrary objects' : null;
  }
  if (callee === 'yaml.load' || callee === 'yaml.load_all') {
    const loader = argument(call, 'Loader', 1);
    if (loader && SAFE_YAML_LOADERS.test(loader.resolved ?? loader.text)) return null;
    return loader ? `\`Loader=${loader.text}\` can construct arbitrary Python objects; \`yaml.safe_load\` cannot` : 'without a safe `Loader` it can construct arbitrary Python objects; `yaml.safe_load` cannot';
  }
  if (callee.startsWith('yaml.')) return 'it can construct arbitrary Python objects; `yaml.safe_load` cannot';
  return 'unpickling runs any code the file was crafted to run';
}

export default defineCheck({
  id: 'security/unsafe-deserialization',
  docs: 'Reports loaders that can run code hidden in the file they read: `pickle`/`joblib`/`dill` loads, `torch.load` without `weights_only=True`, `yaml.load` without a safe loader, `np.load(allow_pickle=True)`.',
  messages: {
    unsafeLoad: '`{{call}}` loads {{source}}: {{because}}',
  },
  questions: {
    unsafeLoad: '`{{at}}` loads {{source}} with `{{call}}` — where can that file come from, and what would a crafted file do here? What safer format or option would you use?',
  },
  *run({ facts }) {
    for (const module of facts.python) {
      if (isTestPath(module.path)) continue;
      for (const call of module.calls) {
        const callee = plainCallee(call.callee);
        if (!LOADERS.has(callee)) continue;
        const because = unsafeBecause(call, callee);
        if (!because) continue;
        const first = call.args[0] ?? call.kwargs['f'] ?? call.kwargs['stream'] ?? call.kwargs['file'];
        yield {
          kind: 'concern',
          messageId: 'unsafeLoad',
          evidence: [call.evidence],
          data: { call: `${call.raw}(…)`, source: first ? `\`${first.text.length > 60 ? `${first.text.slice(0, 59)}…` : first.text}\`` : 'its input', because, at: at(call.evidence) },
        };
      }
    }
  },
});
