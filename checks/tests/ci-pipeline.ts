import { defineCheck } from '../../src/engine/define-check.js';
import { at, ciCommands, ciDocuments, isInstallCommand } from '../../src/facts/queries/tests.js';

/** Commands that run a test suite. */
const TEST_COMMAND = /(^|[\s;&|(])(pytest|py\.test|tox|nox|vitest|jest|mocha|(python3?|uv run python) -m (pytest|unittest)|(npm|pnpm|yarn|bun)( run)? test(:\w+)?|make test|go test|cargo test|hatch (run )?test|coverage run)\b/;
/** Lint and type-check tools, by the name an interviewer knows them by. */
const LINTERS: readonly [RegExp, string][] = [
  [/\bruff\b/, 'ruff'],
  [/\bflake8\b/, 'flake8'],
  [/\bpylint\b/, 'pylint'],
  [/\bmypy\b/, 'mypy'],
  [/\bpyright\b/, 'pyright'],
  [/\bblack\b.{0,200}--check|\bblack --diff/, 'black'],
  [/\bisort\b.{0,200}(--check|-c\b)/, 'isort'],
  [/\beslint\b|(npm|pnpm|yarn|bun)( run)? lint\b/, 'eslint'],
  [/\btsc\b|(npm|pnpm|yarn|bun)( run)? (typecheck|type-check|check-types)\b/, 'tsc'],
  [/\bbiome\b/, 'biome'],
  [/\bprettier\b.{0,200}--check/, 'prettier'],
  [/\bpre-commit run\b|pre-commit\/action/, 'pre-commit'],
  [/ruff-action/, 'ruff'],
];

export default defineCheck({
  id: 'tests/ci-pipeline',
  docs: 'Reports whether the CI pipeline runs the tests and which lint or type-check steps it runs, or that CI exists and never runs the tests.',
  messages: {
    runsTests: 'CI runs the tests: `{{command}}` ({{at}})',
    neverRunsTests: 'CI is set up in `{{path}}` but no step runs the tests',
    lintSteps: 'CI checks the code with {{tools}}',
  },
  questions: {
    neverRunsTests: 'Your CI in `{{path}}` never runs the tests. What does it guard against today, and what would you add first?',
  },
  *run({ facts, stack }) {
    const documents = new Set(ciDocuments(facts).map((doc) => doc.path));
    const pipeline = stack.ci.flatMap((item) => item.evidence).find((e) => documents.has(e.path));
    if (!pipeline) return;
    const commands = ciCommands(facts).filter((c) => !isInstallCommand(c.text));
    const test = commands.find((c) => !c.uses && TEST_COMMAND.test(c.text));
    if (test) yield { kind: 'strength', messageId: 'runsTests', evidence: [test.evidence], data: { command: test.text.length > 80 ? `${test.text.slice(0, 79)}…` : test.text, at: at(test.evidence) } };
    else yield { kind: 'concern', messageId: 'neverRunsTests', evidence: [pipeline], data: { path: pipeline.path } };
    const found = new Map<string, (typeof commands)[number]>();
    for (const command of commands) {
      for (const [pattern, tool] of LINTERS) if (pattern.test(command.text) && !found.has(tool)) found.set(tool, command);
    }
    const [first, ...rest] = [...found.values()];
    if (first) yield { kind: 'strength', messageId: 'lintSteps', evidence: [first.evidence, ...rest.slice(0, 2).map((c) => c.evidence)], data: { tools: [...found.keys()].map((t) => `\`${t}\``).join(', ') } };
  },
});
