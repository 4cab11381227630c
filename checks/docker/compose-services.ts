import { defineCheck } from '../../src/engine/define-check.js';
import { composeServices, isMap, valueAt, type ComposeService } from '../../src/facts/queries/docker.js';
import type { Literal } from '../../src/facts/types.js';

/** Services that keep an index or downloaded models: recreating them without a volume loses that state. */
const STATEFUL_AI = /(^|\/)(qdrant|chroma|weaviate|milvus|pgvector|redis-stack|ollama|elasticsearch|opensearch|typesense|marqo|vespa|lancedb|text-embeddings-inference|vllm-openai)([:@/]|$)/i;
/** Services another one usually has to wait for before it can serve. */
const DEPENDENCY = /(^|\/)(qdrant|chroma|weaviate|milvus|pgvector|redis|ollama|elasticsearch|opensearch|postgres|mysql|mariadb|mongo|neo4j|rabbitmq|kafka)([:@/-]|$)/i;

function mentionsGpu(devices: Literal | undefined): boolean {
  return JSON.stringify(devices ?? null).toLowerCase().includes('gpu') || JSON.stringify(devices ?? null).includes('nvidia');
}

export default defineCheck({
  id: 'docker/compose-services',
  docs: 'Reports compose services for vector stores and model servers (with or without a persistent volume), GPU reservations, and whether `depends_on` waits for a dependency to be healthy.',
  messages: {
    persistentVolume: 'Compose service `{{service}}` (`{{image}}`) keeps its data on a volume (`{{volume}}`)',
    noVolume: 'Compose service `{{service}}` (`{{image}}`) has no volume, so its {{what}} is lost whenever the container is recreated',
    gpuReserved: 'Compose service `{{service}}` reserves a GPU (`deploy.resources.reservations.devices`)',
    waitsHealthy: '`{{service}}` waits for `{{dependency}}` to be healthy (`condition: service_healthy`)',
    waitsStartOnly: '`{{service}}` depends on `{{dependency}}` without `condition: service_healthy`, so it may start before `{{dependency}}` accepts connections',
  },
  questions: {
    noVolume: '`{{service}}` in {{at}} has no volume. What happens to the {{what}} on `docker compose down && up`?',
    waitsStartOnly: 'What does `{{service}}` do if `{{dependency}}` is still starting when the first request arrives?',
  },
  *run({ facts }) {
    const services = composeServices(facts);
    const byName = new Map<string, ComposeService>(services.map((s) => [`${s.document.path}#${s.name}`, s]));
    for (const service of services) {
      const { name, document, image } = service;
      const at = `${service.evidence.path}:${service.evidence.line}`;
      if (image && STATEFUL_AI.test(image)) {
        const volumes = service.data['volumes'];
        const what = /ollama|text-embeddings|vllm/i.test(image) ? 'downloaded models' : 'index';
        if (Array.isArray(volumes) && volumes.length > 0) {
          const first = volumes[0]!;
          const volume = typeof first === 'string' ? first : isMap(first) ? `${String(first['source'] ?? '')}:${String(first['target'] ?? '')}` : JSON.stringify(first);
          const evidence = document.evidenceFor(['services', name, 'volumes', 0]) ?? service.evidence;
          yield { kind: 'strength', messageId: 'persistentVolume', evidence: [evidence], data: { service: name, image, volume } };
        } else {
          yield { kind: 'concern', messageId: 'noVolume', evidence: [service.evidence], data: { service: name, image, what, at } };
        }
      }
      const devices = valueAt(service.data, ['deploy', 'resources', 'reservations', 'devices']);
      if (mentionsGpu(devices)) {
        const evidence = document.evidenceFor(['services', name, 'deploy', 'resources', 'reservations', 'devices']) ?? service.evidence;
        yield { kind: 'info', messageId: 'gpuReserved', evidence: [evidence], data: { service: name } };
      }
      const dependsOn = service.data['depends_on'];
      const dependencies: [string, Literal | undefined][] = Array.isArray(dependsOn)
        ? dependsOn.filter((d): d is string => typeof d === 'string').map((d) => [d, undefined])
        : isMap(dependsOn) ? Object.entries(dependsOn) : [];
      for (const [index, [dependency, settings]] of dependencies.entries()) {
        const target = byName.get(`${document.path}#${dependency}`);
        const condition = isMap(settings) ? settings['condition'] : undefined;
        const evidence = document.evidenceFor(['services', name, 'depends_on', Array.isArray(dependsOn) ? index : dependency]) ?? service.evidence;
        if (condition === 'service_healthy') yield { kind: 'strength', messageId: 'waitsHealthy', evidence: [evidence], data: { service: name, dependency } };
        else if (target?.image && DEPENDENCY.test(target.image)) yield { kind: 'concern', messageId: 'waitsStartOnly', evidence: [evidence], data: { service: name, dependency } };
      }
    }
  },
});
