import type { Evidence } from '../../types.js';
import type { ConfigDocument, DockerFrom, DockerInstruction, DockerfileFacts, Facts, Literal } from '../types.js';

export { at } from '../evidence.js';

// ---------------------------------------------------------------- Dockerfile stages

/** One build stage: its `FROM` and the instructions up to the next `FROM`. */
export interface DockerStage {
  dockerfile: DockerfileFacts;
  /** The parsed `FROM` (null when the line names no image). */
  from: DockerFrom | null;
  fromInstruction: DockerInstruction;
  instructions: DockerInstruction[];
  /** 0-based position among the file's stages. */
  index: number;
}

/** The stages of a Dockerfile, in order (instructions before the first `FROM`, such as global `ARG`s, belong to none). */
export function dockerStages(dockerfile: DockerfileFacts): DockerStage[] {
  const stages: DockerStage[] = [];
  for (const instruction of dockerfile.instructions) {
    if (instruction.keyword === 'FROM') {
      const from = dockerfile.from.find((f) => f.evidence.line === instruction.line) ?? null;
      stages.push({ dockerfile, from, fromInstruction: instruction, instructions: [], index: stages.length });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

/** The stage the image is built from: the last one. */
export function finalStage(dockerfile: DockerfileFacts): DockerStage | undefined {
  return dockerStages(dockerfile).at(-1);
}

/** `ARG` instructions written before the first `FROM`, with their defaults (`ARG PY=3.11` → `PY: '3.11'`). */
export function globalArgs(dockerfile: DockerfileFacts): Map<string, string> {
  const out = new Map<string, string>();
  for (const instruction of dockerfile.instructions) {
    if (instruction.keyword === 'FROM') break;
    if (instruction.keyword !== 'ARG') continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=("?)([^"\s]*)\2/.exec(instruction.args);
    if (match) out.set(match[1]!, match[3]!);
  }
  return out;
}

/** A `CMD`/`ENTRYPOINT`/`RUN` in exec form (`["uvicorn", "app:app"]`): its words; null for shell form. */
export function execFormWords(args: string): string[] | null {
  const text = args.trim();
  if (!text.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((w) => typeof w === 'string') ? (parsed as string[]) : null;
  } catch {
    return null;
  }
}

/** The words of an instruction's command in either form (shell form split on blanks, quotes dropped). */
export function commandWords(args: string): string[] {
  return execFormWords(args) ?? args.split(/\s+/).map((w) => w.replace(/^["']|["']$/g, '')).filter((w) => w !== '');
}

/** The effective start command of a stage: its last `ENTRYPOINT` and last `CMD`. */
export function startInstructions(stage: DockerStage): DockerInstruction[] {
  const last = (keyword: string) => stage.instructions.filter((i) => i.keyword === keyword).at(-1);
  return [last('ENTRYPOINT'), last('CMD')].filter((i): i is DockerInstruction => i !== undefined);
}

/** Servers whose start command makes an image a long-running service. */
const SERVER_COMMAND = /\b(uvicorn|gunicorn|hypercorn|daphne|granian|streamlit|gradio|flask|fastapi|waitress-serve|vllm|text-generation-launcher|ollama|node|npm|next|serve)\b/;

/** Whether the stage runs a service: it exposes a port or starts a web server. */
export function isServiceStage(stage: DockerStage): boolean {
  if (stage.instructions.some((i) => i.keyword === 'EXPOSE')) return true;
  return startInstructions(stage).some((i) => SERVER_COMMAND.test(i.args));
}

// ---------------------------------------------------------------- YAML navigation

export type LiteralMap = { [key: string]: Literal };

export function isMap(value: Literal | undefined): value is LiteralMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a key path, or undefined. */
export function valueAt(data: Literal | undefined, path: readonly (string | number)[]): Literal | undefined {
  let current: Literal | undefined = data;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isMap(current) && typeof key === 'string' && Object.hasOwn(current, key)) current = current[key];
    else return undefined;
  }
  return current;
}

// ---------------------------------------------------------------- Compose

export interface ComposeService {
  name: string;
  document: ConfigDocument;
  data: LiteralMap;
  /** The `image:` as written, if any. */
  image: string | null;
  /** Line of the service's key. */
  evidence: Evidence;
}

const COMPOSE_NAME = /(^|\/)(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i;

/** Services of the compose files (`docker-compose.yml`, `compose.yaml`, `docker-compose.gpu.yml`). */
export function composeServices(facts: Facts): ComposeService[] {
  const out: ComposeService[] = [];
  for (const document of facts.configs) {
    if (document.format !== 'yaml' || !COMPOSE_NAME.test(document.path)) continue;
    const services = valueAt(document.data, ['services']);
    if (!isMap(services)) continue;
    for (const [name, data] of Object.entries(services)) {
      if (!isMap(data)) continue;
      const evidence = document.evidenceFor(['services', name]);
      if (!evidence) continue;
      out.push({ name, document, data, image: typeof data['image'] === 'string' ? data['image'] : null, evidence });
    }
  }
  return out;
}

// ---------------------------------------------------------------- Kubernetes

export interface KubeContainer {
  name: string;
  /** `Deployment`, `StatefulSet`, … */
  workload: string;
  document: ConfigDocument;
  data: LiteralMap;
  /** Key path of the container in the document. */
  path: (string | number)[];
  /** Line of the container's entry. */
  evidence: Evidence;
}

/** Where each workload kind keeps its pod's containers. */
const POD_SPEC: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** Containers of Kubernetes workloads (`apiVersion` + `kind` documents; init containers are not counted). */
export function kubernetesContainers(facts: Facts): KubeContainer[] {
  const out: KubeContainer[] = [];
  for (const document of facts.configs) {
    if (document.format !== 'yaml' || typeof valueAt(document.data, ['apiVersion']) !== 'string') continue;
    const kind = valueAt(document.data, ['kind']);
    if (typeof kind !== 'string') continue;
    const podSpec = POD_SPEC[kind];
    if (!podSpec) continue;
    const containers = valueAt(document.data, [...podSpec, 'containers']);
    if (!Array.isArray(containers)) continue;
    containers.forEach((data, i) => {
      if (!isMap(data)) return;
      const path = [...podSpec, 'containers', i];
      const evidence = document.evidenceFor(path) ?? document.evidenceFor([...podSpec, 'containers']);
      if (!evidence) return;
      out.push({ name: typeof data['name'] === 'string' ? data['name'] : `#${i + 1}`, workload: kind, document, data, path, evidence });
    });
  }
  return out;
}
