import { defineCheck } from '../../src/engine/define-check.js';
import { dockerStages } from '../../src/facts/queries/docker.js';
import { fileAt } from '../../src/facts/query.js';
import type { DockerInstruction } from '../../src/facts/types.js';

/** Files that make a build context heavy or leak into the image: weights, data sets, archives, dotenv files, virtualenvs. */
const HEAVY_EXTENSION = /\.(safetensors|bin|pt|pth|ckpt|onnx|gguf|ggml|h5|hdf5|pkl|pickle|joblib|npy|npz|parquet|arrow|feather|faiss|index|sqlite3?|db|zip|tar|gz|tgz|csv|tsv|jsonl)$/i;
const HEAVY_FOLDER = /(^|\/)(models?|checkpoints?|weights|data|datasets|outputs?|chroma_db|chroma|faiss_index|vectorstore|\.venv|venv|node_modules|mlruns|wandb)\//i;
const DOTENV = /(^|\/)\.env(\.[\w-]+)?$/;

/** `COPY . .`, `ADD . /app`, `COPY ./ ./`: the whole context goes into the image. */
function copiesWholeContext(instruction: DockerInstruction): boolean {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return false;
  const words = instruction.args.split(/\s+/).filter((w) => w !== '' && !w.startsWith('--'));
  if (words.length < 2 || instruction.args.includes('--from')) return false;
  return words.slice(0, -1).some((source) => source === '.' || source === './' || source === '*');
}

/** A heavy folder stands for its files (`models/`), other files for themselves. */
function groupOf(path: string): string {
  const folder = HEAVY_FOLDER.exec(path);
  return folder ? path.slice(0, folder.index + folder[0].length) : path;
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

export default defineCheck({
  id: 'docker/dockerignore',
  docs: 'Reports a `.dockerignore` beside a Dockerfile, or its absence when the Dockerfile copies its whole build context while the context holds data, model weights or `.env` files.',
  messages: {
    missing: '`{{copy}}` sends the whole folder to the build with no `.dockerignore`, including {{examples}}',
    present: '`.dockerignore` keeps the build context lean ({{entries}})',
  },
  questions: {
    missing: '{{at}} copies the whole folder into the image and there is no `.dockerignore`. What ends up in the image, and how big is it?',
  },
  *run({ facts, skipped }) {
    const paths = [...facts.files.map((f) => f.path), ...skipped.map((s) => s.path)];
    const shown = new Set<string>();
    for (const dockerfile of facts.dockerfiles) {
      const copy = dockerStages(dockerfile).flatMap((s) => s.instructions).find(copiesWholeContext);
      const context = folderOf(dockerfile.path);
      const ignoreFile = fileAt(facts, `${dockerfile.path}.dockerignore`) ?? fileAt(facts, `${context}.dockerignore`) ?? fileAt(facts, '.dockerignore');
      if (ignoreFile) {
        if (shown.has(ignoreFile.path)) continue;
        shown.add(ignoreFile.path);
        const lines = ignoreFile.text.split('\n').map((l) => l.trim());
        const entries = lines.filter((l) => l !== '' && !l.startsWith('#'));
        if (entries.length === 0) continue;
        const line = lines.indexOf(entries[0]!) + 1;
        const listed = entries.slice(0, 5).map((e) => `\`${e}\``).join(', ') + (entries.length > 5 ? `, … ${entries.length} entries` : '');
        yield { kind: 'strength', messageId: 'present', evidence: [{ path: ignoreFile.path, line, snippet: entries[0]! }], data: { entries: listed } };
        continue;
      }
      if (!copy) continue;
      const heavy = paths
        .filter((p) => p.startsWith(context) && p !== dockerfile.path)
        .map((p) => p.slice(context.length))
        .filter((p) => HEAVY_EXTENSION.test(p) || HEAVY_FOLDER.test(p) || DOTENV.test(p));
      if (heavy.length === 0) continue;
      const groups = [...new Set(heavy.map(groupOf))];
      const examples = groups.slice(0, 3).map((g) => `\`${g}\``).join(', ') + (groups.length > 3 ? ` and ${groups.length - 3} more` : '');
      const at = `${copy.evidence.path}:${copy.evidence.line}`;
      yield { kind: 'concern', messageId: 'missing', evidence: [copy.evidence], data: { copy: `${copy.keyword} ${copy.args}`, examples, at } };
    }
  },
});
