import { describe, expect, it } from 'vitest';
import check from '../../../checks/code-quality/configuration-from-environment.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('code-quality/configuration-from-environment', () => {
  it.each<CheckRow>([
    {
      name: 'os.getenv and load_dotenv',
      files: { 'app.py': 'import os\nfrom dotenv import load_dotenv\nload_dotenv()\nMODEL = os.getenv("MODEL", "llama3")\n' },
      expected: [{ kind: 'strength', messageId: 'environment', at: 'app.py:3' }],
    },
    {
      name: 'os.environ subscripts',
      files: { 'app.py': 'import os\nKEY = os.environ["OPENAI_API_KEY"]\n' },
      expected: [{ kind: 'strength', messageId: 'environment', at: 'app.py:2' }],
    },
    {
      name: 'a pydantic settings class',
      files: { 'config.py': 'from pydantic_settings import BaseSettings\nclass Settings(BaseSettings):\n    model: str = "llama3"\n' },
      expected: [{ kind: 'strength', messageId: 'settingsClass', at: 'config.py:2' }],
    },
    {
      name: 'a YAML config file read by the code',
      files: { 'configs/train.yaml': 'lr: 0.0002\nepochs: 3\n', 'train.py': 'import yaml\ncfg = yaml.safe_load(open("configs/train.yaml"))\n' },
      expected: [{ kind: 'strength', messageId: 'configFile', at: 'train.py:2' }],
    },
    {
      name: 'constants in code only',
      files: { 'app.py': 'MODEL = "llama3"\nTOP_K = 4\n', 'README.md': 'Set `os.getenv("MODEL")` to change it.\n' },
      expected: [],
    },
    { name: 'os imported but never read', files: { 'app.py': 'import os\nos.makedirs("out", exist_ok=True)\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('says how the environment is read', async () => {
    const [finding] = await findingsOf(check, { 'app.py': 'import os\nA = os.getenv("A")\nB = os.environ.get("B")\n' });
    expect(finding!.message).toBe('Settings are read from the environment (`os.getenv`, `os.environ.get`)');
  });
});
