import { it } from 'vitest';
import { appendFileSync } from 'node:fs';
import { extractDependencies } from '../../../src/facts/manifests/extract-dependencies.js';
const n = 50_000;
const cases: [string, string][] = [
  ['requirements.txt', Array.from({ length: n }, (_, i) => `pkg${i}>=1.0 # c`).join('\n')],
  ['requirements.txt', 'a' + ' '.repeat(2_000_000) + 'x'],
  ['requirements.txt', '\\\n'.repeat(1_000_000)],
  ['requirements.txt', '#'.repeat(2_000_000)],
  ['requirements.txt', 'a' + ' #'.repeat(1_000_000)],
  ['pyproject.toml', '[project]\ndependencies = [\n' + Array.from({ length: n }, (_, i) => `"pkg${i}>=1",`).join('\n') + '\n]\n'],
  ['pyproject.toml', '[tool.poetry.dependencies]\n' + Array.from({ length: n }, (_, i) => `pkg${i} = "^1"`).join('\n')],
  ['package.json', JSON.stringify({ dependencies: Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, '^1'])) })],
  ['environment.yml', 'dependencies:\n' + Array.from({ length: n }, (_, i) => `  - pkg${i}=1`).join('\n')],
  ['setup.cfg', '[options]\ninstall_requires =\n' + Array.from({ length: n }, (_, i) => `  pkg${i}>=1`).join('\n')],
  ['setup.cfg', '='.repeat(2_000_000)],
  ['setup.py', 'setup(install_requires=[' + Array.from({ length: n }, (_, i) => `"pkg${i}>=1"`).join(',') + '])'],
  ['environment.yml', '"'.repeat(2_000_000)],
  ['pyproject.toml', '"""'.repeat(600_000)],
];
it.each(cases.map((c, i) => [i, ...c] as const))('%i %s', async (i, path, text) => {
  appendFileSync('/tmp/perf.log', `start ${i} ${path}\n`);
  const t = Date.now();
  let r: string;
  try { r = String((await extractDependencies({ path, text, bytes: text.length }, () => undefined))?.length); } catch (e) { r = String(e).slice(0, 80); }
  appendFileSync('/tmp/perf.log', `${i} ${path} ${Date.now() - t} ms ${r}\n`);
}, 60_000);
