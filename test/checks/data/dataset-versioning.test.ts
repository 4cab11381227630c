import { describe, expect, it } from 'vitest';
import check from '../../../checks/data/dataset-versioning.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

const DVC_FILE = 'outs:\n- md5: 6c1d5b3e2f0a9b8c7d6e5f4a3b2c1d0e.dir\n  size: 18734211\n  path: raw\n';
const DVC_YAML = 'stages:\n  prepare:\n    cmd: python prepare.py\n    deps: [data/raw]\n  index:\n    cmd: python index.py\n';

describe('data/dataset-versioning', () => {
  it.each<CheckRow>([
    {
      name: 'DVC-tracked data and a DVC pipeline',
      files: { 'data/raw.dvc': DVC_FILE, 'dvc.yaml': DVC_YAML },
      expected: [
        { kind: 'strength', messageId: 'dvcTracked', at: 'data/raw.dvc:4' },
        { kind: 'strength', messageId: 'dvcPipeline', at: 'dvc.yaml:1' },
      ],
    },
    {
      name: 'Hub datasets, pinned and unpinned, and a local JSON file',
      files: { 'data.py': 'from datasets import load_dataset\ntrain = load_dataset("org/support-qa", revision="a1b2c3d")\ntest = load_dataset("org/support-qa-test")\nlocal = load_dataset("json", data_files="qa.jsonl")\n' },
      expected: [
        { kind: 'strength', messageId: 'pinnedDataset', at: 'data.py:2' },
        { kind: 'info', messageId: 'unpinnedDataset', at: 'data.py:3' },
      ],
    },
    {
      name: 'a DVC API read at a tag',
      files: { 'load.py': 'import dvc.api\nwith dvc.api.open("data/qa.csv", rev="v1.2") as f:\n    rows = f.read()\n' },
      expected: [{ kind: 'strength', messageId: 'dvcApi', at: 'load.py:2' }],
    },
    { name: 'data read from a committed CSV', files: { 'load.py': 'import pandas as pd\ndf = pd.read_csv("data/qa.csv")\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names what DVC tracks and the stages', async () => {
    const [tracked, pipeline] = await findingsOf(check, { 'data/raw.dvc': DVC_FILE, 'dvc.yaml': DVC_YAML });
    expect(tracked!.message).toBe('Data is versioned with DVC: `data/raw.dvc` tracks `raw`');
    expect(pipeline!.message).toBe('A DVC pipeline (`dvc.yaml`) declares stages `prepare`, `index` with their data dependencies');
  });
});
