import { describe, expect, it } from 'vitest';
import unsafeDeserialization from '../../../checks/security/unsafe-deserialization.js';
import { findingsOf, reportsOf } from '../../helpers/check-tester.js';

const concern = (at: string) => ({ kind: 'concern', messageId: 'unsafeLoad', at });

describe('security/unsafe-deserialization', () => {
  it.each<{ name: string; files: Record<string, string>; expected: object[] }>([
    { name: 'pickle.load of an index file', files: { 'rag/index.py': 'import pickle\n\nwith open("index.pkl", "rb") as f:\n    index = pickle.load(f)\n' }, expected: [concern('rag/index.py:4')] },
    { name: 'pickle.loads through an alias', files: { 'app.py': 'from pickle import loads as unpickle\n\ndef restore(blob):\n    return unpickle(blob)\n' }, expected: [concern('app.py:4')] },
    { name: 'joblib.load of a model', files: { 'serve.py': 'import joblib\nclf = joblib.load("model.joblib")\n' }, expected: [concern('serve.py:2')] },
    { name: 'torch.load without weights_only', files: { 'infer.py': 'import torch\nstate = torch.load("ckpt.pt", map_location="cpu")\n' }, expected: [concern('infer.py:2')] },
    { name: 'torch.load with weights_only=False', files: { 'infer.py': 'import torch\nstate = torch.load("ckpt.pt", weights_only=False)\n' }, expected: [concern('infer.py:2')] },
    { name: 'yaml.load without a loader', files: { 'cfg.py': 'import yaml\ncfg = yaml.load(open("config.yaml"))\n' }, expected: [concern('cfg.py:2')] },
    { name: 'yaml.load with the full loader', files: { 'cfg.py': 'import yaml\ncfg = yaml.load(open("config.yaml"), Loader=yaml.FullLoader)\n' }, expected: [concern('cfg.py:2')] },
    { name: 'np.load with allow_pickle=True', files: { 'emb.py': 'import numpy as np\nvectors = np.load("emb.npy", allow_pickle=True)\n' }, expected: [concern('emb.py:2')] },
    { name: 'a pickle loaded in a notebook cell', files: { 'nb.ipynb': JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'code', source: ['import pandas as pd\n', 'df = pd.read_pickle("qa.pkl")'], outputs: [] }] }) }, expected: [concern('nb.ipynb:2')] },
  ])('reports $name', async ({ files, expected }) => {
    expect(await reportsOf(unsafeDeserialization, files)).toEqual(expected);
  });

  it.each<{ name: string; files: Record<string, string> }>([
    { name: 'torch.load with weights_only=True', files: { 'infer.py': 'import torch\nstate = torch.load("ckpt.pt", weights_only=True)\n' } },
    { name: 'yaml.safe_load and a SafeLoader', files: { 'cfg.py': 'import yaml\na = yaml.safe_load(open("a.yaml"))\nb = yaml.load(open("b.yaml"), Loader=yaml.SafeLoader)\nc = yaml.load(open("c.yaml"), yaml.CSafeLoader)\n' } },
    { name: 'np.load of plain arrays and json.load', files: { 'emb.py': 'import json\nimport numpy as np\nv = np.load("emb.npy")\nd = json.load(open("qa.json"))\n' } },
    { name: 'pickle only imported, and dumps', files: { 'save.py': 'import pickle\npickle.dump({}, open("x.pkl", "wb"))\n' } },
    { name: 'torch.hub.load and a method named load', files: { 'a.py': 'import torch\nm = torch.hub.load("repo", "model")\nstore.load("index")\n' } },
    { name: 'a loader in a test', files: { 'tests/test_index.py': 'import pickle\n\ndef test_roundtrip():\n    assert pickle.loads(pickle.dumps(1)) == 1\n' } },
    { name: 'a comment and README prose', files: { 'app.py': '# never use pickle.load(f) here\nx = 1\n', 'README.md': 'We avoid `pickle.load` and `torch.load`.\n' } },
  ])('stays quiet about $name', async ({ files }) => {
    expect(await reportsOf(unsafeDeserialization, files)).toEqual([]);
  });

  it('says why the call is unsafe and asks where the file comes from', async () => {
    const [finding] = await findingsOf(unsafeDeserialization, { 'infer.py': 'import torch\nstate = torch.load(path)\n' });
    expect(finding!.message).toBe('`torch.load(…)` loads `path`: without `weights_only=True` it unpickles arbitrary objects (the default before torch 2.6)');
    expect(finding!.question).toMatch(/^`infer\.py:2` loads `path` with `torch\.load\(…\)` — where can that file come from/);
  });
});
