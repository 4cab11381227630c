import type { Evidence } from '../../types.js';
import { isTestPath, lineEvidence, pythonCallsTo } from '../query.js';
import type { Facts, PyCall, PyModule } from '../types.js';

export { at } from '../evidence.js';

export { fileAt, lineEvidence } from '../query.js';

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((100 * part) / whole);
}

// ---------------------------------------------------------------- modules and structure

/** The candidate's Python files (not notebooks, not tests, not `setup.py`/`conftest.py`). */
export function sourceModules(facts: Facts): PyModule[] {
  return facts.python.filter((m) => m.kind === 'python' && !isTestPath(m.path) && !/(^|\/)(setup|conftest|noxfile|fabfile)\.py$/.test(m.path));
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Folders that are Python packages: they hold an `__init__.py`. */
export function packageFolders(facts: Facts): Set<string> {
  return new Set(facts.python.filter((m) => /(^|\/)__init__\.py$/.test(m.path)).map((m) => folderOf(m.path)));
}

/**
 * Whether a path lies inside one of the package folders, at any depth (`rag/core/x.py` is in `rag`);
 * a root package (`''`) holds the top-level files. Looks up the path's own ancestor folders, so the
 * cost is the path's length, not the number of packages.
 */
export function inPackageFolder(path: string, packages: ReadonlySet<string>): boolean {
  if (packages.has('') && !path.includes('/')) return true;
  for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
    if (packages.has(path.slice(0, slash))) return true;
  }
  return false;
}

/** The package folders not inside another (non-root) package folder, in their order: `rag` but not `rag/core`. */
export function outermostPackages(packages: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const folder of packages) {
    let nested = false;
    for (let slash = folder.indexOf('/', 1); slash > 0 && !nested; slash = folder.indexOf('/', slash + 1)) nested = packages.has(folder.slice(0, slash));
    if (!nested) out.push(folder);
  }
  return out;
}

/** Whether a module has an `if __name__ == "__main__":` guard. */
export function hasMainGuard(module: PyModule): boolean {
  return module.strings.some((s) => s.value === '__main__' && /__name__/.test(s.evidence.snippet));
}

/**
 * Files run directly or that report to a person rather than being imported: `__main__.py`, `main.py`,
 * `cli.py`, `app.py`, `run*.py`, `train*.py`, `eval*.py`, `ingest*.py`, anything under `scripts/` or `bin/`.
 */
const RUNNABLE_NAME = /(^|\/)(__main__|main|cli|app|server|manage|(run|train|serve|eval|ingest|benchmark|demo)[\w-]*)\.py$|(^|\/)(scripts?|bin|tools|examples?|notebooks?)\//;

/**
 * A library module: code meant to be imported (inside a package or `src/`), not a script, an
 * entry point, a test or a notebook. Prints here are output nobody asked for.
 */
export function isLibraryModule(module: PyModule, packages: Set<string>): boolean {
  if (module.kind !== 'python' || isTestPath(module.path) || RUNNABLE_NAME.test(module.path) || hasMainGuard(module)) return false;
  return packages.has(folderOf(module.path)) || /(^|\/)src\//.test(module.path);
}

export interface EntryPoint {
  /** What makes it an entry point, in words: `__main__.py`, `pyproject [project.scripts] ask`, `argparse CLI`. */
  kind: string;
  evidence: Evidence;
}

const CLI_CALLS = ['argparse.ArgumentParser', 'click.command', 'click.group', 'typer.Typer', 'fire.Fire'];
const APP_CALLS = ['fastapi.FastAPI', 'flask.Flask', 'gradio.Blocks', 'gradio.Interface', 'gradio.ChatInterface', 'streamlit.title', 'streamlit.set_page_config'];

/** Ways the project says how it is started: `__main__.py`, `pyproject` scripts, a CLI parser, an app object, a main guard. */
export function entryPoints(facts: Facts): EntryPoint[] {
  const out: EntryPoint[] = [];
  for (const m of sourceModules(facts)) {
    if (/(^|\/)__main__\.py$/.test(m.path)) out.push({ kind: '`__main__.py`', evidence: lineEvidence(facts, m.path) });
  }
  for (const doc of facts.configs) {
    if (!/(^|\/)pyproject\.toml$/.test(doc.path)) continue;
    for (const leaf of doc.leaves) {
      const [a, b, c, d] = leaf.key;
      if ((a === 'project' && b === 'scripts' && c !== undefined) || (a === 'tool' && b === 'poetry' && c === 'scripts' && d !== undefined)) {
        out.push({ kind: `pyproject script \`${String(a === 'project' ? c : d)}\``, evidence: leaf.evidence });
      }
    }
  }
  for (const doc of facts.configs) {
    if (!/(^|\/)package\.json$/.test(doc.path)) continue;
    const bin = doc.evidenceFor(['bin']);
    const start = doc.evidenceFor(['scripts', 'start']);
    if (bin) out.push({ kind: '`bin` in package.json', evidence: bin });
    else if (start) out.push({ kind: '`npm start` script', evidence: start });
  }
  const modules = sourceModules(facts);
  const sourcePaths = new Set(modules.map((m) => m.path));
  // The first call in the source modules' order: the calls to the patterns come in that order (indexed once per facts).
  const firstCall = (patterns: string[], kind: (c: PyCall) => string) => {
    const call = pythonCallsTo(facts, patterns).find((c) => sourcePaths.has(c.evidence.path));
    return call ? out.push({ kind: kind(call), evidence: call.evidence }) : 0;
  };
  firstCall(CLI_CALLS, (c) => `\`${c.raw}\` command line`);
  firstCall(APP_CALLS, (c) => `\`${c.raw}\` app`);
  if (!out.length) {
    for (const m of modules) {
      const guard = m.strings.find((s) => s.value === '__main__' && /__name__/.test(s.evidence.snippet));
      if (guard) return [{ kind: `\`__main__\` guard in \`${m.path}\``, evidence: guard.evidence }];
    }
  }
  return out;
}

/** Top-level names the candidate's own code can be imported as: every folder and file stem of a Python path. */
export function ownModuleNames(facts: Facts): Set<string> {
  const names = new Set<string>();
  for (const m of facts.python) {
    for (const part of m.path.replace(/\.(py|pyi|ipynb)$/, '').split('/')) names.add(part);
  }
  return names;
}

// ---------------------------------------------------------------- imports and distributions

/**
 * Standard-library top-level modules (Python 3.9–3.13, the ones code imports; see
 * `sys.stdlib_module_names`). Never declared in a manifest.
 */
export const STDLIB = new Set(
  `__future__ _thread abc argparse array ast asyncio atexit base64 bdb binascii bisect builtins bz2 calendar cgi cmath cmd code
codecs collections colorsys concurrent configparser contextlib contextvars copy copyreg cProfile csv ctypes curses dataclasses
datetime dbm decimal difflib dis doctest email encodings enum errno faulthandler fcntl filecmp fileinput fnmatch fractions ftplib
functools gc getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html http imaplib importlib inspect io ipaddress
itertools json keyword linecache locale logging lzma mailbox marshal math mimetypes mmap multiprocessing netrc numbers operator
optparse os pathlib pdb pickle pkgutil platform plistlib poplib posixpath pprint profile pstats pty pwd py_compile queue quopri
random re readline reprlib resource rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site smtplib
socket socketserver sqlite3 ssl stat statistics string stringprep struct subprocess symtable sys sysconfig syslog tabnanny
tarfile tempfile termios textwrap threading time timeit tkinter token tokenize tomllib trace traceback tracemalloc tty turtle
types typing unicodedata unittest urllib uuid venv warnings wave weakref webbrowser winreg wsgiref xml xmlrpc zipapp zipfile
zipimport zlib zoneinfo distutils imp ntpath nturl2path sre_compile sre_parse`.split(/\s+/),
);

/**
 * Import names whose PyPI distribution is named differently. Only the usual mismatches; every other
 * import is compared with the declared names after PEP 503 normalisation (`langchain_openai` → `langchain-openai`).
 */
export const IMPORT_TO_DISTRIBUTIONS: Record<string, readonly string[]> = {
  sklearn: ['scikit-learn'],
  cv2: ['opencv-python', 'opencv-python-headless', 'opencv-contrib-python', 'opencv-contrib-python-headless'],
  PIL: ['pillow'],
  yaml: ['pyyaml'],
  dotenv: ['python-dotenv'],
  bs4: ['beautifulsoup4'],
  faiss: ['faiss-cpu', 'faiss-gpu', 'faiss-gpu-cu12'],
  docx: ['python-docx'],
  pptx: ['python-pptx'],
  fitz: ['pymupdf'],
  pymupdf: ['pymupdf'],
  skimage: ['scikit-image'],
  google: ['google-generativeai', 'google-genai', 'google-cloud-aiplatform', 'google-api-python-client', 'protobuf'],
  dateutil: ['python-dateutil'],
  jwt: ['pyjwt'],
  magic: ['python-magic'],
  multipart: ['python-multipart'],
  Crypto: ['pycryptodome'],
  OpenSSL: ['pyopenssl'],
  serial: ['pyserial'],
  attr: ['attrs'],
  pydantic_settings: ['pydantic-settings'],
  sentence_transformers: ['sentence-transformers'],
  llama_cpp: ['llama-cpp-python'],
  qdrant_client: ['qdrant-client'],
  pinecone: ['pinecone', 'pinecone-client'],
  weaviate: ['weaviate-client'],
  pymilvus: ['pymilvus'],
  psycopg2: ['psycopg2', 'psycopg2-binary'],
  MySQLdb: ['mysqlclient'],
  Levenshtein: ['python-levenshtein', 'levenshtein'],
  umap: ['umap-learn'],
  tensorflow_hub: ['tensorflow-hub'],
  huggingface_hub: ['huggingface-hub'],
  rank_bm25: ['rank-bm25'],
  git: ['gitpython'],
  telegram: ['python-telegram-bot'],
  discord: ['discord-py'],
  slugify: ['python-slugify'],
  jose: ['python-jose'],
  ruamel: ['ruamel-yaml'],
  pkg_resources: ['setuptools'],
  setuptools: ['setuptools'],
  IPython: ['ipython', 'jupyter', 'notebook', 'jupyterlab', 'ipykernel'],
  ipywidgets: ['ipywidgets', 'jupyter'],
  tqdm: ['tqdm'],
};

/** Distributions that are used without being imported (servers, plugins, tools, backends picked by other libraries). */
export const USED_WITHOUT_IMPORT = new Set(
  `uvicorn gunicorn hypercorn accelerate bitsandbytes sentencepiece protobuf python-multipart tiktoken einops safetensors
tokenizers ipykernel ipywidgets jupyter jupyterlab notebook pip setuptools wheel flash-attn xformers psycopg2 psycopg2-binary
uvloop httptools watchfiles openpyxl pyarrow lxml hf-transfer hf-xet pytest pytest-cov pytest-asyncio pytest-mock black ruff
mypy flake8 isort pylint pre-commit coverage tox nox optimum auto-gptq autoawq scipy onnxruntime onnxruntime-gpu email-validator
python-dotenv pydantic-core typing-extensions unstructured pypdf pymupdf docx2txt`.split(/\s+/),
);

/**
 * Packages that come with a declared framework and are commonly imported directly: `pydantic` with
 * FastAPI, `werkzeug` with Flask, `huggingface_hub` with Transformers. Not counted as undeclared.
 */
export const PROVIDED_BY: Record<string, readonly string[]> = {
  pydantic: ['fastapi', 'pydantic-settings', 'langchain', 'langchain-core', 'openai', 'anthropic'],
  starlette: ['fastapi'],
  werkzeug: ['flask'],
  jinja2: ['flask'],
  huggingface_hub: ['transformers', 'sentence-transformers', 'datasets', 'diffusers', 'peft'],
  tokenizers: ['transformers'],
  langchain_core: ['langchain', 'langchain-openai', 'langchain-community', 'langchain-ollama', 'langchain-huggingface', 'langchain-chroma'],
  langchain_text_splitters: ['langchain'],
};

/** A table's entry for an import name, never an inherited property (`import constructor` is a module name like any other). */
function entryFor(table: Record<string, readonly string[]>, top: string): readonly string[] {
  return Object.hasOwn(table, top) ? (table[top] ?? []) : [];
}

export function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * Whether an import (`langchain_openai.chat_models`) is covered by a declared distribution:
 * the known mismatch table, the normalised top-level name, its first two segments
 * (`google.generativeai` → `google-generativeai`, `llama_index.core` → `llama-index-core`),
 * or a declared `name-*` distribution of the same family (`llama-index-llms-ollama` for `llama_index`).
 */
export function importIsDeclared(module: string, declared: ReadonlySet<string>): boolean {
  const [top = '', second] = module.split('.');
  const candidates = [...entryFor(IMPORT_TO_DISTRIBUTIONS, top), normalise(top)];
  if (second) candidates.push(normalise(`${top}-${second}`));
  if (candidates.some((c) => declared.has(c)) || entryFor(PROVIDED_BY, top).some((c) => declared.has(c))) return true;
  const family = `${normalise(top)}-`;
  for (const d of declared) if (d.startsWith(family)) return true;
  return false;
}

/** The distributions a set of imports covers, gathered once so that each declared name is one lookup. */
export interface ImportedDistributions {
  /** Whether the distribution is covered by one of the imports, exactly as `importIsDeclared` would say for it alone. */
  has(distribution: string): boolean;
}

/**
 * Indexes imports (`langchain_openai.chat_models`, `sklearn`) by the distribution names they cover: the
 * names `importIsDeclared` would accept, and the normalised top-level names whose `name-*` family they cover.
 * Built once per list of imports; each question is then a few lookups, whatever the number of imports.
 */
export function importedDistributions(imports: readonly string[]): ImportedDistributions {
  const names = new Set<string>();
  const families = new Set<string>();
  for (const module of imports) {
    const [top = '', second] = module.split('.');
    for (const name of entryFor(IMPORT_TO_DISTRIBUTIONS, top)) names.add(name);
    for (const name of entryFor(PROVIDED_BY, top)) names.add(name);
    const family = normalise(top);
    names.add(family);
    if (second) names.add(normalise(`${top}-${second}`));
    families.add(family);
  }
  return {
    has(distribution) {
      if (names.has(distribution)) return true;
      // `name-*`: a family is a prefix of the distribution that ends just before one of its dashes.
      for (let dash = distribution.indexOf('-'); dash >= 0; dash = distribution.indexOf('-', dash + 1)) {
        if (families.has(distribution.slice(0, dash))) return true;
      }
      return false;
    },
  };
}

/**
 * Whether a declared distribution is imported by any of the given top-level import modules.
 * For one question only: to ask about many distributions, build `importedDistributions(imports)` once.
 */
export function distributionIsImported(distribution: string, imports: readonly string[]): boolean {
  return importedDistributions(imports).has(distribution);
}
