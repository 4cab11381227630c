import { defineCheck } from '../../src/engine/define-check.js';
import { dockerStages, globalArgs } from '../../src/facts/queries/docker.js';
import type { Evidence } from '../../src/types.js';

/** `${PY}` / `$PY` in an image reference, resolved from the file's global `ARG` defaults. */
function resolveArgs(text: string | null, args: Map<string, string>): string | null {
  if (text === null) return null;
  return text.replace(/\$\{(\w+)(?::?-([^}]*))?\}|\$(\w+)/g, (whole, braced?: string, fallback?: string, bare?: string) => args.get(braced ?? bare ?? '') ?? fallback ?? whole);
}

export default defineCheck({
  id: 'docker/base-image-tag',
  docs: 'Reports how each Dockerfile base image is pinned: by digest, by version tag, or not at all (`latest` or no tag).',
  messages: {
    latest: 'Base image `{{image}}` uses the `latest` tag, so a rebuild can pull a different image',
    untagged: 'Base image `{{image}}` has no tag (it means `latest`), so a rebuild can pull a different image',
    digest: 'Base image `{{image}}` is pinned by digest',
    tagged: 'Base images pinned to version tags: {{images}}',
  },
  questions: {
    latest: '{{at}} builds on `{{image}}:latest`. What would you expect to happen if this image is rebuilt in six months?',
    untagged: '{{at}} builds on `{{image}}` with no tag. What would you expect to happen if this image is rebuilt in six months?',
  },
  *run({ facts }) {
    for (const dockerfile of facts.dockerfiles) {
      const args = globalArgs(dockerfile);
      const stageNames = new Set<string>();
      const pinned: { image: string; tag: string; evidence: Evidence }[] = [];
      for (const stage of dockerStages(dockerfile)) {
        const from = stage.from;
        if (!from) continue;
        const image = resolveArgs(from.image, args) ?? from.image;
        const earlierStage = stageNames.has(image.toLowerCase());
        if (from.stage) stageNames.add(from.stage.toLowerCase());
        // A stage built on an earlier stage, `scratch` and unresolved variables say nothing about pinning.
        if (earlierStage || image === 'scratch' || image.includes('$')) continue;
        const tag = resolveArgs(from.tag, args);
        const at = `${from.evidence.path}:${from.evidence.line}`;
        if (from.digest) yield { kind: 'strength', messageId: 'digest', evidence: [from.evidence], data: { image, at } };
        else if (tag?.includes('$')) continue;
        else if (tag === null) yield { kind: 'concern', messageId: 'untagged', evidence: [from.evidence], data: { image, at } };
        else if (tag === 'latest') yield { kind: 'concern', messageId: 'latest', evidence: [from.evidence], data: { image, at } };
        else pinned.push({ image, tag, evidence: from.evidence });
      }
      const [first, ...rest] = pinned;
      if (first) {
        yield { kind: 'strength', messageId: 'tagged', evidence: [first.evidence, ...rest.map((p) => p.evidence)], data: { images: pinned.map((p) => `\`${p.image}:${p.tag}\``) } };
      }
    }
  },
});
