/** Mini-repositories shared by the tests-area check tables. */

/** The candidate's RAG service: a hosted model call behind `answer()`, a pure helper beside it. */
export const RAG_APP = {
  'app/__init__.py': '',
  'app/rag.py': `import openai

client = openai.OpenAI()


def split(text, size=200):
    return [text[i:i + size] for i in range(0, len(text), size)]


def answer(question):
    reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    return reply.choices[0].message.content
`,
};

/** Enough ordinary code (60 lines) that a missing test suite is worth saying. */
export const FILLER = { 'app/settings.py': Array.from({ length: 60 }, (_, i) => `SETTING_${i} = ${i}`).join('\n') + '\n' };

/** Reports in a stable order (by place, then message id), for tables that expect several. */
export function sorted<T extends { at: string; messageId: string }>(reports: T[]): T[] {
  return [...reports].sort((a, b) => a.at.localeCompare(b.at) || a.messageId.localeCompare(b.messageId));
}
