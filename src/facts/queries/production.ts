import type { Evidence } from '../../types.js';
import { addTo, trimLists } from '../../multimap.js';
import { snippetOf } from '../evidence.js';
import { calleeMatches, fileAt, lineEvidence, plainCallee, pythonCalls } from '../query.js';
import type { ConfigDocument, Facts, Literal, PyCall, PyFunction, PyModule } from '../types.js';
import { commandWords, isMap, type LiteralMap } from './docker.js';

export { at } from '../evidence.js';

/** Deepest key path walked in a config document, and most entries read from one document. */
const MAX_WALK_DEPTH = 16;
const MAX_WALK_NODES = 20_000;

/**
 * Visits every map of a config document with its key path, depth- and size-bounded (hostile YAML
 * can be deep or wide).
 */
function walkMaps(doc: ConfigDocument, visit: (map: LiteralMap, path: (string | number)[]) => void): void {
  let budget = MAX_WALK_NODES;
  const walk = (value: Literal, path: (string | number)[]) => {
    if (--budget < 0 || path.length > MAX_WALK_DEPTH || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, [...path, i]));
    visit(value, path);
    for (const [key, inner] of Object.entries(value)) walk(inner, [...path, key]);
  };
  walk(doc.data, []);
}

const scalarText = (value: Literal | undefined): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;

/** A string or a list of scalars as one command string (`["vllm", "serve", "m"]` → `vllm serve m`). */
function commandText(value: Literal | undefined): string | null {
  if (Array.isArray(value)) {
    const words = value.map(scalarText);
    return words.every((w): w is string => w !== null) && words.length ? words.join(' ') : null;
  }
  return scalarText(value);
}

// ---------------------------------------------------------------- commands

/** A command the repository runs, as one string, with the line it starts on. */
export interface CommandLine {
  command: string;
  evidence: Evidence;
  source: 'config' | 'dockerfile' | 'shell' | 'python';
}

/** Keys whose value (with its siblings) is the start command of a container: compose and Kubernetes. */
const START_KEYS = ['entrypoint', 'command', 'args'] as const;
/** Keys of CI steps, DVC stages, task runners: each a command of its own. */
const STEP_KEYS = new Set(['run', 'cmd', 'script', 'before_script', 'after_script', 'exec', 'shell']);
/** Continuation lines joined into one shell command, at most (characters). */
const MAX_COMMAND = 4000;
const SHELL_FILE = /(\.(sh|bash|zsh)|(^|\/)(Procfile|Makefile|justfile|Taskfile)|\.mk)$/;
const SUBPROCESS = /^(subprocess\.(run|Popen|call|check_call|check_output)|os\.(system|popen))$/;
const commandsOf = new WeakMap<Facts, CommandLine[]>();

/**
 * Every command the repository runs: container commands in compose and Kubernetes manifests
 * (`entrypoint`/`command`/`args` joined), CI steps and DVC stages (`run`, `cmd`, `script`),
 * Dockerfile `RUN`/`CMD`/`ENTRYPOINT`, lines of shell scripts, Procfiles and Makefiles
 * (continuations joined), and literal `subprocess`/`os.system` commands in Python.
 */
export function commandLines(facts: Facts): CommandLine[] {
  const cached = commandsOf.get(facts);
  if (cached) return cached;
  const out: CommandLine[] = [];
  commandsOf.set(facts, out);
  for (const doc of facts.configs) {
    if (doc.format === 'env') continue;
    walkMaps(doc, (map, path) => {
      const start = START_KEYS.filter((k) => Object.hasOwn(map, k));
      const joined = start.map((k) => commandText(map[k])).filter((t): t is string => t !== null);
      const evidence = start.length ? doc.evidenceFor([...path, start[0]!]) : undefined;
      if (joined.length && evidence) out.push({ command: joined.join(' '), evidence, source: 'config' });
      for (const [key, value] of Object.entries(map)) {
        if (!STEP_KEYS.has(key)) continue;
        const steps = Array.isArray(value) ? value.map((v, i) => [v, [...path, key, i]] as const) : [[value, [...path, key]] as const];
        for (const [step, at] of steps) {
          const command = scalarText(step);
          const e = doc.evidenceFor(at);
          if (command && e) out.push({ command, evidence: e, source: 'config' });
        }
      }
    });
  }
  for (const dockerfile of facts.dockerfiles) {
    for (const instruction of dockerfile.instructions) {
      if (['RUN', 'CMD', 'ENTRYPOINT'].includes(instruction.keyword)) {
        out.push({ command: commandWords(instruction.args).join(' '), evidence: instruction.evidence, source: 'dockerfile' });
      }
    }
  }
  for (const file of facts.files) {
    if (!SHELL_FILE.test(file.path)) continue;
    const lines = file.text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const first = i;
      const parts = [lines[i]!.trim()];
      let length = parts[0]!.length;
      while (parts[parts.length - 1]!.endsWith('\\') && i + 1 < lines.length && length < MAX_COMMAND) {
        parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -1);
        parts.push(lines[++i]!.trim());
        length += parts[parts.length - 1]!.length + 1;
      }
      const command = parts.join(' ');
      if (command && !command.startsWith('#')) out.push({ command, evidence: { path: file.path, line: first + 1, snippet: snippetOf(lines[first]) }, source: 'shell' });
    }
  }
  for (const call of pythonCalls(facts)) {
    if (!SUBPROCESS.test(plainCallee(call.callee))) continue;
    const command = commandText(call.args[0]?.literal);
    if (command) out.push({ command, evidence: call.evidence, source: 'python' });
  }
  return out;
}

/** The value following a command-line option (`--quantize awq`, `--quantization=awq`), if any. */
export function optionValue(command: string, option: string): string | undefined {
  const words = command.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.replace(/^["']|["',]$/g, '');
    if (word === option) return words[i + 1]?.replace(/^["']|["',]$/g, '');
    if (word.startsWith(`${option}=`)) return word.slice(option.length + 1);
  }
  return undefined;
}

// ---------------------------------------------------------------- container images

/** An image a compose service, a Kubernetes container (or Helm values) or a Dockerfile `FROM` runs. */
export interface ContainerImage {
  /** As written, tag included (`ghcr.io/huggingface/text-generation-inference:2.0.4`). */
  image: string;
  evidence: Evidence;
}

const imagesOf = new WeakMap<Facts, ContainerImage[]>();

/**
 * Images of compose services, Kubernetes containers, Argo steps and Helm values (`image:` as a
 * string, or a map with `repository`), and of Dockerfile `FROM` lines.
 */
export function containerImages(facts: Facts): ContainerImage[] {
  const cached = imagesOf.get(facts);
  if (cached) return cached;
  const out: ContainerImage[] = [];
  imagesOf.set(facts, out);
  for (const doc of facts.configs) {
    if (doc.format !== 'yaml') continue;
    walkMaps(doc, (map, path) => {
      const image = map['image'];
      const name = typeof image === 'string' ? image : isMap(image) && typeof image['repository'] === 'string' ? image['repository'] : null;
      const evidence = name ? doc.evidenceFor([...path, 'image']) : undefined;
      if (name && evidence) out.push({ image: name, evidence });
    });
  }
  for (const dockerfile of facts.dockerfiles) {
    for (const from of dockerfile.from) out.push({ image: from.tag ? `${from.image}:${from.tag}` : from.image, evidence: from.evidence });
  }
  return out;
}

/** An image's repository, lower-case, without tag, digest or a `docker.io/` prefix (`ghcr.io/huggingface/text-generation-inference`). */
export function imageRepository(image: string): string {
  return image
    .replace(/@sha256:[0-9a-f]+$/i, '')
    .replace(/:[\w.-]+$/, '')
    .toLowerCase()
    .replace(/^docker\.io\/(library\/)?/, '');
}

/** Whether an image is one of the named repositories (given without tag or `docker.io/`). */
export function imageIs(image: string, repositories: readonly string[]): boolean {
  return repositories.includes(imageRepository(image));
}

/** The tag of an image reference (`:server-cuda` → `server-cuda`), or ''. */
export function imageTag(image: string): string {
  return /:([\w.-]+)$/.exec(image.replace(/@sha256:[0-9a-f]+$/i, ''))?.[1] ?? '';
}

// ---------------------------------------------------------------- environment settings

/** An environment variable the repository sets: in a dotenv file, a compose or Kubernetes `environment`/`env`, a CI `env:`, a Dockerfile `ENV`. */
export interface EnvSetting {
  name: string;
  value: string | null;
  evidence: Evidence;
}

const envOf = new WeakMap<Facts, EnvSetting[]>();

/** Every environment variable set in configuration, with its value when written inline. */
export function envSettings(facts: Facts): EnvSetting[] {
  const cached = envOf.get(facts);
  if (cached) return cached;
  const out: EnvSetting[] = [];
  envOf.set(facts, out);
  for (const doc of facts.configs) {
    if (doc.format === 'env') {
      for (const leaf of doc.leaves) {
        const name = leaf.key[0];
        if (typeof name === 'string') out.push({ name, value: scalarText(leaf.value), evidence: leaf.evidence });
      }
      continue;
    }
    if (doc.format !== 'yaml') continue;
    walkMaps(doc, (map, path) => {
      for (const key of ['environment', 'env'] as const) {
        const env = map[key];
        if (isMap(env)) {
          for (const [name, value] of Object.entries(env)) {
            const evidence = doc.evidenceFor([...path, key, name]);
            if (evidence) out.push({ name, value: scalarText(value), evidence });
          }
        } else if (Array.isArray(env)) {
          env.forEach((item, i) => {
            const evidence = doc.evidenceFor([...path, key, i]);
            if (!evidence) return;
            if (typeof item === 'string') {
              const eq = item.indexOf('=');
              out.push({ name: eq < 0 ? item : item.slice(0, eq), value: eq < 0 ? null : item.slice(eq + 1), evidence });
            } else if (isMap(item) && typeof item['name'] === 'string') {
              out.push({ name: item['name'], value: scalarText(item['value']), evidence });
            }
          });
        }
      }
    });
  }
  for (const dockerfile of facts.dockerfiles) {
    for (const instruction of dockerfile.instructions) {
      if (instruction.keyword !== 'ENV') continue;
      // `ENV A=1 B="x"` or the legacy `ENV A 1`.
      const words = instruction.args.trim().split(/\s+/);
      if (words[0]?.includes('=')) {
        for (const word of words) {
          const eq = word.indexOf('=');
          if (eq > 0) out.push({ name: word.slice(0, eq), value: word.slice(eq + 1).replace(/^"|"$/g, ''), evidence: instruction.evidence });
        }
      } else if (words[0]) {
        out.push({ name: words[0], value: words.slice(1).join(' ') || null, evidence: instruction.evidence });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- Python calls by package

const byPackageOf = new WeakMap<Facts, Map<string, PyCall[]>>();
const localOf = new WeakMap<Facts, Set<string>>();

/**
 * Names the submission's own Python code could be imported by as a top-level module: each
 * module's file stem and each package folder (`guardrails.py`, `phoenix/__init__.py`). A
 * candidate's `guardrails.py` is not the Guardrails AI library.
 */
export function localModuleNames(facts: Facts): Set<string> {
  let names = localOf.get(facts);
  if (!names) {
    localOf.set(facts, (names = new Set()));
    for (const m of facts.python) {
      if (m.kind !== 'python') continue;
      const parts = m.path.replace(/\.pyi?$/, '').split('/');
      const stem = parts.pop()!;
      if (stem === '__init__') {
        if (parts.length) names.add(parts[parts.length - 1]!);
      } else {
        names.add(stem);
      }
    }
  }
  return names;
}

/**
 * Python calls whose resolved callee starts with one of the packages (`vllm` → `vllm.LLM`,
 * `vllm.LLM().generate`): detectors that look for a handful of libraries read only their calls.
 * The calls are indexed by first segment once per facts; a package the submission defines
 * itself (`localModuleNames`) has no calls here.
 */
export function callsInPackages(facts: Facts, packages: readonly string[]): PyCall[] {
  let index = byPackageOf.get(facts);
  if (!index) {
    index = new Map();
    for (const call of pythonCalls(facts)) {
      const plain = plainCallee(call.callee);
      const dot = plain.indexOf('.');
      addTo(index, dot < 0 ? plain : plain.slice(0, dot), call);
    }
    byPackageOf.set(facts, trimLists(index));
  }
  const local = localModuleNames(facts);
  return packages.flatMap((p) => (local.has(p) ? [] : (index.get(p) ?? [])));
}

/** `pythonCallsTo` for patterns naming their package (`vllm.LLM`, not `*.generate`), reading only those packages' calls. */
export function packageCallsTo(facts: Facts, patterns: readonly string[]): PyCall[] {
  const packages = [...new Set(patterns.map((p) => (p.includes('.') ? p.slice(0, p.indexOf('.')) : p)))];
  return callsInPackages(facts, packages).filter((call) => patterns.some((p) => calleeMatches(call.callee, p)));
}

// ---------------------------------------------------------------- Python definitions

/** A function of the submission with the module it lives in. */
export interface DefinedFunction {
  fn: PyFunction;
  module: PyModule;
}

/** Functions with a decorator resolved to one of the dotted names (re-exports included: `prefect.flows.flow` is `prefect.flow`). */
export function decoratedFunctions(facts: Facts, decorators: readonly string[]): (DefinedFunction & { decorator: string })[] {
  const out: (DefinedFunction & { decorator: string })[] = [];
  for (const module of facts.python) {
    for (const fn of module.functions) {
      const decorator = fn.decorators.find((d) => decorators.some((pattern) => calleeMatches(d, pattern)));
      if (decorator) out.push({ fn, module, decorator });
    }
  }
  return out;
}

/** A module's function by its qualified name (a call's `scope`), if any. */
export function functionNamed(module: PyModule, qualname: string | null): PyFunction | undefined {
  return qualname === null ? undefined : module.functions.find((fn) => fn.qualname === qualname);
}

// ---------------------------------------------------------------- plain files

/** Lines read from a plain configuration file (a `.dvc` file, a Colang file, a Triton `config.pbtxt`). */
const MAX_FILE_LINES = 500;

/** Lines below a config key searched for the text of its (block scalar) value. */
const MAX_BLOCK_LINES = 50;

/**
 * A multi-line value's evidence is its key's line (`command: >`); the line at or below it that
 * holds `text` names the place better. Unchanged when no such line is near.
 */
export function lineContaining(facts: Facts, evidence: Evidence, text: string): Evidence {
  if (!text || evidence.path.endsWith('.ipynb')) return evidence;
  const lines = (fileAt(facts, evidence.path)?.text ?? '').split('\n', evidence.line + MAX_BLOCK_LINES);
  for (let i = evidence.line - 1; i < lines.length; i++) if (lines[i]!.includes(text)) return i + 1 === evidence.line ? evidence : lineEvidence(facts, evidence.path, i + 1);
  return evidence;
}

/** Evidence for the first line (trimmed) of a small non-code file that satisfies `test`, else its first line. */
export function fileLineWhere(path: string, text: string, test: (line: string) => boolean): Evidence {
  const lines = text.split('\n', MAX_FILE_LINES);
  const index = Math.max(0, lines.findIndex((l) => test(l.trim())));
  return { path, line: index + 1, snippet: snippetOf(lines[index]) };
}
