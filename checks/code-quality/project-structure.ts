import { defineCheck } from '../../src/engine/define-check.js';
import { entryPoints, inPackageFolder, lineEvidence, outermostPackages, packageFolders, sourceModules } from '../../src/facts/queries/code-quality.js';
import { isTestPath } from '../../src/facts/query.js';
import type { Evidence } from '../../src/types.js';

const MAX_EVIDENCE = 5;

export default defineCheck({
  id: 'code-quality/project-structure',
  docs: 'Describes how the Python code is organised: a package of modules with an entry point, loose scripts, or notebooks only — the "system vs pile of scripts" signal.',
  messages: {
    package: 'Code is organised as a package (`{{packages}}`, {{modules}} modules, {{internalImports}} imports between them) started through {{entry}}',
    packageWithoutEntry: 'Code is organised as a package (`{{packages}}`, {{modules}} modules) but no entry point was found (no `__main__.py`, CLI, app object or pyproject script)',
    singleModule: 'All Python code is in one module, `{{path}}` ({{lines}} lines of code){{entryNote}}',
    looseScripts: '{{modules}} loose Python scripts with no package{{entryNote}}: {{paths}}',
    notebooksOnly: 'All code lives in {{count}} notebook(s) ({{paths}}, {{codeCells}} code cells); there are no Python modules',
  },
  questions: {
    looseScripts: 'Your code is {{modules}} separate scripts. In what order are they run, and what would you change to run the whole pipeline with one command?',
    notebooksOnly: 'All your code is in {{paths}}. How would you turn it into something a teammate can run and test without opening the notebook?',
  },
  *run({ facts }) {
    // An empty `__init__.py` marks a package; it is not a module of code.
    const modules = sourceModules(facts).filter((m) => !(/(^|\/)__init__\.py$/.test(m.path) && m.linesOfCode === 0));
    const notebooks = facts.notebooks.filter((n) => !isTestPath(n.path));
    if (!modules.length) {
      const [first, ...rest] = notebooks;
      if (!first) return;
      yield {
        kind: 'info',
        messageId: 'notebooksOnly',
        evidence: [first.evidence, ...rest.slice(0, MAX_EVIDENCE - 1).map((n) => n.evidence)],
        data: { count: notebooks.length, paths: notebooks.map((n) => `\`${n.path}\``), codeCells: notebooks.reduce((sum, n) => sum + n.codeCells, 0) },
      };
      return;
    }
    const packages = packageFolders(facts);
    const inPackage = modules.filter((m) => inPackageFolder(m.path, packages));
    const entries = entryPoints(facts);
    // An absolute import is internal when its first name is a package folder's own name (`rag` for `src/rag`).
    const packageLastNames = new Set([...packages].filter((p) => p !== '').map((p) => p.slice(p.lastIndexOf('/') + 1)));
    const internalImports = modules.reduce((sum, m) => sum + m.imports.filter((i) => i.module.startsWith('.') || packageLastNames.has(i.module.split('.')[0] ?? '')).length, 0);
    const packageNames = outermostPackages(packages).filter((p) => p !== '' && !isTestPath(`${p}/x.py`));
    if (packageNames.length && inPackage.length >= 2) {
      const init = lineEvidence(facts, `${packageNames[0]}/__init__.py`);
      const data = { packages: packageNames, modules: inPackage.length, internalImports };
      const [entry] = entries;
      if (entry) yield { kind: 'info', messageId: 'package', evidence: [entry.evidence, init], data: { ...data, entry: entries.map((e) => e.kind).slice(0, 3) } };
      else yield { kind: 'info', messageId: 'packageWithoutEntry', evidence: [init], data };
      return;
    }
    const entryNote = entries.length ? ` (started through ${entries.map((e) => e.kind).slice(0, 2).join(', ')})` : ' and no entry point';
    if (modules.length === 1) {
      const [only] = modules as [(typeof modules)[number]];
      yield { kind: 'info', messageId: 'singleModule', evidence: [lineEvidence(facts, only.path)], data: { path: only.path, lines: only.linesOfCode, entryNote: entries.length ? `; started through ${entries.map((e) => e.kind).slice(0, 2).join(', ')}` : '' } };
      return;
    }
    const evidence = modules.slice(0, MAX_EVIDENCE).map((m) => lineEvidence(facts, m.path)) as [Evidence, ...Evidence[]];
    yield {
      kind: 'info',
      messageId: 'looseScripts',
      evidence,
      data: {
        modules: modules.length,
        paths: modules.slice(0, 8).map((m) => `\`${m.path}\``),
        entryNote,
      },
    };
  },
});
