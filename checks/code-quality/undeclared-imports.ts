import { defineCheck } from '../../src/engine/define-check.js';
import { importIsDeclared, ownModuleNames, STDLIB } from '../../src/facts/queries/code-quality.js';
import type { Evidence } from '../../src/types.js';

const MAX_NAMED = 8;
/** Provided by Jupyter and Colab themselves: nobody declares them. */
const PROVIDED_BY_NOTEBOOKS = /^(google\.colab|IPython|ipywidgets)(\.|$)/;

export default defineCheck({
  id: 'code-quality/undeclared-imports',
  docs: 'Reports third-party Python packages the code imports but no manifest (requirements, pyproject, Pipfile, conda, `!pip install`) declares.',
  messages: {
    undeclared: '{{count}} imported package(s) are not declared in any manifest: {{names}}',
    noManifest: 'The code imports {{count}} third-party package(s) ({{names}}) but no requirements file, pyproject or `!pip install` declares any dependency',
  },
  questions: {
    undeclared: '`{{at}}` imports `{{first}}`, which no manifest declares. How would someone set up an environment to run this from a fresh clone?',
    noManifest: 'There is no requirements file or pyproject. How would someone set up an environment to run this from a fresh clone, and which versions did you use?',
  },
  *run({ facts }) {
    const declared = new Set(facts.dependencies.filter((d) => d.ecosystem === 'pypi').map((d) => d.name));
    const own = ownModuleNames(facts);
    const firstUse = new Map<string, Evidence>();
    for (const module of facts.python) {
      for (const imp of module.imports) {
        if (imp.module.startsWith('.')) continue;
        if (module.kind === 'notebook' && PROVIDED_BY_NOTEBOOKS.test(imp.module)) continue;
        const top = imp.module.split('.')[0]!;
        if (STDLIB.has(top) || own.has(top) || firstUse.has(top)) continue;
        if (declared.size && importIsDeclared(imp.module, declared)) continue;
        firstUse.set(top, imp.evidence);
      }
    }
    const entries = [...firstUse];
    const [first] = entries;
    if (!first) return;
    const data = { count: entries.length, names: entries.slice(0, MAX_NAMED).map(([name]) => `\`${name}\``), first: first[0], at: `${first[1].path}:${first[1].line}` };
    const evidence: [Evidence, ...Evidence[]] = [first[1], ...entries.slice(1, MAX_NAMED).map(([, e]) => e)];
    yield { kind: 'concern', messageId: declared.size ? 'undeclared' : 'noManifest', evidence, data };
  },
});
