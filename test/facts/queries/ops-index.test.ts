import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../../src/facts/evidence.js';
import { callsInFunction, callsOnLine, functionNamed } from '../../../src/facts/queries/ops.js';
import { extractPython } from '../../../src/facts/python/extract-python.js';
import { withPythonTree } from '../../../src/facts/python/python-parser.js';

const moduleOf = (source: string, path = 'app.py') => {
  const index = new LineIndex(path, source);
  return withPythonTree(source, (tree) => extractPython(tree, path, 'python', (line) => index.evidence(line)));
};

describe('the per-module call index', () => {
  it('finds the calls that start on a line, in the module\'s order, whatever order the module lists them in', async () => {
    const m = await moduleOf(['setup()', 'answer = generate(', '    prompt(q),', ')', 'run(); stop()'].join('\n'));
    expect(m.calls.map((c) => `${c.name}:${c.evidence.line}`)).toEqual(['setup:1', 'generate:2', 'prompt:3', 'run:5', 'stop:5']);
    expect(callsOnLine(m, 3).map((c) => c.name)).toEqual(['prompt']);
    expect(callsOnLine(m, 5).map((c) => c.name)).toEqual(['run', 'stop']);
    expect(callsOnLine(m, 4)).toEqual([]);
    expect(callsOnLine(m, 99)).toEqual([]);
    // The index does not count on the extractor's order: the same calls listed backwards.
    const backwards = { ...m, calls: [...m.calls].reverse() };
    expect(callsOnLine(backwards, 5).map((c) => c.name)).toEqual(['stop', 'run']);
    expect(callsOnLine(backwards, 1).map((c) => c.name)).toEqual(['setup']);
    expect(callsOnLine(backwards, 2).map((c) => c.name)).toEqual(['generate']);
  });

  it('lists a function\'s own calls in order, nested functions apart', async () => {
    const m = await moduleOf(['class Api:', '    def answer(self, q):', '        def inner():', '            log(q)', '        check(q)', '        return self.llm.generate(q)', 'main()'].join('\n'));
    const answer = functionNamed(m, 'Api.answer')!;
    expect(answer.line).toBe(2);
    expect(callsInFunction(answer, m).map((c) => c.name)).toEqual(['check', 'generate']);
    expect(callsInFunction(functionNamed(m, 'Api.answer.inner')!, m).map((c) => c.name)).toEqual(['log']);
    expect(functionNamed(m, 'missing')).toBeUndefined();
  });
});
