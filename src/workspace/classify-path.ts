import type { SkipReason } from '../types.js';

/** Folders that hold someone else's code or build output: never the candidate's work. */
const VENDORED_DIRS = new Set([
  'node_modules', 'bower_components', 'vendor', 'third_party', 'site-packages', 'dist-packages',
  '.venv', 'venv', 'virtualenv', '.virtualenv', '.tox', '.nox', '__pycache__', '.mypy_cache',
  '.pytest_cache', '.ruff_cache', '.ipynb_checkpoints', '.eggs', 'dist', 'build', '.next', '.nuxt',
  '.svelte-kit', '.turbo', '.cache', 'coverage', 'htmlcov', '.git', '.hg', '.svn', '.idea', '.vscode',
  'wandb', 'mlruns', 'lightning_logs',
]);

const GENERATED_FILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'poetry.lock',
  'uv.lock', 'Pipfile.lock', 'pdm.lock', 'conda-lock.yml', 'Cargo.lock', 'composer.lock', 'go.sum',
]);

const GENERATED_SUFFIXES = ['.min.js', '.min.mjs', '.min.css', '.bundle.js', '.chunk.js', '.js.map', '.css.map', '.pyc'];

/** Extensions that are binary by nature: skipped without reading a byte. */
const BINARY_EXTENSIONS = new Set([
  'bin', 'safetensors', 'pt', 'pth', 'ckpt', 'onnx', 'gguf', 'ggml', 'h5', 'hdf5', 'pkl', 'pickle',
  'joblib', 'npy', 'npz', 'parquet', 'arrow', 'feather', 'tflite', 'pb', 'mlmodel', 'engine', 'faiss',
  'index', 'sqlite', 'sqlite3', 'db', 'zip', 'tar', 'gz', 'tgz', 'bz2', 'xz', '7z', 'rar', 'zst', 'whl',
  'jar', 'png', 'jpg', 'jpeg', 'gif', 'bmp', 'ico', 'webp', 'tiff', 'svgz', 'pdf', 'doc', 'docx', 'xls',
  'xlsx', 'ppt', 'pptx', 'mp3', 'mp4', 'wav', 'flac', 'ogg', 'avi', 'mov', 'mkv', 'webm', 'woff', 'woff2',
  'ttf', 'otf', 'eot', 'so', 'dylib', 'dll', 'exe', 'o', 'a', 'class', 'wasm', 'dat',
]);

/** The folder of `path` (or the path itself) that makes it vendored, if any: `app/node_modules/`. */
export function vendoredRoot(path: string): string | null {
  const parts = path.split('/');
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    if (VENDORED_DIRS.has(part) || part.endsWith('.egg-info')) return `${parts.slice(0, i + 1).join('/')}/`;
  }
  return null;
}

export function isVendoredDir(name: string): boolean {
  return VENDORED_DIRS.has(name) || name.endsWith('.egg-info');
}

/** A reason to skip a file by its path alone, or null when it should be read. */
export function skipByPath(path: string): { reason: SkipReason; detail: string } | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (GENERATED_FILES.has(name)) return { reason: 'vendored', detail: 'generated lock file' };
  const lower = name.toLowerCase();
  if (GENERATED_SUFFIXES.some((suffix) => lower.endsWith(suffix))) return { reason: 'vendored', detail: 'generated or minified' };
  const dot = lower.lastIndexOf('.');
  if (dot > 0 && BINARY_EXTENSIONS.has(lower.slice(dot + 1))) return { reason: 'binary', detail: 'binary file type' };
  return null;
}
