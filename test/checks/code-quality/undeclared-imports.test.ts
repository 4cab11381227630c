import { describe, expect, it } from 'vitest';
import check from '../../../checks/code-quality/undeclared-imports.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('code-quality/undeclared-imports', () => {
  it.each<CheckRow>([
    {
      name: 'an import no manifest declares',
      files: { 'requirements.txt': 'fastapi\n', 'app.py': 'import os\nfrom fastapi import FastAPI\nimport chromadb\n' },
      expected: [{ kind: 'concern', messageId: 'undeclared', at: 'app.py:3' }],
    },
    {
      name: 'import names that differ from their distributions',
      files: {
        'requirements.txt': 'scikit-learn\nopencv-python\npillow\nPyYAML\npython-dotenv\nbeautifulsoup4\nlangchain-openai\nllama-index-llms-ollama\nfaiss-cpu\n',
        'app.py': 'import sklearn\nimport cv2\nfrom PIL import Image\nimport yaml\nfrom dotenv import load_dotenv\nfrom bs4 import BeautifulSoup\nfrom langchain_openai import ChatOpenAI\nfrom llama_index.llms.ollama import Ollama\nimport faiss\n',
      },
      expected: [],
    },
    {
      name: 'the candidate’s own modules and the standard library',
      files: { 'requirements.txt': 'numpy\n', 'rag/__init__.py': '', 'rag/index.py': 'import json, pathlib\nfrom rag.store import Store\nfrom .store import Store\n', 'rag/store.py': 'import numpy\nclass Store: pass\n' },
      expected: [],
    },
    {
      name: 'no manifest at all',
      files: { 'main.py': 'import torch\nimport transformers\n' },
      expected: [{ kind: 'concern', messageId: 'noManifest', at: 'main.py:1' }],
    },
    {
      name: 'a notebook that installs what it imports',
      files: {
        'nb.ipynb': JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'code', source: ['!pip install sentence-transformers\n', 'from sentence_transformers import SentenceTransformer\n', 'from google.colab import drive'], outputs: [] }] }),
      },
      expected: [],
    },
    {
      name: 'packages that come with a declared framework',
      files: { 'requirements.txt': 'fastapi\ntransformers\n', 'app.py': 'from pydantic import BaseModel\nfrom huggingface_hub import login\n' },
      expected: [],
    },
    { name: 'prose in a README', files: { 'requirements.txt': 'fastapi\n', 'README.md': 'import chromadb\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names each undeclared package once', async () => {
    const [finding] = await findingsOf(check, { 'pyproject.toml': '[project]\nname = "x"\ndependencies = ["fastapi>=0.1"]\n', 'a.py': 'import numpy\nimport pandas as pd\n', 'b.py': 'import numpy.linalg\n' });
    expect(finding!.message).toBe('2 imported package(s) are not declared in any manifest: `numpy`, `pandas`');
    expect(finding!.question).toContain('`a.py:1` imports `numpy`');
  });
});
