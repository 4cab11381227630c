import { describe, expect, it } from 'vitest';
import { at, itemsAt } from '../helpers/review-fixture.js';
import { reviewFiles } from '../helpers/review-files.js';

const chat = (indent: string, variable: string) =>
  `${indent}return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": ${variable}}])`;

describe('stack.guardrails', () => {
  it.each<{ name: string; files: Record<string, string>; expected: Record<string, string>; places?: Record<string, string[]> }>([
    {
      name: 'NeMo Guardrails: the rails in code, a Colang flow and a rails config',
      files: {
        'app/rails.py': 'from nemoguardrails import LLMRails, RailsConfig\n\nconfig = RailsConfig.from_path("./config")\nrails = LLMRails(config)\n',
        'config/flows.co': '# topical rail\ndefine user ask off topic\n  "what is the weather"\n',
        'config/config.yml': 'models:\n  - type: main\n    engine: openai\n    model: gpt-4o-mini\nrails:\n  input:\n    flows:\n      - self check input\n',
      },
      expected: { 'nemo-guardrails': 'app/rails.py:3' },
      places: { 'nemo-guardrails': ['app/rails.py:3', 'app/rails.py:4', 'config/config.yml:5', 'config/flows.co:2'] },
    },
    {
      name: 'Guardrails AI with a hub validator',
      files: { 'guard.py': 'from guardrails import Guard\nfrom guardrails.hub import ToxicLanguage\n\nguard = Guard().use(ToxicLanguage, threshold=0.5)\n' },
      expected: { 'guardrails-ai': 'guard.py:4' },
    },
    {
      name: 'Llama Guard as the moderation model',
      files: { 'moderate.py': 'from transformers import AutoModelForCausalLM\n\nGUARD_MODEL = "meta-llama/Llama-Guard-3-8B"\nmodel = AutoModelForCausalLM.from_pretrained(GUARD_MODEL)\n' },
      expected: { 'llama-guard': 'moderate.py:3' },
    },
    {
      name: 'OpenAI moderation on the user input',
      files: { 'mod.py': 'from openai import OpenAI\n\nclient = OpenAI()\nflagged = client.moderations.create(input="text").results[0].flagged\n' },
      expected: { 'openai-moderation': 'mod.py:4' },
    },
    {
      name: 'Presidio anonymising PII',
      files: { 'pii.py': 'from presidio_analyzer import AnalyzerEngine\n\nanalyzer = AnalyzerEngine()\nresults = analyzer.analyze(text="call 555", language="en")\n' },
      expected: { presidio: 'pii.py:3' },
    },
    {
      name: 'custom: an input filter on the question before the model call, and a refusal constant returned',
      files: {
        'bot.py': [
          'from openai import OpenAI', '', 'client = OpenAI()', 'REFUSAL = "Sorry, I can\'t help with that."', '', '', 'def is_allowed(text):', '    return "password" not in text', '', '',
          'def answer(question: str) -> str:', '    if not is_allowed(question):', '        return REFUSAL', chat('    ', 'question'),
        ].join('\n'),
      },
      expected: { custom: 'bot.py:12' },
      places: { custom: ['bot.py:12', 'bot.py:13'] },
    },
    {
      name: 'custom: a route handler checks the request before calling the module that calls the model',
      files: {
        'api/main.py': [
          'from fastapi import FastAPI, HTTPException', 'from pydantic import BaseModel', '', 'from .rag import generate', 'from .safety import check_input', '', 'app = FastAPI()', '', '',
          'class Ask(BaseModel):', '    question: str', '', '', '@app.post("/ask")', 'def ask(body: Ask):', '    if not check_input(body.question):', '        raise HTTPException(400, "off-topic")', '    return {"answer": generate(body.question)}',
        ].join('\n'),
        'api/rag.py': ['from openai import OpenAI', '', 'client = OpenAI()', '', '', 'def generate(question):', chat('    ', 'question')].join('\n'),
        'api/safety.py': 'def check_input(text):\n    return len(text) < 500\n',
      },
      expected: { custom: 'api/main.py:16' },
    },
    {
      name: 'custom: an inline refusal returned where the model is called',
      files: {
        'bot.py': ['from openai import OpenAI', '', 'client = OpenAI()', '', '', 'def answer(question, context):', '    if not context:', '        return "I cannot answer that from the documents."', chat('    ', 'question')].join('\n'),
      },
      expected: { custom: 'bot.py:8' },
    },
    {
      name: 'negative: a filter with no model call, a refusal only mentioned in a prompt, a check on a constant, a refusal used away from the model',
      files: {
        'utils.py': 'def is_allowed(text):\n    return bool(text)\n\n\ndef validate(rows):\n    return [r for r in rows if is_allowed(r)]\n',
        'bot.py': [
          'from openai import OpenAI', '', 'client = OpenAI()', 'PROMPT = "Answer from the context. If it is not there, say: I cannot answer."', 'REFUSAL = "I cannot answer that."', '', '', 'def check_input(text):', '    return True', '', '',
          'def answer(question):', '    check_input("warm-up")', chat('    ', 'PROMPT + question'), '', '', 'def render():', '    return {"refusal": REFUSAL}',
        ].join('\n'),
      },
      expected: {},
    },
    {
      name: 'negative: the candidate’s own module named guardrails is not Guardrails AI',
      files: {
        'bot/guardrails.py': 'def scrub(text):\n    return text.strip()\n',
        'bot/main.py': 'import guardrails\nfrom guardrails import scrub\n\nprint(guardrails.scrub(scrub(" hi ")))\n',
      },
      expected: {},
    },
  ])('$name', async ({ files, expected, places }) => {
    const { stack } = await reviewFiles(files);
    expect(itemsAt(stack.guardrails)).toEqual(expected);
    for (const [id, lines] of Object.entries(places ?? {})) expect(stack.guardrails.find((i) => i.id === id)?.evidence.map(at)).toEqual(lines);
  });
});
