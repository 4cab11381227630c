import { defineCheck } from '../../src/engine/define-check.js';

/** Outputs above this size make the notebook hard to diff and review, and often carry data. */
const MAX_OUTPUT_BYTES = 1024 * 1024;

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

export default defineCheck({
  id: 'code-quality/notebook-outputs',
  docs: 'Reports notebooks committed with more than 1 MB of saved cell outputs.',
  messages: {
    hugeOutputs: '`{{path}}` is committed with {{size}} MB of cell outputs ({{codeCells}} code cells)',
  },
  questions: {
    hugeOutputs: '`{{path}}` carries {{size}} MB of saved outputs. What is in them, and how do you keep notebooks reviewable in version control?',
  },
  *run({ facts }) {
    for (const notebook of facts.notebooks) {
      if (notebook.outputBytes <= MAX_OUTPUT_BYTES) continue;
      yield { kind: 'concern', messageId: 'hugeOutputs', evidence: [notebook.evidence], data: { path: notebook.path, size: megabytes(notebook.outputBytes), codeCells: notebook.codeCells } };
    }
  },
});
