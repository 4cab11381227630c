import { defineCheck } from '../../src/engine/define-check.js';
import { dockerStages, type DockerStage } from '../../src/facts/queries/docker.js';
import type { DockerInstruction } from '../../src/facts/types.js';

/** The last `USER` in effect for a stage, following `FROM <earlier stage>` back to its parent. */
function effectiveUser(stages: DockerStage[], stage: DockerStage): DockerInstruction | undefined {
  for (let current: DockerStage | undefined = stage, hops = 0; current && hops < stages.length; hops++) {
    const user = current.instructions.filter((i) => i.keyword === 'USER').at(-1);
    if (user) return user;
    const image: string | undefined = current.from?.image.toLowerCase();
    current = stages.slice(0, current.index).reverse().find((s): boolean => s.from?.stage?.toLowerCase() === image);
  }
  return undefined;
}

/** Images that run as a non-root user by default (distroless `:nonroot`, Chainguard). */
function nonRootByDefault(stage: DockerStage): boolean {
  return Boolean(stage.from?.tag?.includes('nonroot') || stage.from?.image.startsWith('cgr.dev/chainguard/'));
}

/** `root`, `0`, `root:root`, `0:0`. */
function isRoot(user: string): boolean {
  const name = user.split(':')[0]!.trim();
  return name === 'root' || name === '0';
}

export default defineCheck({
  id: 'docker/container-user',
  docs: 'Reports which user the final stage of each Dockerfile runs as: root by default or explicitly, or a non-root `USER`.',
  messages: {
    noUser: '`{{path}}` never sets `USER`, so the container runs as root',
    rootUser: 'The final stage switches to `USER {{user}}`, so the container runs as root',
    nonRoot: 'The container runs as a non-root user (`USER {{user}}`)',
  },
  questions: {
    noUser: '`{{path}}` runs its process as root. What could an attacker who exploits the app do inside that container, and how would you change it?',
  },
  *run({ facts }) {
    for (const dockerfile of facts.dockerfiles) {
      const stages = dockerStages(dockerfile);
      const stage = stages.at(-1);
      if (!stage) continue;
      const last = effectiveUser(stages, stage);
      if (!last) {
        if (nonRootByDefault(stage)) continue;
        yield { kind: 'concern', messageId: 'noUser', evidence: [stage.fromInstruction.evidence], data: { path: dockerfile.path } };
        continue;
      }
      const user = last.args.trim();
      if (user.includes('$')) continue;
      if (isRoot(user)) yield { kind: 'concern', messageId: 'rootUser', evidence: [last.evidence], data: { user } };
      else yield { kind: 'strength', messageId: 'nonRoot', evidence: [last.evidence], data: { user } };
    }
  },
});
