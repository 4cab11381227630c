import { posix } from 'node:path';
import type { SourceFile } from '../../types.js';
import { LineIndex } from '../evidence.js';
import type { Dependency } from '../types.js';
import { stripComment } from './parse-requirement.js';
import { pypiDependency } from './pypi-dependency.js';

/** How many `-r` includes deep a chain is followed; a visited set already stops cycles. */
const MAX_INCLUDE_DEPTH = 16;
/** Name parts marking a development-only requirements file (`requirements-dev.txt`, `requirements/test.txt`). */
const DEV_PARTS = new Set(['dev', 'devel', 'develop', 'development', 'test', 'tests', 'testing', 'lint', 'linting', 'docs', 'doc', 'ci', 'typing']);
const INCLUDE = /^(?:--requirement|--constraint|-r|-c)(?:[=\s]\s*)?(\S*)/;

/** `requirements*.txt` / `*requirements.txt` / `requirements/*.txt` (also pip-tools `.in` sources). */
export function isRequirementsFile(path: string): boolean {
  const parts = path.toLowerCase().split('/');
  const base = parts.at(-1)!;
  if (!/\.(?:txt|in)$/.test(base)) return false;
  return base.includes('requirements') || parts.at(-2) === 'requirements';
}

/** `dev` for a requirements file whose name says so; otherwise `main`. */
export function requirementsGroup(path: string): Dependency['group'] {
  const base = posix.basename(path.toLowerCase()).replace(/\.(?:txt|in)$/, '');
  return base.split(/[-_.]+/).some((part) => DEV_PARTS.has(part)) ? 'dev' : 'main';
}

/**
 * The requirements of a pip requirements file, following `-r`/`-c` includes through `lookup`
 * (relative to the including file, never outside the repository, each file once). Included
 * entries keep their own file as manifest; a file not named like a requirements file takes the
 * group of the file including it.
 */
export function extractRequirementsTxt(file: SourceFile, lookup: (path: string) => SourceFile | undefined): Dependency[] {
  const out: Dependency[] = [];
  const visited = new Set<string>([file.path]);
  const visit = (current: SourceFile, group: Dependency['group'], depth: number) => {
    const index = new LineIndex(current.path, current.text);
    for (const { text, line } of logicalLines(index.lines)) {
      if (text.startsWith('-')) {
        const include = INCLUDE.exec(text)?.[1];
        if (!include || depth >= MAX_INCLUDE_DEPTH) continue;
        const target = resolveInclude(current.path, include);
        const included = target && !visited.has(target) ? lookup(target) : undefined;
        if (!included) continue;
        visited.add(included.path);
        visit(included, isRequirementsFile(included.path) ? requirementsGroup(included.path) : group, depth + 1);
        continue;
      }
      const dependency = pypiDependency(text, group, index.evidence(line));
      if (dependency) out.push(dependency);
    }
  };
  visit(file, requirementsGroup(file.path), 0);
  return out;
}

/** Lines joined over trailing `\` continuations, comments cut, each with the line it starts on. */
function* logicalLines(lines: string[]): Generator<{ text: string; line: number }> {
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let text = lines[i]!;
    while (text.endsWith('\\') && i + 1 < lines.length) text = text.slice(0, -1) + lines[++i]!;
    if (text.endsWith('\\')) text = text.slice(0, -1);
    text = stripComment(text).trim();
    if (text) yield { text, line: start + 1 };
  }
}

/** The repository-relative path an include names, or null for URLs, absolute paths and escapes from the root. */
export function resolveInclude(from: string, target: string): string | null {
  if (target === '' || target.startsWith('/') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(target) || target.includes('\\')) return null;
  const joined = posix.normalize(posix.join(posix.dirname(from), target));
  if (joined === '..' || joined.startsWith('../') || joined.startsWith('/') || joined === '.') return null;
  return joined;
}
