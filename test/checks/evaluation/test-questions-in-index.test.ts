import { describe, expect, it } from 'vitest';
import check from '../../../checks/evaluation/test-questions-in-index.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const TEST_SET = '[{"question": "How do I reset my password?"}, {"question": "Can I change my billing address?"}]\n';

describe('evaluation/test-questions-in-index', () => {
  it.each<CheckRow>([
    {
      name: 'the test file passed to the ingest function',
      files: {
        'data/test_questions.json': TEST_SET,
        'ingest.py': 'def ingest(path):\n    pass\n\ningest("data/faq.csv")\ningest("data/test_questions.json")\n',
      },
      expected: [{ kind: 'concern', messageId: 'fileIndexed', at: 'ingest.py:5' }],
    },
    {
      name: 'a directory loader over the folder that holds the test file',
      files: {
        'data/test_questions.json': TEST_SET,
        'data/faq.json': '[]\n',
        'ingest.py': 'from langchain_community.document_loaders import DirectoryLoader\ndocs = DirectoryLoader("./data").load()\n',
      },
      expected: [{ kind: 'concern', messageId: 'fileIndexed', at: 'ingest.py:2' }],
    },
    {
      name: 'a test question copied into the prompt',
      files: {
        'data/test_questions.json': TEST_SET,
        'rag.py': 'FEW_SHOT = ["How do I reset my password?"]\n',
      },
      expected: [{ kind: 'concern', messageId: 'questionInCode', at: 'rag.py:1' }],
    },
    {
      name: 'a test question from a JSON Lines file used as a lookup key',
      files: {
        'data/test_questions.jsonl': '{"question": "How long do refunds take?", "expected_answer": "5 days"}\n',
        'app.py': 'KNOWN = {"How long do refunds take?": "5 days"}\n',
      },
      expected: [{ kind: 'concern', messageId: 'questionInCode', at: 'app.py:1' }],
    },
    {
      name: 'a directory loader restricted to another extension',
      files: {
        'data/test_questions.json': TEST_SET,
        'ingest.py': 'from langchain_community.document_loaders import DirectoryLoader\ndocs = DirectoryLoader("data", glob="**/*.md").load()\n',
      },
      expected: [],
    },
    {
      name: 'the evaluation script loading the test set',
      files: {
        'data/test_questions.json': TEST_SET,
        'eval.py': 'import json\nfrom langchain_community.document_loaders import JSONLoader\nqs = json.load(open("data/test_questions.json"))\nrows = JSONLoader("data/test_questions.json", jq_schema=".[]").load()\naccuracy = 1 / 2\n',
      },
      expected: [],
    },
    {
      name: 'the corpus alone indexed',
      files: { 'data/test_questions.json': TEST_SET, 'ingest.py': 'def ingest(path):\n    pass\n\ningest("data/faq.csv")\n' },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names the file and the call', async () => {
    const [finding] = await findingsOf(check, { 'data/test_questions.json': TEST_SET, 'ingest.py': 'def ingest(path):\n    pass\n\ningest("data/test_questions.json")\n' });
    expect(finding!.message).toContain('`data/test_questions.json` goes into the index through `ingest` (ingest.py:4)');
  });
});

describe('evaluation/test-questions-in-index on hostile names and paths', () => {
  it('reads 100–180 KB call names and path strings without backtracking, and still finds the indexed test file', async () => {
    const files = {
      'data/test_questions.json': TEST_SET,
      'ingest.py': [
        'def ingest(path):',
        '    pass',
        `ingest("${'/'.repeat(100_000)}x")`,
        `ingest("${'testqa'.repeat(30_000)}.x")`,
        `${'a'.repeat(100_000)}("data/faq.csv")`,
        `create_${'db'.repeat(50_000)}[0]("data/faq.csv")`,
        'ingest("data/test_questions.json")',
        '',
      ].join('\n'),
      'eval.py': `build_${'index'.repeat(20_000)}[0]("data/test_questions.json")\nindex_documents("data/test_questions.json")\n`,
    };
    expect(await reportsOf(check, files)).toEqual([
      { kind: 'concern', messageId: 'fileIndexed', at: 'eval.py:2' },
      { kind: 'concern', messageId: 'fileIndexed', at: 'ingest.py:7' },
    ]);
  });
});
