import { describe, expect, it } from 'vitest';
import check from '../../../checks/docker/model-weights-in-image.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('docker/model-weights-in-image', () => {
  it.each<CheckRow>([
    { name: 'a models folder copied in', files: { Dockerfile: 'FROM python:3.11-slim\nCOPY app/ /app/\nCOPY models/ /app/models/\n' }, expected: [{ kind: 'info', messageId: 'copied', at: 'Dockerfile:3' }] },
    { name: 'a GGUF file added', files: { Dockerfile: 'FROM python:3.11-slim\nADD llama-3-8b.Q4_K_M.gguf /models/\n' }, expected: [{ kind: 'info', messageId: 'copied', at: 'Dockerfile:2' }] },
    {
      name: 'a model downloaded during the build',
      files: { Dockerfile: 'FROM python:3.11-slim\nRUN pip install --no-cache-dir sentence-transformers && \\\n    python -c "from sentence_transformers import SentenceTransformer; SentenceTransformer(\'all-MiniLM-L6-v2\')"\n' },
      expected: [{ kind: 'info', messageId: 'downloaded', at: 'Dockerfile:2' }],
    },
    { name: 'huggingface-cli download', files: { Dockerfile: 'FROM python:3.11-slim\nRUN huggingface-cli download Qwen/Qwen2-0.5B --local-dir /models\n' }, expected: [{ kind: 'info', messageId: 'downloaded', at: 'Dockerfile:2' }] },
    { name: 'a model cache VOLUME', files: { Dockerfile: 'FROM python:3.11-slim\nVOLUME ["/root/.cache/huggingface"]\n' }, expected: [{ kind: 'info', messageId: 'mounted', at: 'Dockerfile:2' }] },
    {
      name: 'models mounted by compose',
      files: { 'docker-compose.yml': 'services:\n  api:\n    build: .\n    volumes:\n      - ./models:/app/models:ro\n      - ./logs:/app/logs\n' },
      expected: [{ kind: 'info', messageId: 'mounted', at: 'docker-compose.yml:5' }],
    },
    { name: 'a build stage artefact is not weights', files: { Dockerfile: 'FROM python:3.11 AS build\nFROM python:3.11-slim\nCOPY --from=build /models /models\n' }, expected: [] },
    { name: 'code that downloads at start-up', files: { Dockerfile: 'FROM python:3.11-slim\nCOPY app.py .\nCMD ["python", "app.py"]\n', 'app.py': 'from transformers import AutoModel\nm = AutoModel.from_pretrained("gpt2")\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('names the download command', async () => {
    const [finding] = await findingsOf(check, { Dockerfile: 'FROM ollama/ollama:0.3.0\nRUN ollama serve & sleep 5 && ollama pull llama3\n' });
    expect(finding!.message).toBe('Model weights are downloaded while building the image (`ollama pull`)');
  });
});
