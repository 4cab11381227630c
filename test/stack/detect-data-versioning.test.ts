import { describe, expect, it } from 'vitest';
import { at, itemsAt } from '../helpers/review-fixture.js';
import { reviewFiles } from '../helpers/review-files.js';

describe('stack.dataVersioning', () => {
  it.each<{ name: string; files: Record<string, string>; expected: Record<string, string>; places?: Record<string, string[]> }>([
    {
      name: 'DVC: a pipeline, a tracked file, a remote, a CI step that pulls',
      files: {
        'dvc.yaml': 'stages:\n  embed:\n    cmd: python embed.py\n    deps: [data/docs]\n',
        'data/docs.dvc': 'outs:\n- md5: 0a1b2c.dir\n  path: docs\n',
        '.dvc/config': "[core]\n    remote = storage\n['remote \"storage\"']\n    url = s3://bucket/dvc\n",
        '.github/workflows/data.yml': 'on: push\njobs:\n  pull:\n    runs-on: ubuntu-latest\n    steps:\n      - run: dvc pull\n',
      },
      expected: { dvc: '.dvc/config:1' },
      places: { dvc: ['.dvc/config:1', 'data/docs.dvc:1', 'dvc.yaml:1', '.github/workflows/data.yml:6'] },
    },
    {
      name: 'DVC read from code',
      files: { 'load.py': 'import dvc.api\n\ntext = dvc.api.read("data/faq.csv", rev="v1")\n' },
      expected: { dvc: 'load.py:3' },
    },
    {
      name: 'lakeFS: a client and a lakefs:// URI in config',
      files: {
        'ingest.py': 'import lakefs\n\nbranch = lakefs.repository("docs").branch("main")\n',
        'config.yaml': 'source: lakefs://docs/main/raw/\n',
      },
      expected: { lakefs: 'ingest.py:3' },
      places: { lakefs: ['ingest.py:3', 'config.yaml:1'] },
    },
    {
      name: 'Hugging Face datasets pulled at a revision and pushed back',
      files: {
        'prepare.py': [
          'from datasets import load_dataset', '', 'ds = load_dataset("acme/support-faq", revision="v1.2")', 'clean = ds.filter(lambda r: r["answer"])',
          'ds.push_to_hub("acme/support-faq-clean")',
        ].join('\n'),
      },
      expected: { 'huggingface-datasets-hub': 'prepare.py:3' },
      places: { 'huggingface-datasets-hub': ['prepare.py:3', 'prepare.py:5'] },
    },
    {
      name: 'a dataset repository uploaded through huggingface_hub',
      files: { 'publish.py': 'from huggingface_hub import HfApi\n\nHfApi().upload_folder(folder_path="data", repo_id="acme/faq", repo_type="dataset")\n' },
      expected: { 'huggingface-datasets-hub': 'publish.py:3' },
    },
    {
      name: 'DVC only declared is listed as declared',
      files: { 'requirements.txt': 'dvc[s3]==3.51.2\n', 'main.py': 'print(1)\n' },
      expected: { 'dvc (declared)': 'requirements.txt:1' },
    },
    {
      name: 'negative: an unpinned dataset load, a model pushed to the Hub, `pip install dvc`, a model repo upload',
      files: {
        'train.py': [
          'from datasets import load_dataset', 'from huggingface_hub import HfApi', 'from transformers import AutoModel', '', 'ds = load_dataset("acme/support-faq")',
          'model = AutoModel.from_pretrained("bert-base-uncased")', 'model.push_to_hub("acme/bert-faq")', 'HfApi().upload_folder(folder_path="out", repo_id="acme/bert-faq")',
        ].join('\n'),
        Dockerfile: 'FROM python:3.11\nRUN pip install dvc\n',
      },
      expected: {},
    },
  ])('$name', async ({ files, expected, places }) => {
    const { stack } = await reviewFiles(files);
    expect(itemsAt(stack.dataVersioning)).toEqual(expected);
    for (const [id, lines] of Object.entries(places ?? {})) expect(stack.dataVersioning.find((i) => i.id === id)?.evidence.map(at)).toEqual(lines);
  });
});
