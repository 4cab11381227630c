import { defineCheck } from '../../src/engine/define-check.js';
import { composeServices, dockerStages, isMap } from '../../src/facts/queries/docker.js';
import type { DockerInstruction } from '../../src/facts/types.js';

const WEIGHT_SOURCE = /\.(safetensors|bin|pt|pth|ckpt|onnx|gguf|ggml|h5)$|(^|\/)(models?|checkpoints?|weights|adapters?|lora[\w-]*|merged[\w-]*)\/?$/i;
const BUILD_DOWNLOAD = /\b(huggingface-cli|hf) download\b|\bsnapshot_download\b|\bhf_hub_download\b|\bfrom_pretrained\b|\bSentenceTransformer\(|\bollama pull\b|\bgit (lfs )?clone\s+\S*huggingface\.co|\b(wget|curl)\b[^|&;]{0,500}(huggingface\.co|\.gguf|\.safetensors|\.bin\b|\.onnx)|\bpython3? [\w/.-]{0,200}download[\w-]{0,100}(model|weight)s?[\w-]{0,100}\.py\b/i;
const MODEL_PATH = /(^|\/)(models?|weights|checkpoints|huggingface|hf_cache|\.cache|ollama)(\/|$)/i;

function copiedWeights(instruction: DockerInstruction): string[] {
  if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || /--from/.test(instruction.args)) return [];
  const words = instruction.args.split(/\s+/).filter((w) => w !== '' && !w.startsWith('--'));
  return words.slice(0, -1).filter((source) => WEIGHT_SOURCE.test(source));
}

export default defineCheck({
  id: 'docker/model-weights-in-image',
  docs: 'Reports where the image gets its model weights: copied or downloaded at build time (baked in), or mounted as a volume at run time.',
  messages: {
    copied: 'Model weights are copied into the image (`{{sources}}`), so every rebuild and pull carries them',
    downloaded: 'Model weights are downloaded while building the image (`{{command}}`)',
    mounted: 'Model files are mounted at run time ({{where}}), not baked into the image',
  },
  questions: {
    copied: '{{at}} bakes the weights into the image. How big is the image, and how would you ship a new model version?',
    downloaded: '{{at}} downloads the model during the build. What are the trade-offs against downloading at start-up or mounting a volume?',
  },
  *run({ facts }) {
    for (const dockerfile of facts.dockerfiles) {
      for (const instruction of dockerStages(dockerfile).flatMap((s) => s.instructions)) {
        const at = `${instruction.evidence.path}:${instruction.evidence.line}`;
        const sources = copiedWeights(instruction);
        if (sources.length > 0) yield { kind: 'info', messageId: 'copied', evidence: [instruction.evidence], data: { sources: sources.join(' '), at } };
        if (instruction.keyword === 'RUN') {
          const match = BUILD_DOWNLOAD.exec(instruction.args);
          if (match) yield { kind: 'info', messageId: 'downloaded', evidence: [instruction.evidence], data: { command: match[0].trim(), at } };
        }
        if (instruction.keyword === 'VOLUME' && MODEL_PATH.test(instruction.args.replace(/[[\]"]/g, ''))) {
          yield { kind: 'info', messageId: 'mounted', evidence: [instruction.evidence], data: { where: `\`VOLUME ${instruction.args}\`` } };
        }
      }
    }
    for (const service of composeServices(facts)) {
      const volumes = service.data['volumes'];
      if (!Array.isArray(volumes)) continue;
      for (const [i, volume] of volumes.entries()) {
        const target = typeof volume === 'string' ? volume.split(':')[1] : isMap(volume) ? volume['target'] : undefined;
        if (typeof target !== 'string' || !MODEL_PATH.test(target)) continue;
        const evidence = service.document.evidenceFor(['services', service.name, 'volumes', i]);
        if (evidence) yield { kind: 'info', messageId: 'mounted', evidence: [evidence], data: { where: `\`${target}\` in service \`${service.name}\`` } };
      }
    }
  },
});
