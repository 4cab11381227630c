import { describe, expect, it } from 'vitest';
import check from '../../../checks/code-quality/hard-coded-paths.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('code-quality/hard-coded-paths', () => {
  it.each<CheckRow>([
    {
      name: 'a home-folder path and a Windows path',
      files: { 'ingest.py': 'import pandas as pd\ndf = pd.read_csv("/home/alice/data/faq.csv")\nout = "C:\\\\Users\\\\alice\\\\index"\n' },
      expected: [
        { kind: 'concern', messageId: 'absolutePath', at: 'ingest.py:2' },
        { kind: 'concern', messageId: 'absolutePath', at: 'ingest.py:3' },
      ],
    },
    {
      name: 'a service URL with a port',
      files: { 'rag.py': 'import requests\nr = requests.post("http://localhost:11434/api/generate", json={})\n' },
      expected: [{ kind: 'concern', messageId: 'hostUrl', at: 'rag.py:2' }],
    },
    {
      name: 'a URL read from the environment with a default',
      files: { 'rag.py': 'import os\nURL = os.getenv("OLLAMA_URL", "http://localhost:11434")\n' },
      expected: [],
    },
    {
      name: 'a constant used as the default of an environment lookup',
      files: { 'rag.py': 'import os\nDEFAULT_URL = "http://localhost:11434"\nURL = os.getenv("OLLAMA_URL", DEFAULT_URL)\n' },
      expected: [],
    },
    {
      name: 'a settings class field',
      files: { 'settings.py': 'from pydantic_settings import BaseSettings\nclass Settings(BaseSettings):\n    ollama_url: str = "http://localhost:11434"\n' },
      expected: [],
    },
    {
      name: 'relative paths, public APIs, docstrings, comments and tests',
      files: {
        'app.py': '"""Reads /home/alice/data."""\n# see /home/alice/notes\nPATH = "data/faq.csv"\nAPI = "https://api.openai.com/v1"\n',
        'tests/test_app.py': 'URL = "http://localhost:8000/ask"\n',
      },
      expected: [],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('quotes the value and asks about another machine', async () => {
    const [finding] = await findingsOf(check, { 'a.py': 'p = "/Users/bob/models/llama"\n' });
    expect(finding!.message).toBe("Absolute path from the author's machine in code: `/Users/bob/models/llama`");
    expect(finding!.question).toContain('`a.py:1` reads `/Users/bob/models/llama`');
  });
});
