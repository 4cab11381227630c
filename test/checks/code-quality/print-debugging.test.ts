import { describe, expect, it } from 'vitest';
import check from '../../../checks/code-quality/print-debugging.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('code-quality/print-debugging', () => {
  it.each<CheckRow>([
    {
      name: 'prints in a library module of a package',
      files: { 'rag/__init__.py': '', 'rag/retriever.py': 'def search(q):\n    print("searching", q)\n    return []\n' },
      expected: [
        { kind: 'concern', messageId: 'printsInLibrary', at: 'rag/retriever.py:2' },
        { kind: 'info', messageId: 'ratio', at: 'rag/retriever.py:2' },
      ],
    },
    {
      name: 'logging in the library, prints in the CLI',
      files: {
        'rag/__init__.py': '',
        'rag/retriever.py': 'import logging\nlogger = logging.getLogger(__name__)\ndef search(q):\n    logger.info("searching %s", q)\n',
        'rag/cli.py': 'def main():\n    print("done")\n',
        'scripts/ingest.py': 'print("ingested")\n',
      },
      expected: [{ kind: 'info', messageId: 'ratio', at: 'rag/retriever.py:4' }],
    },
    { name: 'a loose script that prints', files: { 'ask.py': 'print("answer")\n' }, expected: [{ kind: 'info', messageId: 'ratio', at: 'ask.py:1' }] },
    { name: 'a module with a main guard', files: { 'src/tool.py': 'def main():\n    print(1)\nif __name__ == "__main__":\n    main()\n' }, expected: [{ kind: 'info', messageId: 'ratio', at: 'src/tool.py:2' }] },
    { name: 'no prints or logging', files: { 'a.py': 'x = 1\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('counts prints and logging calls', async () => {
    const findings = await findingsOf(check, {
      'pkg/__init__.py': '',
      'pkg/index.py': 'import logging\nlog = logging.getLogger("x")\ndef build():\n    print(1)\n    print(2)\n    log.warning("w")\n',
    });
    expect(findings.map((f) => f.message)).toEqual(['`pkg/index.py` is imported as a library but prints 2 time(s)', '2 `print` and 1 logging calls in Python modules']);
  });
});
