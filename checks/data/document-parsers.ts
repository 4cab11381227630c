import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath, plainCallee } from '../../src/facts/query.js';
import { at, typedCallee } from '../../src/facts/queries/data.js';
import type { Evidence } from '../../src/types.js';

/** Parsers of unstructured documents, by resolved callee, with the name and format an interviewer knows them by. */
const PARSERS: readonly [RegExp, string, string][] = [
  [/^(pypdf|PyPDF2)\.(PdfReader|PdfFileReader)/, 'pypdf', 'PDF'],
  [/^pdfplumber\.open/, 'pdfplumber', 'PDF'],
  [/^(fitz|pymupdf)\.open|^pymupdf4llm\.to_markdown/, 'PyMuPDF', 'PDF'],
  [/^pdfminer\.high_level\.extract_(text|pages)/, 'pdfminer', 'PDF'],
  [/^unstructured\.partition\.(\w+\.)?partition(_\w+)?/, 'unstructured', 'mixed formats'],
  [/^docling\.document_converter\.DocumentConverter/, 'Docling', 'mixed formats'],
  [/^llama_parse\.LlamaParse|^llama_cloud_services\.LlamaParse/, 'LlamaParse', 'mixed formats'],
  [/^marker\./, 'marker', 'PDF'],
  [/^(camelot\.read_pdf|tabula\.read_pdf)/, 'a table extractor', 'PDF tables'],
  [/^(pytesseract\.image_to_string|easyocr\.Reader|paddleocr\.PaddleOCR)/, 'OCR', 'scanned pages'],
  [/^langchain\w*(\.\w+)*\.(PyPDFLoader|PyPDFDirectoryLoader|PyMuPDFLoader|PDFPlumberLoader|PDFMinerLoader|UnstructuredPDFLoader|PyPDFium2Loader|AmazonTextractPDFLoader)$/, 'a LangChain PDF loader', 'PDF'],
  [/^langchain\w*(\.\w+)*\.(UnstructuredFileLoader|UnstructuredLoader|UnstructuredMarkdownLoader|UnstructuredWordDocumentLoader|Docx2txtLoader|UnstructuredHTMLLoader|BSHTMLLoader|WebBaseLoader|RecursiveUrlLoader|SitemapLoader)$/, 'a LangChain document loader', 'mixed formats'],
  [/^llama_index\.readers\.file\.\w+/, 'a LlamaIndex file reader', 'mixed formats'],
  [/^bs4\.BeautifulSoup/, 'BeautifulSoup', 'HTML'],
  [/^trafilatura\.(extract|bare_extraction)/, 'trafilatura', 'HTML'],
  [/^(html2text\.(html2text|HTML2Text)|markdownify\.markdownify|readability\.Document|lxml\.html\.(fromstring|parse)|selectolax\.\w+|newspaper\.Article)/, 'an HTML extractor', 'HTML'],
  [/^(docx\.Document|docx2txt\.process|mammoth\.convert_to_\w+)/, 'a Word parser', 'DOCX'],
  [/^pptx\.Presentation/, 'python-pptx', 'PPTX'],
];
const SCRIPT_PARSERS: readonly [RegExp, string, string][] = [
  [/^(pdf-parse|pdfjs-dist|pdf2json|unpdf)(\.|$)/, 'a PDF parser', 'PDF'],
  [/^(cheerio|jsdom|@mozilla\/readability|turndown|html-to-text)(\.|$)/, 'an HTML extractor', 'HTML'],
  [/^mammoth(\.|$)/, 'a Word parser', 'DOCX'],
  [/^@langchain\/community\/document_loaders\/(fs\/pdf|web\/\w+|fs\/docx)/, 'a LangChain.js loader', 'mixed formats'],
];

export default defineCheck({
  id: 'data/document-parsers',
  docs: 'Reports the parsers the submission uses for unstructured documents — PDF (pypdf, pdfplumber, PyMuPDF, pdfminer), HTML (BeautifulSoup, trafilatura), Word, OCR, and multi-format tools (unstructured, Docling, LlamaParse, LangChain and LlamaIndex loaders).',
  messages: {
    parsers: 'Unstructured documents are parsed with {{parsers}}',
  },
  questions: {
    parsers: 'You parse documents with {{first}} at `{{at}}` — how do you handle tables, headers and footers, and scanned pages, and how did you check the extracted text?',
  },
  *run({ facts }) {
    const found = new Map<string, { format: string; evidence: Evidence }>();
    for (const module of facts.python) {
      if (isTestPath(module.path)) continue;
      for (const call of module.calls) {
        const plain = plainCallee(typedCallee(call, module));
        const match = PARSERS.find(([pattern]) => pattern.test(plain));
        if (match && !found.has(match[1])) found.set(match[1], { format: match[2], evidence: call.evidence });
      }
    }
    for (const module of facts.scripts) {
      if (isTestPath(module.path)) continue;
      for (const call of module.calls) {
        const match = SCRIPT_PARSERS.find(([pattern]) => pattern.test(plainCallee(call.callee)));
        if (match && !found.has(match[1])) found.set(match[1], { format: match[2], evidence: call.evidence });
      }
    }
    const entries = [...found.entries()].sort(([, a], [, b]) => (a.evidence.path < b.evidence.path ? -1 : a.evidence.path > b.evidence.path ? 1 : a.evidence.line - b.evidence.line));
    const [first, ...rest] = entries;
    if (!first) return;
    const parsers = entries.map(([name, { format }]) => `${name} (${format})`).join(', ');
    yield { kind: 'strength', messageId: 'parsers', evidence: [first[1].evidence, ...rest.slice(0, 4).map(([, e]) => e.evidence)], data: { parsers, first: first[0], at: at(first[1].evidence) } };
  },
});
