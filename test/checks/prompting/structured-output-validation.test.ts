import { describe, expect, it } from 'vitest';
import check from '../../../checks/prompting/structured-output-validation.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const VALIDATED = [
  'from openai import OpenAI',
  'from pydantic import BaseModel, ValidationError',
  '',
  'client = OpenAI()',
  '',
  'class Answer(BaseModel):',
  '    answer: str',
  '    sources: list[str]',
  '',
  'def answer(messages) -> Answer | None:',
  '    for attempt in range(3):',
  '        out = client.chat.completions.create(model="gpt-4o-mini", messages=messages, response_format={"type": "json_object"})',
  '        raw = out.choices[0].message.content',
  '        try:',
  '            return Answer.model_validate_json(raw)',
  '        except ValidationError as error:',
  '            messages = messages + [{"role": "user", "content": f"Invalid: {error}"}]',
  '    return None',
  '',
].join('\n');

const BARE_JSON = 'import json\nimport ollama\n\ndef extract(text):\n    out = ollama.generate(model="llama3", prompt=text)\n    return json.loads(out["response"])\n';

describe('prompting/structured-output-validation', () => {
  it.each<CheckRow>([
    {
      name: 'JSON mode, pydantic validation and a retry on invalid output',
      files: { 'support/answer.py': VALIDATED },
      expected: [
        { kind: 'strength', messageId: 'nativeStructured', at: 'support/answer.py:12' },
        { kind: 'strength', messageId: 'validated', at: 'support/answer.py:15' },
        { kind: 'strength', messageId: 'retriesInvalid', at: 'support/answer.py:16' },
      ],
    },
    {
      name: 'LangChain with_structured_output',
      files: { 'chain.py': 'from langchain_openai import ChatOpenAI\nfrom pydantic import BaseModel\n\nclass Out(BaseModel):\n    label: str\n\nllm = ChatOpenAI(model="gpt-4o-mini").with_structured_output(Out)\n' },
      expected: [{ kind: 'strength', messageId: 'nativeStructured', at: 'chain.py:7' }],
    },
    { name: 'json.loads on the model\'s answer, unguarded', files: { 'extract.py': BARE_JSON }, expected: [{ kind: 'concern', messageId: 'unvalidatedJson', at: 'extract.py:6' }] },
    {
      name: 'json.loads on the model\'s answer inside try/except',
      files: { 'extract.py': 'import json\nimport ollama\n\ndef extract(text):\n    out = ollama.generate(model="llama3", prompt=text)\n    try:\n        return json.loads(out["response"])\n    except json.JSONDecodeError:\n        return None\n' },
      expected: [],
    },
    {
      name: 'a zod schema checking a TypeScript model answer',
      files: { 'src/extract.ts': 'import OpenAI from "openai";\nimport { z } from "zod";\nconst Answer = z.object({ answer: z.string() });\nconst client = new OpenAI();\nexport async function ask(q: string) {\n  const out = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: q }] });\n  return Answer.parse(JSON.parse(out.choices[0].message.content ?? "{}"));\n}\n' },
      expected: [{ kind: 'strength', messageId: 'validated', at: 'src/extract.ts:7' }],
    },
    { name: 'json.loads of a config file', files: { 'config.py': 'import json\nsettings = json.loads(open("settings.json").read())\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names the schema and the retry', async () => {
    const [native, validated, retry] = await findingsOf(check, { 'support/answer.py': VALIDATED });
    expect(native!.message).toBe('The model is asked for structured output: JSON mode (`response_format`) (support/answer.py:12)');
    expect(validated!.message).toBe('The model\'s answer is validated against `Answer` (`Answer.model_validate_json(…)`)');
    expect(retry!.message).toBe('An answer that fails validation is retried (`answer` calls the model again after `except ValidationError`)');
  });
});
