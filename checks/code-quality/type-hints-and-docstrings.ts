import { defineCheck } from '../../src/engine/define-check.js';
import { lineEvidence, percent, sourceModules } from '../../src/facts/queries/code-quality.js';
import type { Evidence } from '../../src/types.js';

/** Functions whose parameters are all annotated (leading `self`/`cls` aside). */
const IMPLICIT_PARAMS = new Set(['self', 'cls']);

export default defineCheck({
  id: 'code-quality/type-hints-and-docstrings',
  docs: 'Gives the share of annotated parameters, return types and docstrings of the Python functions, and whether TypeScript runs in `strict` mode.',
  messages: {
    python: 'Type hints on {{params}} and {{returns}}% of return types; docstrings on {{docstrings}}% of {{functions}} functions',
    tsStrict: '`{{path}}` enables TypeScript `strict` mode',
    tsNotStrict: '`{{path}}` does not enable TypeScript `strict` mode',
  },
  *run({ facts }) {
    const functions = sourceModules(facts).flatMap((m) => m.functions);
    const [first] = functions;
    if (first) {
      const total = functions.reduce((sum, f) => sum + f.params.filter((p, i) => !(i === 0 && IMPLICIT_PARAMS.has(p))).length, 0);
      const annotated = functions.reduce((sum, f) => sum + f.annotatedParams, 0);
      const typed = functions.find((f) => f.hasReturnAnnotation && f.annotatedParams > 0);
      const untyped = functions.find((f) => !f.hasReturnAnnotation && f.annotatedParams === 0 && f.params.length > 0);
      const evidence: [Evidence, ...Evidence[]] = [typed?.evidence ?? untyped?.evidence ?? first.evidence];
      if (typed && untyped) evidence.push(untyped.evidence);
      yield {
        kind: 'info',
        messageId: 'python',
        evidence,
        data: {
          params: total ? `${percent(annotated, total)}% of parameters (${annotated}/${total})` : 'no parameters (none declared)',
          returns: percent(functions.filter((f) => f.hasReturnAnnotation).length, functions.length),
          docstrings: percent(functions.filter((f) => f.hasDocstring).length, functions.length),
          functions: functions.length,
        },
      };
    }
    if (!facts.scripts.some((s) => s.language === 'typescript')) return;
    for (const doc of facts.configs) {
      if (!/(^|\/)tsconfig(\.[\w-]+)?\.json$/.test(doc.path)) continue;
      const leaf = doc.leaves.find((l) => l.key.length === 2 && l.key[0] === 'compilerOptions' && l.key[1] === 'strict');
      if (leaf?.value === true) yield { kind: 'strength', messageId: 'tsStrict', evidence: [leaf.evidence], data: { path: doc.path } };
      else yield { kind: 'info', messageId: 'tsNotStrict', evidence: [leaf?.evidence ?? doc.evidenceFor(['compilerOptions']) ?? lineEvidence(facts, doc.path)], data: { path: doc.path } };
      return;
    }
  },
});
