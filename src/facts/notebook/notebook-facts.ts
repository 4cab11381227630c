import { parseRequirement } from '../manifests/parse-requirement.js';
import { extractPython } from '../python/extract-python.js';
import type { ParseBudget } from '../parse-budget.js';
import { withPythonTree } from '../python/python-parser.js';
import { scanSecrets } from '../secrets/scan-secrets.js';
import { snippetOf } from '../evidence.js';
import type { Dependency, NotebookSummary, PyModule, SecretHit } from '../types.js';
import type { SourceFile } from '../../types.js';
import { readNotebook } from './read-notebook.js';

export interface NotebookFacts {
  /** Null for notebooks of other kernels (R, Julia): nothing to parse as Python. */
  module: PyModule | null;
  /** `!pip install` / `%pip install` lines, as declarations. */
  dependencies: Dependency[];
  /** Secrets in code cells, at cell-based lines; outputs are never read. */
  secrets: SecretHit[];
  summary: NotebookSummary;
}

/** A notebook's code cells → Python facts, install lines and secrets, all at cell-mapped lines. */
export async function notebookFacts(file: SourceFile, budget?: ParseBudget): Promise<NotebookFacts> {
  const notebook = readNotebook(file.path, file.text);
  const secrets = scanSecrets({ path: file.path, text: notebook.code, bytes: file.bytes }).map((hit) => ({
    kind: hit.kind,
    evidence: { ...notebook.evidenceAt(hit.evidence.line), snippet: hit.evidence.snippet },
  }));
  const dependencies: Dependency[] = notebook.installs.flatMap((install) =>
    install.packages.flatMap((token) => {
      const requirement = parseRequirement(token);
      return requirement ? [{ ...requirement, ecosystem: 'pypi' as const, group: 'main' as const, manifest: file.path, evidence: notebook.evidenceAt(install.line) }] : [];
    }),
  );
  const module = notebook.isPython
    ? await withPythonTree(notebook.python, (tree) => extractPython(tree, file.path, 'notebook', notebook.evidenceAt, budget), budget)
    : null;
  const summary: NotebookSummary = {
    path: file.path,
    cells: notebook.cells,
    codeCells: notebook.codeCells,
    outputBytes: notebook.outputBytes,
    evidence: { path: file.path, line: 1, snippet: snippetOf(file.text.split('\n', 1)[0]) },
  };
  return { module, dependencies, secrets, summary };
}
