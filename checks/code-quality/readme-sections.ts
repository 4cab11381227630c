import { defineCheck } from '../../src/engine/define-check.js';
import { snippetOf } from '../../src/facts/evidence.js';
import { entryPoints, lineEvidence, sourceModules } from '../../src/facts/queries/code-quality.js';
import type { Evidence } from '../../src/types.js';

/** The project's README at the root (or, failing that, the shallowest one). */
const README = /(^|\/)readme(\.(md|markdown|rst|txt))?$/i;

/** A separate write-up of results: `REPORT.md`, `RESULTS.md`, `docs/evaluation.md`. */
const REPORT = /(^|\/)(report|results?|evaluation)[^/]*\.(md|markdown|rst|txt)$/i;

/**
 * What a reader needs from a README, each as a heading or a command line. Every quantifier is
 * bounded or single: README text is the candidate's.
 */
const SECTIONS = {
  setup: /^\s{0,3}(#{1,6}\s|\*\*).{0,30}\b(install(ation|ing)?|set ?up|getting started|requirements|prerequisites|dependencies)\b|\b(pip3? install|poetry install|uv (sync|pip)|conda (env )?create|npm (install|ci)|docker[ -]compose up|docker build|make install)\b/i,
  run: /^\s{0,3}(#{1,6}\s|\*\*).{0,30}\b(usage|how to (run|use)|running|run(ning)? the|quick ?start|start(ing)? the|api|endpoints?)\b|\b(python3? -m \w|python3? [\w/.-]{1,80}\.py|uvicorn \w|streamlit run|docker run|docker[ -]compose up|curl |npm (run )?start|make run|jupyter (notebook|lab))/i,
  results: /^\s{0,3}(#{1,6}\s|\*\*).{0,30}\b(results?|evaluation|metrics|benchmarks?|performance|findings)\b|\b(accuracy|f1|recall|precision|exact match|latency)\b[^\n]{0,40}\d/i,
} as const;
type Section = keyof typeof SECTIONS;

export default defineCheck({
  id: 'code-quality/readme-sections',
  docs: 'Reports whether the README says how to set the project up, how to run it and what results it got (or points to a REPORT/RESULTS file), and notes a missing README.',
  messages: {
    complete: '`{{path}}` covers setup, how to run and results',
    missingSections: '`{{path}}` has no {{missing}} section ({{lines}} lines)',
    noReadme: 'No README: nothing says how to install or run the project (`{{main}}`)',
  },
  questions: {
    missingSections: 'Your README does not cover {{missing}}. If a colleague cloned this repository today, what steps would they need to get it running and see your results?',
    noReadme: 'There is no README. Walk me through how you would install and run `{{main}}` from a fresh clone.',
  },
  *run({ facts }) {
    const readmes = facts.files.filter((f) => README.test(f.path)).sort((a, b) => a.path.split('/').length - b.path.split('/').length);
    const readme = readmes[0];
    if (!readme) {
      const main = entryPoints(facts)[0]?.evidence ?? mainModule(facts);
      if (main) yield { kind: 'concern', messageId: 'noReadme', evidence: [main], data: { main: main.path } };
      return;
    }
    const lines = readme.text.split('\n');
    const found = new Map<Section, Evidence>();
    lines.forEach((line, i) => {
      for (const section of Object.keys(SECTIONS) as Section[]) {
        if (!found.has(section) && SECTIONS[section].test(line)) found.set(section, { path: readme.path, line: i + 1, snippet: snippetOf(line) });
      }
    });
    // Results often live in their own write-up next to the README.
    const report = facts.files.find((f) => REPORT.test(f.path));
    if (!found.has('results') && report) found.set('results', lineEvidence(facts, report.path));
    const missing = (Object.keys(SECTIONS) as Section[]).filter((s) => !found.has(s));
    const nonBlank = lines.filter((l) => l.trim()).length;
    if (!missing.length) {
      yield { kind: 'strength', messageId: 'complete', evidence: [...found.values()] as [Evidence, ...Evidence[]], data: { path: readme.path } };
      return;
    }
    const names = { setup: 'setup/installation', run: 'how-to-run', results: 'results' };
    yield {
      kind: 'concern',
      messageId: 'missingSections',
      evidence: [lineEvidence(facts, readme.path), ...found.values()],
      data: { path: readme.path, missing: missing.map((s) => names[s]).join(' or '), lines: nonBlank },
    };
  },
});

/** The largest Python module or notebook: where a reader would start. */
function mainModule(facts: Parameters<typeof sourceModules>[0]): Evidence | undefined {
  const [largest] = [...sourceModules(facts)].sort((a, b) => b.linesOfCode - a.linesOfCode);
  if (largest) return lineEvidence(facts, largest.path);
  return facts.notebooks[0]?.evidence;
}
