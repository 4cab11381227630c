import { describe, expect, it } from 'vitest';
import check from '../../../checks/data/document-parsers.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';
import { reviewFiles } from '../../helpers/review-files.js';

const MIXED = [
  'import pdfplumber',
  'from bs4 import BeautifulSoup',
  '',
  'def pdf_text(path):',
  '    with pdfplumber.open(path) as pdf:',
  '        return "\\n".join(page.extract_text() or "" for page in pdf.pages)',
  '',
  'def html_text(html):',
  '    return BeautifulSoup(html, "html.parser").get_text(" ")',
  '',
].join('\n');

describe('data/document-parsers', () => {
  it.each<CheckRow>([
    { name: 'pdfplumber and BeautifulSoup', files: { 'ingest/parse.py': MIXED }, expected: [{ kind: 'strength', messageId: 'parsers', at: 'ingest/parse.py:5' }] },
    {
      name: 'a LangChain PDF loader',
      files: { 'load.py': 'from langchain_community.document_loaders import PyPDFLoader\npages = PyPDFLoader("manual.pdf").load()\n' },
      expected: [{ kind: 'strength', messageId: 'parsers', at: 'load.py:2' }],
    },
    {
      name: 'unstructured partitioning',
      files: { 'load.py': 'from unstructured.partition.auto import partition\nelements = partition(filename="doc.docx")\n' },
      expected: [{ kind: 'strength', messageId: 'parsers', at: 'load.py:2' }],
    },
    {
      name: 'a TypeScript PDF parser',
      files: { 'src/ingest.ts': 'import pdf from "pdf-parse";\nexport async function read(buf: Buffer) { return (await pdf(buf)).text; }\n' },
      expected: [{ kind: 'strength', messageId: 'parsers', at: 'src/ingest.ts:2' }],
    },
    { name: 'plain text and JSON only', files: { 'load.py': 'import json\nrows = json.load(open("qa.json"))\ntext = open("notes.txt").read()\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names each parser with its format', async () => {
    const [finding] = await findingsOf(check, { 'ingest/parse.py': MIXED });
    expect(finding!.message).toBe('Unstructured documents are parsed with pdfplumber (PDF), BeautifulSoup (HTML)');
    const report = await reviewFiles({ 'ingest/parse.py': MIXED }, { checks: [check] });
    expect(report.findings[0]!.evidence.map((e) => e.line)).toEqual([5, 9]);
  });
});
