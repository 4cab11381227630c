import { defineCheck } from '../../src/engine/define-check.js';
import { isTestPath, lineEvidence, plainCallee } from '../../src/facts/query.js';
import { at } from '../../src/facts/queries/data.js';
import { isMap, valueAt } from '../../src/facts/queries/docker.js';

/** `load_dataset` builders that read local files rather than a Hub dataset: nothing to pin. */
const LOCAL_BUILDER = /^(json|csv|parquet|text|arrow|imagefolder|audiofolder|pandas|webdataset|sql|xml)$|^[./~]|\.(jsonl?|csv|parquet|txt|arrow)$/;

export default defineCheck({
  id: 'data/dataset-versioning',
  docs: 'Reports how the data is versioned: DVC-tracked data and `dvc.yaml` pipeline stages, DVC API reads at a revision, Hugging Face datasets pinned to a `revision` (or loaded unpinned), lakeFS, and datasets logged with MLflow.',
  messages: {
    dvcTracked: 'Data is versioned with DVC: `{{path}}` tracks `{{out}}`',
    dvcPipeline: 'A DVC pipeline (`{{path}}`) declares stages {{stages}} with their data dependencies',
    dvcApi: 'Data is read through the DVC API at a revision (`{{call}}`)',
    pinnedDataset: 'Dataset `{{dataset}}` is pinned to revision `{{revision}}`',
    unpinnedDataset: 'Dataset `{{dataset}}` is loaded from the Hub without a `revision`: a re-run may read different data',
    lakefs: 'Data is versioned with lakeFS (`{{call}}`)',
    loggedDataset: 'Datasets are logged with the runs (`{{call}}`)',
  },
  questions: {
    dvcTracked: '`{{path}}` versions the data with DVC — how do you tie a deployed index or model to the data version it was built from?',
    unpinnedDataset: '`{{at}}` loads `{{dataset}}` without a revision — which version did you evaluate on, and how would someone reproduce your numbers in six months?',
  },
  *run({ facts }) {
    for (const file of facts.files) {
      if (!file.path.endsWith('.dvc') || isTestPath(file.path)) continue;
      const lines = file.text.split('\n');
      const index = lines.findIndex((l) => /^\s*-?\s*path:\s*\S/.test(l));
      if (index < 0) continue;
      const out = lines[index]!.replace(/^\s*-?\s*path:\s*/, '').trim().slice(0, 80);
      yield { kind: 'strength', messageId: 'dvcTracked', evidence: [lineEvidence(facts, file.path, index + 1)], data: { path: file.path, out } };
    }
    for (const document of facts.configs) {
      if (!/(^|\/)dvc\.ya?ml$/.test(document.path)) continue;
      const stages = valueAt(document.data, ['stages']);
      const evidence = document.evidenceFor(['stages']);
      if (!isMap(stages) || !Object.keys(stages).length || !evidence) continue;
      const names = Object.keys(stages).slice(0, 5).map((s) => `\`${s}\``).join(', ');
      yield { kind: 'strength', messageId: 'dvcPipeline', evidence: [evidence], data: { path: document.path, stages: names } };
    }
    let lakefs = false;
    let logged = false;
    for (const module of facts.python) {
      if (isTestPath(module.path)) continue;
      for (const call of module.calls) {
        const plain = plainCallee(call.callee);
        if (/^dvc\.api\.(open|read|get_url|DVCFileSystem)$/.test(plain) && call.kwargs['rev']) {
          yield { kind: 'strength', messageId: 'dvcApi', evidence: [call.evidence], data: { call: `${call.raw}(…, rev=${call.kwargs['rev'].text})` } };
        } else if (plain === 'datasets.load_dataset') {
          const name = call.args[0]?.literal ?? call.kwargs['path']?.literal;
          if (typeof name !== 'string' || LOCAL_BUILDER.test(name) || !name.includes('/')) continue;
          const revision = call.kwargs['revision'];
          if (revision) yield { kind: 'strength', messageId: 'pinnedDataset', evidence: [call.evidence], data: { dataset: name, revision: typeof revision.literal === 'string' ? revision.literal : revision.text } };
          else yield { kind: 'info', messageId: 'unpinnedDataset', evidence: [call.evidence], data: { dataset: name, at: at(call.evidence) } };
        } else if (!lakefs && /^(lakefs|lakefs_client|lakefs_sdk)\./.test(plain)) {
          lakefs = true;
          yield { kind: 'strength', messageId: 'lakefs', evidence: [call.evidence], data: { call: `${call.raw}(…)` } };
        } else if (!logged && /^mlflow\.(log_input|data\.from_\w+)$/.test(plain)) {
          logged = true;
          yield { kind: 'strength', messageId: 'loggedDataset', evidence: [call.evidence], data: { call: `${call.raw}(…)` } };
        }
      }
    }
  },
});
