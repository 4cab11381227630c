import { describe, expect, it } from 'vitest';
import check from '../../../checks/tests/ci-pipeline.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';
import { RAG_APP, sorted } from './fixtures.js';

const WORKFLOW = (steps: string) => `name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;

describe('tests/ci-pipeline', () => {
  it.each<CheckRow>([
    {
      name: 'a workflow that lints, type-checks and runs pytest in one block',
      files: { ...RAG_APP, '.github/workflows/ci.yml': WORKFLOW('      - run: pip install -r requirements.txt ruff mypy pytest\n      - name: Check\n        run: |\n          ruff check .\n          mypy app\n          pytest -q\n') },
      expected: [
        { kind: 'strength', messageId: 'lintSteps', at: '.github/workflows/ci.yml:11' },
        { kind: 'strength', messageId: 'runsTests', at: '.github/workflows/ci.yml:13' },
      ],
    },
    {
      name: 'a workflow that only builds an image',
      files: { ...RAG_APP, '.github/workflows/build.yml': WORKFLOW('      - run: docker build -t bot .\n') },
      expected: [{ kind: 'concern', messageId: 'neverRunsTests', at: '.github/workflows/build.yml:1' }],
    },
    {
      name: 'a workflow that installs pytest but never runs it',
      files: { ...RAG_APP, '.github/workflows/ci.yml': WORKFLOW('      - run: pip install pytest ruff\n      - run: python -m app.rag\n') },
      expected: [{ kind: 'concern', messageId: 'neverRunsTests', at: '.github/workflows/ci.yml:1' }],
    },
    {
      name: 'GitLab CI running npm test',
      files: { '.gitlab-ci.yml': 'stages: [test]\ntest:\n  image: node:20\n  script:\n    - npm ci\n    - npm test\n' },
      expected: [{ kind: 'strength', messageId: 'runsTests', at: '.gitlab-ci.yml:6' }],
    },
    {
      name: 'a ruff action and python -m pytest',
      files: { '.github/workflows/ci.yml': WORKFLOW('      - uses: astral-sh/ruff-action@v3\n      - run: python -m pytest tests\n') },
      expected: [
        { kind: 'strength', messageId: 'lintSteps', at: '.github/workflows/ci.yml:8' },
        { kind: 'strength', messageId: 'runsTests', at: '.github/workflows/ci.yml:9' },
      ],
    },
    { name: 'no CI at all', files: { ...RAG_APP, 'README.md': '# Bot\n\nCI runs `pytest` and `ruff check .` on every push.\n' }, expected: [] },
    { name: 'a YAML file outside CI that mentions pytest', files: { 'config/tasks.yml': 'run: pytest -q\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(sorted(await reportsOf(check, files))).toEqual(expected);
  });

  it('quotes the test command and names the lint tools', async () => {
    const findings = await findingsOf(check, { '.github/workflows/ci.yml': WORKFLOW('      - run: npx tsc --noEmit\n      - run: npx eslint .\n      - run: npx vitest run\n') });
    expect(findings.map((f) => f.message)).toEqual(['CI runs the tests: `npx vitest run` (.github/workflows/ci.yml:10)', 'CI checks the code with `tsc`, `eslint`']);
  });
});
