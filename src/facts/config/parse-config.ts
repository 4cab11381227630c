import { oneLine } from '../../errors.js';
import type { SourceFile } from '../../types.js';
import type { ConfigDocument } from '../types.js';
import { ConfigLines } from './config-document-builder.js';
import { parseEnv } from './parse-env.js';
import { parseJson } from './parse-json.js';
import { parseToml } from './parse-toml.js';
import { parseYaml } from './parse-yaml.js';

/**
 * Largest YAML parsed. The yaml library is linear but slow on hostile input (seconds per MB of
 * quotes or anchors); real configuration is far smaller. JSON, TOML and .env have no such cost.
 */
export const MAX_YAML_BYTES = 256 * 1024;

/** Lock files: generated, huge, and never the candidate's configuration. */
const LOCK_FILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml']);

/**
 * The config format of a path, or null: `.yaml`/`.yml`, `.json`/`.jsonc` (tsconfig included,
 * lock files not), `.toml` and Pipenv's extension-less `Pipfile`, and dotenv files (`.env`,
 * `.env.example`, `.env.local`, `prod.env`).
 */
export function configFormat(path: string): ConfigDocument['format'] | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base === 'Pipfile') return 'toml';
  const name = base.toLowerCase();
  if (LOCK_FILES.has(name)) return null;
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) return 'env';
  const ext = name.slice(name.lastIndexOf('.') + 1);
  if (name.lastIndexOf('.') < 0) return null;
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'json' || ext === 'jsonc') return 'json';
  if (ext === 'toml') return 'toml';
  return null;
}

/**
 * The documents of a config file (one, except for multi-document YAML). Throws a one-line Error
 * when the file is malformed, nested too deep or an alias bomb; never overflows the stack.
 */
export function parseConfigDocuments(file: SourceFile): ConfigDocument[] {
  const format = configFormat(file.path);
  if (!format) throw new Error(`not a config file: ${file.path}`);
  if (format === 'yaml' && file.bytes > MAX_YAML_BYTES) throw new Error(`YAML over ${MAX_YAML_BYTES / 1024} KiB is not parsed`);
  // A byte-order mark is one character on line 1: blank it so offsets stay put.
  const text = file.text.startsWith('\uFEFF') ? ` ${file.text.slice(1)}` : file.text;
  const lines = new ConfigLines(file.path, file.text);
  try {
    switch (format) {
      case 'yaml':
        return parseYaml(text, lines);
      case 'json':
        return [parseJson(text, lines)];
      case 'toml':
        return [parseToml(text, lines)];
      case 'env':
        return [parseEnv(text, lines)];
    }
  } catch (error) {
    // Guards run first; a RangeError here would be a parser recursing on something they missed.
    const message = error instanceof RangeError ? 'nested too deep to parse' : error instanceof Error ? error.message : String(error);
    throw new Error(oneLine(message));
  }
}
