import { callsInPackages, commandLines, containerImages, fileLineWhere, imageRepository, optionValue } from '../facts/queries/production.js';
import { codeStrings, plainCallee } from '../facts/query.js';
import type { Facts, PyCall } from '../facts/types.js';
import { EvidenceMap } from './evidence-map.js';
import { productionItems } from './production-items.js';
import { DATA_VERSIONING } from './signals.js';
import type { StackItem } from './types.js';

const DVC_COMMAND = /\bdvc\s+(pull|push|repro|add|run|fetch|checkout|import|import-url|get|remote|exp\s+run|commit)\b/;
/** Hub calls that push to a repository (a dataset one when `repo_type="dataset"`). */
const HUB_PUSH = /^(upload_folder|upload_file|upload_large_folder|create_commit|create_repo|push_to_hub)$/;
const HUB_PULL = /^(snapshot_download|hf_hub_download|list_repo_files)$/;

/**
 * `stack.dataVersioning`: DVC (pipelines in `dvc.yaml`, tracked `.dvc` files, a `.dvc/config`
 * remote, `dvc.api` reads, `dvc pull/repro` in scripts and CI), lakeFS (clients, `lakefs://`
 * URIs, `lakectl`), and Hugging Face Hub datasets pushed or pulled at a pinned revision.
 */
export function detectDataVersioning(facts: Facts): StackItem[] {
  const found = new EvidenceMap();
  for (const doc of facts.configs) {
    const name = doc.path.slice(doc.path.lastIndexOf('/') + 1);
    if (doc.format === 'yaml' && (name === 'dvc.yaml' || name === 'dvc.yml')) found.add('dvc', doc.evidenceFor(['stages']));
    for (const leaf of doc.leaves) if (typeof leaf.value === 'string' && leaf.value.startsWith('lakefs://')) found.add('lakefs', leaf.evidence);
  }
  for (const file of facts.files) {
    if (file.path.endsWith('.dvc')) found.add('dvc', fileLineWhere(file.path, file.text, (l) => l.startsWith('outs:')));
    else if (file.path === '.dvc/config' || file.path.endsWith('/.dvc/config')) found.add('dvc', fileLineWhere(file.path, file.text, (l) => l.startsWith('[')));
  }
  for (const call of callsInPackages(facts, ['dvc', 'lakefs', 'lakefs_client', 'lakefs_sdk', 'lakefs_spec', 'datasets', 'huggingface_hub'])) {
    const plain = plainCallee(call.callee);
    if (/^dvc\.(api|repo)\./.test(plain)) found.add('dvc', call.evidence);
    else if (/^(lakefs|lakefs_client|lakefs_sdk|lakefs_spec)\./.test(plain)) found.add('lakefs', call.evidence);
    else if (isDatasetVersioning(call, plain)) found.add('huggingface-datasets-hub', call.evidence);
  }
  for (const { value, evidence } of codeStrings(facts)) if (value.startsWith('lakefs://')) found.add('lakefs', evidence);
  for (const { image, evidence } of containerImages(facts)) if (imageRepository(image) === 'treeverse/lakefs') found.add('lakefs', evidence);
  // Weaker than the pipeline and the tracked files: the commands that pull or reproduce them.
  const commands = new EvidenceMap();
  for (const { command, evidence } of commandLines(facts)) {
    if (DVC_COMMAND.test(command)) commands.add('dvc', evidence);
    if (/(^|\s)lakectl\s/.test(command)) commands.add('lakefs', evidence);
    if (/\bhuggingface-cli\s+(upload|download)\b|\bhf\s+(upload|download)\b/.test(command) && optionValue(command, '--repo-type') === 'dataset') {
      if (/\s(upload)\s/.test(command) || optionValue(command, '--revision')) found.add('huggingface-datasets-hub', evidence);
    }
  }
  return productionItems(facts, [found, commands], DATA_VERSIONING);
}

/** `load_dataset(..., revision=...)`, `dataset.push_to_hub(...)`, and Hub pushes / pinned pulls of `repo_type="dataset"`. */
function isDatasetVersioning(call: PyCall, plain: string): boolean {
  if (plain === 'datasets.load_dataset') return call.kwargs['revision'] !== undefined;
  if (call.name === 'push_to_hub') return plain.startsWith('datasets.');
  if (!plain.startsWith('huggingface_hub.') || call.kwargs['repo_type']?.literal !== 'dataset') return false;
  return HUB_PUSH.test(call.name) || (HUB_PULL.test(call.name) && call.kwargs['revision'] !== undefined);
}
