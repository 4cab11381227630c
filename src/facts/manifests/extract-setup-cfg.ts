import type { SourceFile } from '../../types.js';
import { LineIndex } from '../evidence.js';
import type { Dependency } from '../types.js';
import { pypiDependency } from './pypi-dependency.js';

interface IniValue {
  section: string;
  key: string;
  /** The value's lines (the text after `=` and each indented continuation), with their line numbers. */
  lines: { text: string; line: number }[];
}

/**
 * `setup.cfg`: `[options] install_requires` (main) and `tests_require` (dev), and every key of
 * `[options.extras_require]` (optional), one requirement per value line. `file:` directives
 * are left to the requirements file they name.
 */
export function extractSetupCfg(file: SourceFile): Dependency[] {
  const index = new LineIndex(file.path, file.text);
  const out: Dependency[] = [];
  for (const { section, key, lines } of iniValues(index.lines)) {
    const group: Dependency['group'] | null =
      section === 'options.extras_require' ? 'optional'
      : section !== 'options' ? null
      : key === 'install_requires' ? 'main'
      : key === 'tests_require' ? 'dev'
      : null;
    if (!group) continue;
    for (const { text, line } of lines) {
      const dependency = pypiDependency(text, group, index.evidence(line));
      if (dependency) out.push(dependency);
    }
  }
  return out;
}

/** INI as configparser reads it: `[section]`, `key = value` or `key: value`, indented continuation lines, `#`/`;` comment lines. */
function iniValues(lines: string[]): IniValue[] {
  const out: IniValue[] = [];
  let section = '';
  let current: IniValue | null = null;
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) return;
    if (current && /^\s/.test(raw)) {
      current.lines.push({ text: trimmed, line: i + 1 });
      return;
    }
    current = null;
    if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
      section = trimmed.slice(1, -1).trim().toLowerCase();
      return;
    }
    const eq = trimmed.indexOf('=');
    const colon = trimmed.indexOf(':');
    const at = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    if (at <= 0) return;
    const value = trimmed.slice(at + 1).trim();
    current = { section, key: trimmed.slice(0, at).trim().toLowerCase().replace(/-/g, '_'), lines: [] };
    if (value) current.lines.push({ text: value, line: i + 1 });
    out.push(current);
  });
  return out;
}
