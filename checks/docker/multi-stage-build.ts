import { defineCheck } from '../../src/engine/define-check.js';
import { dockerStages } from '../../src/facts/queries/docker.js';

export default defineCheck({
  id: 'docker/multi-stage-build',
  docs: 'Reports a multi-stage Dockerfile whose final stage copies only build results from earlier stages (build tools stay out of the runtime image).',
  messages: {
    multiStage: 'Multi-stage build: the final image copies only what it needs from `{{stages}}` ({{copies}})',
  },
  *run({ facts }) {
    for (const dockerfile of facts.dockerfiles) {
      const stages = dockerStages(dockerfile);
      const final = stages.at(-1);
      if (!final || stages.length < 2) continue;
      const copies = final.instructions.filter((i) => i.keyword === 'COPY' && /--from=\S+/.test(i.args));
      if (copies.length === 0) continue;
      const from = [...new Set(copies.map((c) => /--from=(\S+)/.exec(c.args)![1]!))];
      const shown = copies.slice(0, 3).map((c) => `\`COPY ${c.args.length > 50 ? `${c.args.slice(0, 49)}…` : c.args}\``);
      yield {
        kind: 'strength',
        messageId: 'multiStage',
        evidence: [final.fromInstruction.evidence, ...copies.map((c) => c.evidence)],
        data: { stages: from.join('`, `'), copies: shown.join(', ') + (copies.length > 3 ? ` and ${copies.length - 3} more` : '') },
      };
    }
  },
});
