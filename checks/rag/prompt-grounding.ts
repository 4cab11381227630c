import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath } from '../../src/facts/query.js';
import type { Evidence } from '../../src/types.js';
import { at } from '../../src/facts/queries/rag.js';

/** A slot for retrieved text (`{context}`, `{{docs}}`, `${retrieved}`, `{context_text}`), or a `Context:` label before any slot. */
const CONTEXT_SLOT = /\{[^{}\n]{0,40}(context|docs|documents|passages|sources|retrieved|chunks|snippets|knowledge)[^{}\n]{0,40}\}|context\s*(?::\s*)?[$]?\{/i;
const QUESTION_SLOT = /\{[^{}\n]{0,40}(question|query|input|user_question|prompt|message)[^{}\n]{0,40}\}|question\s*(?::\s*)?[$]?\{/i;
/** "Answer only from the context", "use only the information below", "based solely on the documents", "do not use outside knowledge". */
const ONLY_CONTEXT = /\b(only|solely|exclusively|strictly)\b[^.\n]{0,60}\b(context|provided|information|documents?|passages?|sources?|excerpts?|below|above)\b|\b(context|documents?|passages?)\b[^.\n]{0,30}\bonly\b|do not (use|rely on) [^.\n]{0,30}(outside|prior|external|own) knowledge|don'?t make up|do not make up|never invent/i;
/** "Say I don't know", "if the answer is not in the context", "cannot answer". */
const ABSTAIN = /\bi\s+(don'?t|do\s+not)\s+know\b|\bnot\s+(contained\s+|present\s+|found\s+)?in\s+the\s+(context|documents?|passages?|sources?)\b|\b(can'?not|can't)\s+(answer|find)\b|\bnot enough information\b|\bsay\s+(so|that\s+you\s+(don'?t|do\s+not)\s+know)\b|\bunanswerable\b/i;

interface Text {
  value: string;
  evidence: Evidence;
}

export default defineCheck({
  id: 'rag/prompt-grounding',
  docs: 'Reports each RAG prompt template (a slot for retrieved context and one for the question) and whether it tells the model to answer only from the context and to say it does not know otherwise.',
  messages: {
    grounded: 'The prompt template tells the model to answer only from the retrieved context and to say when it does not know',
    ungrounded: 'The prompt template puts retrieved context and the question together but {{missing}}',
  },
  questions: {
    ungrounded: 'The prompt at `{{at}}` {{missing}} — what does your pipeline answer when retrieval finds nothing relevant, and how would you detect hallucinated answers?',
  },
  *run({ facts }) {
    const modules: Text[][] = [
      ...facts.python.filter((m) => !isTestPath(m.path)).map((m) => m.strings.filter((s) => !s.isDocstring)),
      ...facts.scripts.map((m) => m.strings),
    ];
    for (const strings of modules) {
      const templates = strings.filter((s) => CONTEXT_SLOT.test(s.value) && QUESTION_SLOT.test(s.value));
      if (!templates.length) continue;
      // A system message written next to the template counts: the instruction and the slots may be separate strings.
      const only = strings.find((s) => ONLY_CONTEXT.test(s.value));
      const abstain = strings.find((s) => ABSTAIN.test(s.value));
      for (const template of templates) {
        if (only && abstain) {
          const evidence = [template.evidence, only.evidence, abstain.evidence].filter((e, i, all) => all.findIndex((o) => o.line === e.line) === i);
          yield { kind: 'strength', messageId: 'grounded', evidence: [evidence[0]!, ...evidence.slice(1)], data: { at: at(template.evidence) } };
          continue;
        }
        const missing = !only && !abstain
          ? 'gives no instruction to answer only from the context or to say "I don\'t know"'
          : !only ? 'never tells the model to answer only from the context' : 'never tells the model to say "I don\'t know" when the context lacks the answer';
        yield { kind: 'concern', messageId: 'ungrounded', evidence: [template.evidence], data: { missing, at: at(template.evidence) } };
      }
    }
  },
});
