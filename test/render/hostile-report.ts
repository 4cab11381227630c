import type { Report } from '../../src/report/build-report.js';
import { finding, syntheticReport } from './synthetic-report.js';

/** Everything a candidate can put in a file name, a line of code or a README sentence to break out of a report. */
export const HOSTILE =
  'x`y ``z @org/team #123 GH-7 <script>alert(1)</script> <img src=x onerror=alert(3)> | a\\|b ](javascript:alert(1)) [c](javascript:alert(2)) \u202Eevil &#64;user https://evil.test www.evil.test';

/** A permalink base on GitHub at a fixed commit. */
export const BASE = 'https://github.com/acme/takehome/blob/0123456789abcdef0123456789abcdef01234567/';

/** A report with the hostile text in every place candidate text reaches: paths, snippets, messages, claims, stack, rubric, skipped files. */
export function hostileReport(): Report {
  const place = { path: `src/${HOSTILE}.py`, line: 7, snippet: HOSTILE };
  const report = syntheticReport({
    source: `https://github.com/acme/${HOSTILE}`,
    findings: [
      { ...finding('rag', 'concern', `Chunks \`${HOSTILE}\` at ${HOSTILE}`, place.path, 7, HOSTILE), question: `Why \`${HOSTILE}\`? ${HOSTILE}` },
      finding('rag', 'strength', `Unpaired \` ${HOSTILE}`, 'ok.py', 1, HOSTILE),
    ],
    claims: [
      { text: HOSTILE, kind: 'technique', subject: HOSTILE, source: { ...place, origin: 'repository' }, status: 'contradicted', evidence: [place], lookedFor: HOSTILE, implausible: HOSTILE },
      { text: HOSTILE, kind: 'metric', subject: HOSTILE, source: { ...place, path: HOSTILE, origin: 'issue' }, status: 'unverifiable', evidence: [], lookedFor: HOSTILE, implausible: null },
    ],
    stack: { models: [{ id: HOSTILE, evidence: [place] }], libraries: [{ id: HOSTILE, evidence: [place] }] },
  });
  report.rubric.items = [
    { id: 'report', title: HOSTILE, status: 'not-found', evidence: [], lookedFor: HOSTILE },
    { id: 'api', title: HOSTILE, status: 'met', evidence: [place], lookedFor: HOSTILE },
  ];
  report.summary = { strengths: [{ text: HOSTILE, findings: [1] }], concerns: [{ text: `\`${HOSTILE}\``, findings: [0] }] };
  report.questions = [{ text: HOSTILE, area: 'rag', evidence: [place] }];
  report.target.skipped = [{ path: HOSTILE, reason: 'binary', detail: HOSTILE }];
  report.target.limitsReached = [HOSTILE];
  report.errors = [{ check: HOSTILE, message: HOSTILE }];
  return report;
}
