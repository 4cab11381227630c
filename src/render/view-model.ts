import type { Finding } from '../engine/types.js';
import type { Report } from '../report/build-report.js';
import type { StackItem } from '../stack/types.js';
import type { Evidence } from '../types.js';
import { codeSpan, messageMarkdown, plainText } from './markdown-safe.js';

/** Categories of `stack`, in the order a hiring engineer reads them. */
const STACK_CATEGORIES: readonly [keyof Report['stack'], string][] = [
  ['libraries', 'Libraries'],
  ['models', 'Models'],
  ['fineTuning', 'Fine-tuning'],
  ['vectorStores', 'Vector stores'],
  ['apiFrameworks', 'API frameworks'],
  ['testFrameworks', 'Test frameworks'],
  ['containers', 'Containers'],
  ['ci', 'CI'],
];
const RAG_STAGES = [['chunking', 'Chunking'], ['embeddings', 'Embeddings'], ['retrieval', 'Retrieval'], ['reranking', 'Reranking'], ['promptTemplate', 'Prompt template']] as const;
const MAX_SKIPPED_SHOWN = 30;
const RUBRIC_STATUS = { met: 'met', partial: 'partly met', 'not-found': 'not found' } as const;

export interface EvidenceView {
  /** `rag/ingest.py:12` or `nb.ipynb cell 3, line 12`, linked to the commit when on GitHub. */
  location: string;
  snippet: string;
}

export interface ReportView {
  title: string;
  meta: string[];
  stack: { title: string; items: { name: string; note: string; evidence: EvidenceView[] }[] }[];
  lora: string | null;
  rag: { title: string; evidence: EvidenceView[] }[] | null;
  evaluation: EvidenceView[];
  secrets: EvidenceView[];
  tests: string;
  rubric: { title: string; status: string; where: string }[];
  role: string;
  questions: { text: string; where: string }[];
  findings: { area: string; items: { kind: string; message: string; question: string | null; evidence: EvidenceView[] }[] }[];
  skipped: string[];
  skippedMore: number;
  notes: string[];
}

/** Report → everything the template prints, already escaped, grouped and cut. */
export function buildView(report: Report, permalinkBase: string | null): ReportView {
  const evidence = (list: readonly Evidence[]) => list.map((e) => evidenceView(e, permalinkBase));
  const { target, stack } = report;
  const languages = Object.entries(target.languages)
    .filter(([, lines]) => lines > 0)
    .map(([language, lines]) => `${language} ${lines.toLocaleString('en-US')}`)
    .join(', ');
  const meta = [
    `Commit: ${target.commit ? codeSpan(target.commit.slice(0, 12)) : 'not a git repository'}`,
    ...(target.base ? [`Base: ${codeSpan(target.base)} — ${target.unchanged} unchanged files left out`] : []),
    `Files analysed: ${target.files}${target.skipped.length ? `, ${target.skipped.length} skipped` : ''}`,
    `Lines of code: ${languages || 'none'}`,
  ];
  const itemView = (item: StackItem) => ({
    name: codeSpan(item.id),
    note: item.declaredOnly ? ' (declared, never imported)' : '',
    evidence: evidence(item.evidence),
  });
  const lora = stack.lora
    ? `r=${stack.lora.r ?? 'default'}, lora_alpha=${stack.lora.alpha ?? 'default'}, target_modules=${
        stack.lora.targetModules === null ? 'default' : [stack.lora.targetModules].flat().map(codeSpan).join(', ')
      } — ${evidence(stack.lora.evidence.slice(0, 1)).map((e) => e.location).join('')}`
    : null;
  const byArea = new Map<string, Finding[]>();
  for (const f of report.findings) byArea.set(f.area, [...(byArea.get(f.area) ?? []), f]);
  return {
    title: plainText(target.source),
    meta,
    stack: STACK_CATEGORIES.map(([key, title]) => ({ title, items: (stack[key] as StackItem[]).map(itemView) })),
    lora,
    rag: stack.rag ? RAG_STAGES.map(([key, title]) => ({ title, evidence: evidence(stack.rag![key]) })) : null,
    evaluation: evidence(stack.evaluation),
    secrets: evidence(stack.secrets),
    tests: `${report.tests.count} test${report.tests.count === 1 ? '' : 's'} found statically`,
    role: plainText(report.rubric.role),
    rubric: report.rubric.items.map((item) => ({
      title: plainText(item.title),
      status: RUBRIC_STATUS[item.status],
      // A table cell: GitHub splits cells at `|` even inside code spans.
      where: (item.evidence.length
        ? evidence(item.evidence.slice(0, 2)).map((e) => e.location).join(', ')
        : `no evidence found in the ${target.files} files analysed; looked for ${plainText(item.lookedFor)}`
      ).replace(/(?<!\\)\|/g, '\\|'),
    })),
    questions: report.questions.map((q) => ({ text: messageMarkdown(q.text), where: evidence(q.evidence.slice(0, 1)).map((e) => e.location).join('') })),
    findings: [...byArea].map(([area, list]) => ({
      area: plainText(area),
      items: list.map((f) => ({ kind: f.kind, message: messageMarkdown(f.message), question: f.question ? messageMarkdown(f.question) : null, evidence: evidence(f.evidence) })),
    })),
    skipped: target.skipped.slice(0, MAX_SKIPPED_SHOWN).map((s) => `${codeSpan(s.path)} — ${s.reason}${s.detail ? `: ${plainText(s.detail)}` : ''}`),
    skippedMore: Math.max(0, target.skipped.length - MAX_SKIPPED_SHOWN),
    notes: [...target.limitsReached.map(plainText), ...report.errors.map((e) => `check ${codeSpan(e.check)} failed: ${plainText(e.message)}`)],
  };
}

function evidenceView(e: Evidence, permalinkBase: string | null): EvidenceView {
  const where = e.cell ? `${e.path} cell ${e.cell}, line ${e.line}` : `${e.path}:${e.line}`;
  const url = permalinkBase ? `${permalinkBase}${e.path.split('/').map(encodeURIComponent).join('/')}${e.cell ? '' : `#L${e.line}`}` : null;
  return { location: url ? `[${plainText(where)}](${url})` : codeSpan(where), snippet: codeSpan(e.snippet) };
}
