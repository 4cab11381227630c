import { describe, expect, it } from 'vitest';
import check from '../../../checks/docker/compose-services.js';
import { findingsOf, reportsOf, type CheckRow } from '../../helpers/check-tester.js';

describe('docker/compose-services', () => {
  it.each<CheckRow>([
    {
      name: 'Qdrant with a named volume and an API waiting for it to be healthy',
      files: {
        'docker-compose.yml': [
          'services:',
          '  api:',
          '    build: .',
          '    depends_on:',
          '      qdrant:',
          '        condition: service_healthy',
          '  qdrant:',
          '    image: qdrant/qdrant:v1.9.0',
          '    volumes:',
          '      - qdrant_data:/qdrant/storage',
          'volumes:',
          '  qdrant_data: {}',
          '',
        ].join('\n'),
      },
      expected: [
        { kind: 'strength', messageId: 'waitsHealthy', at: 'docker-compose.yml:5' },
        { kind: 'strength', messageId: 'persistentVolume', at: 'docker-compose.yml:10' },
      ],
    },
    {
      name: 'Ollama without a volume, waited for by start order only',
      files: { 'compose.yaml': 'services:\n  app:\n    build: .\n    depends_on:\n      - ollama\n  ollama:\n    image: ollama/ollama\n' },
      expected: [
        { kind: 'concern', messageId: 'waitsStartOnly', at: 'compose.yaml:5' },
        { kind: 'concern', messageId: 'noVolume', at: 'compose.yaml:6' },
      ],
    },
    {
      name: 'a GPU reservation',
      files: {
        'docker-compose.gpu.yml': 'services:\n  vllm:\n    build: .\n    deploy:\n      resources:\n        reservations:\n          devices:\n            - driver: nvidia\n              count: 1\n              capabilities: [gpu]\n',
      },
      expected: [{ kind: 'info', messageId: 'gpuReserved', at: 'docker-compose.gpu.yml:7' }],
    },
    { name: 'an ordinary web app with a cache', files: { 'docker-compose.yml': 'services:\n  web:\n    build: .\n    ports: ["8000:8000"]\n  worker:\n    build: .\n    depends_on: [web]\n' }, expected: [] },
    { name: 'a YAML file that is not a compose file', files: { 'config/services.yml': 'services:\n  qdrant:\n    image: qdrant/qdrant\n' }, expected: [] },
  ])('$name', async ({ files, expected }) => {
    expect(await reportsOf(check, files)).toEqual(expected);
  });

  it('says what a missing volume loses', async () => {
    const [finding] = await findingsOf(check, { 'docker-compose.yml': 'services:\n  chroma:\n    image: chromadb/chroma:0.5.0\n' });
    expect(finding!.message).toBe('Compose service `chroma` (`chromadb/chroma:0.5.0`) has no volume, so its index is lost whenever the container is recreated');
    expect(finding!.question).toMatch(/docker-compose\.yml:2/);
  });
});
