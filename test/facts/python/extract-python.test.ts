import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../../src/facts/evidence.js';
import { extractPython } from '../../../src/facts/python/extract-python.js';
import { withPythonTree } from '../../../src/facts/python/python-parser.js';

const facts = (source: string, path = 'app.py') => {
  const index = new LineIndex(path, source);
  return withPythonTree(source, (tree) => extractPython(tree, path, 'python', (line) => index.evidence(line)));
};

describe('extractPython', () => {
  it('resolves calls through module aliases, from-imports and assigned objects', async () => {
    const m = await facts(
      [
        'import transformers as tf',
        'from peft import LoraConfig as LC, get_peft_model',
        'from .local import helper',
        'model = tf.AutoModelForCausalLM.from_pretrained("gpt2")',
        'cfg = LC(r=16)',
        'model = get_peft_model(model, cfg)',
        'model.print_trainable_parameters()',
        'helper()',
      ].join('\n'),
    );
    const at = (callee: string) => m.calls.find((c) => c.callee === callee)?.evidence.line;
    expect(at('transformers.AutoModelForCausalLM.from_pretrained')).toBe(4);
    expect(at('peft.LoraConfig')).toBe(5);
    expect(at('peft.get_peft_model().print_trainable_parameters')).toBe(7);
    expect(at('.local.helper')).toBe(8);
    expect(m.imports.map((i) => `${i.module}:${i.name}:${i.alias}`)).toEqual([
      'transformers:null:tf',
      'peft:LoraConfig:LC',
      'peft:get_peft_model:get_peft_model',
      '.local:helper:helper',
    ]);
  });

  it('reads a keyword named __proto__ as one more keyword, not as the record\'s prototype', async () => {
    const m = await facts('configure(__proto__={"polluted": True}, text="kept")\nconfigure()\n');
    const [hostile, bare] = m.calls;
    expect(Object.keys(hostile!.kwargs)).toEqual(['__proto__', 'text']);
    expect(hostile!.kwargs['__proto__']).toMatchObject({ kind: 'dict', evidence: { line: 1 } });
    expect(Object.getPrototypeOf(hostile!.kwargs)).toBe(Object.prototype);
    expect(hostile!.kwargs['kind']).toBeUndefined();
    // A call without arguments holds the shared, frozen empty list and record.
    expect(bare!.args).toEqual([]);
    expect(bare!.kwargs).toEqual({});
    expect(Object.isFrozen(bare!.args) && Object.isFrozen(bare!.kwargs)).toBe(true);
  });

  it('reads keyword literals, and constants passed by name resolve to their value', async () => {
    const m = await facts(
      [
        'import os',
        'from peft import LoraConfig',
        'def build():',
        '    return LoraConfig(r=RANK, lora_alpha=2 * RANK, target_modules=["q_proj", "v_proj"], lora_dropout=-0.05, bias=None)',
        'RANK = 16',
        'MODEL = os.getenv("MODEL", "meta-llama/Llama-2-7b-hf")',
      ].join('\n'),
    );
    const call = m.calls.find((c) => c.callee === 'peft.LoraConfig')!;
    expect(call.evidence).toMatchObject({ path: 'app.py', line: 4 });
    expect(call.scope).toBe('build');
    expect(call.kwargs.r).toMatchObject({ kind: 'name', literal: 16 });
    expect(call.kwargs.lora_alpha?.literal).toBeUndefined();
    expect(call.kwargs.target_modules?.literal).toEqual(['q_proj', 'v_proj']);
    expect(call.kwargs.lora_dropout?.literal).toBe(-0.05);
    expect(call.kwargs.bias).toMatchObject({ kind: 'none', literal: null });
    const model = m.assignments.find((a) => a.target === 'MODEL')!;
    expect(model.value).toMatchObject({ kind: 'call', literal: 'meta-llama/Llama-2-7b-hf' });
  });

  it('records functions, classes, decorators, tests and their assertions', async () => {
    const m = await facts(
      [
        'import unittest',
        'from fastapi import FastAPI',
        'app = FastAPI()',
        '@app.post("/ask")',
        'async def ask(q: str) -> str:',
        '    """Answer."""',
        '    return q',
        'class TestThing(unittest.TestCase):',
        '    def test_a(self):',
        '        self.assertEqual(1, 1)',
        '        assert True',
        'def test_b():',
        '    for x in range(3):',
        '        print(x)',
      ].join('\n'),
      'tests/test_x.py',
    );
    const ask = m.functions.find((f) => f.name === 'ask')!;
    expect(ask).toMatchObject({ decorators: ['fastapi.FastAPI().post'], isAsync: true, annotatedParams: 1, hasReturnAnnotation: true, hasDocstring: true, line: 5 });
    expect(m.classes[0]).toMatchObject({ name: 'TestThing', bases: ['unittest.TestCase'], line: 8 });
    expect(m.functions.find((f) => f.name === 'test_a')).toMatchObject({ qualname: 'TestThing.test_a', className: 'TestThing', assertions: 2 });
    expect(m.functions.find((f) => f.name === 'test_b')).toMatchObject({ assertions: 0 });
    expect(m.calls.find((c) => c.name === 'print')).toMatchObject({ inLoop: true, scope: 'test_b' });
  });

  it('keeps f-string slots and skips docstrings as prose', async () => {
    const m = await facts(['"""Module doc."""', 'PROMPT = f"Context: {context}\\nQuestion: {question}"', 'x = "plain\\tvalue"'].join('\n'));
    expect(m.strings.find((s) => s.isDocstring)?.value).toBe('Module doc.');
    expect(m.strings.find((s) => s.isFString)).toMatchObject({ value: 'Context: {context}\\nQuestion: {question}', evidence: { line: 2 } });
    expect(m.strings.find((s) => s.value === 'plain\tvalue')?.evidence.line).toBe(3);
  });

  it('survives syntax errors and absurd nesting', async () => {
    const broken = await facts('import torch\ndef f(:\n    torch.cuda.is_available()\n');
    expect(broken.hasSyntaxErrors).toBe(true);
    expect(broken.imports[0]?.module).toBe('torch');
    const deep = await facts(`x = ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(deep.assignments[0]?.target).toBe('x');
  });
});

describe('extractPython: serving facts', () => {
  it('records parameter types, awaited calls and bare annotated fields', async () => {
    const m = await facts(
      [
        'from pydantic import BaseModel',
        'class Answer(BaseModel):',
        '    text: str',
        '    sources: list[str] = []',
        'async def ask(body: Answer, k: int = 4):',
        '    await client.post("/x")',
        '    requests.get("/y")',
      ].join('\n'),
    );
    expect(m.functions.find((f) => f.name === 'ask')?.paramTypes).toEqual({ body: 'Answer', k: 'int' });
    expect(m.assignments.filter((a) => a.scope === 'Answer').map((a) => `${a.target}:${a.annotation}:${a.evidence.line}`)).toEqual(['text:str:3', 'sources:list[str]:4']);
    expect(m.calls.map((c) => `${c.raw}:${c.awaited}`)).toEqual(['client.post:true', 'requests.get:false']);
  });
});

describe('extractPython: code-quality facts', () => {
  it('measures complexity and nesting, and records excepts and comments', async () => {
    const m = await facts(
      [
        'def busy(xs):',
        '    # TODO: handle empty input',
        '    total = 0',
        '    for x in xs:',
        '        if x > 0 and x < 10:',
        '            try:',
        '                total += 1 / x',
        '            except:',
        '                pass',
        '        elif x == 0:',
        '            total = total if total else 1',
        '    return [y for y in xs if y]',
        'def calm():',
        '    try:',
        '        return 1',
        '    except (KeyError, ValueError) as error:',
        '        raise RuntimeError("bad") from error',
      ].join('\n'),
    );
    // 1 + for + if + and + except + elif + conditional + comprehension-if = 8
    expect(m.functions.find((f) => f.name === 'busy')).toMatchObject({ complexity: 8, maxNesting: 3 });
    expect(m.functions.find((f) => f.name === 'calm')).toMatchObject({ complexity: 2, maxNesting: 1 });
    expect(m.excepts.map((e) => ({ bare: e.bare, swallowed: e.swallowed, line: e.evidence.line, scope: e.scope }))).toEqual([
      { bare: true, swallowed: true, line: 8, scope: 'busy' },
      { bare: false, swallowed: false, line: 16, scope: 'calm' },
    ]);
    expect(m.excepts[1]!.types).toBe('(KeyError, ValueError) as error');
    expect(m.comments).toEqual([{ text: 'TODO: handle empty input', evidence: expect.objectContaining({ line: 2 }) }]);
  });
});
