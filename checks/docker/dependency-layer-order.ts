import { defineCheck } from '../../src/engine/define-check.js';
import { dockerStages } from '../../src/facts/queries/docker.js';
import type { DockerInstruction } from '../../src/facts/types.js';

const INSTALL = /\b(pip3?|python3? -m pip|uv pip) (install|wheel|download)\b|\b(poetry|pipenv) install\b|\buv sync\b|\bconda (env )?(install|create|update)\b|\bnpm (ci|install|i)\b|\byarn( install)?\s*(&&|;|$)|\bpnpm (i|install)\b/;
const MANIFEST = /(^|\/)(requirements[\w.-]*\.txt|pyproject\.toml|poetry\.lock|uv\.lock|Pipfile(\.lock)?|setup\.(py|cfg)|environment\.ya?ml|package(-lock)?\.json|yarn\.lock|pnpm-lock\.yaml)$/;

function isRun(instruction: DockerInstruction): boolean {
  return instruction.keyword === 'RUN' && INSTALL.test(instruction.args);
}

function sources(instruction: DockerInstruction): string[] {
  const words = instruction.args.split(/\s+/).filter((w) => w !== '' && !w.startsWith('--'));
  return words.slice(0, -1);
}

function isCopy(instruction: DockerInstruction): boolean {
  return (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && !instruction.args.includes('--from');
}

function copiesWholeContext(instruction: DockerInstruction): boolean {
  return isCopy(instruction) && sources(instruction).some((s) => s === '.' || s === './' || s === '*');
}

export default defineCheck({
  id: 'docker/dependency-layer-order',
  docs: 'Reports whether dependencies are installed in a layer of their own (manifest copied first) or after `COPY . .`, which reinstalls them on every code change.',
  messages: {
    installAfterCopyAll: 'Dependencies are installed after `{{copy}}`, so any code change reinstalls them on rebuild',
    manifestFirst: 'Dependency manifest copied and installed before the code (`{{copy}}`), so code changes reuse the cached install layer',
  },
  questions: {
    installAfterCopyAll: '{{at}} installs dependencies after copying the whole project. What happens to build time when you change one line of code, and how would you reorder it?',
  },
  *run({ facts }) {
    for (const dockerfile of facts.dockerfiles) {
      const stages = dockerStages(dockerfile);
      for (const stage of stages) {
        const steps = stage.instructions;
        const firstInstall = steps.findIndex(isRun);
        if (firstInstall < 0) continue;
        const install = steps[firstInstall]!;
        const wholeCopy = steps.findIndex(copiesWholeContext);
        if (wholeCopy >= 0 && wholeCopy < firstInstall) {
          const copy = steps[wholeCopy]!;
          yield { kind: 'concern', messageId: 'installAfterCopyAll', evidence: [install.evidence, copy.evidence], data: { copy: `${copy.keyword} ${copy.args}`, at: `${install.evidence.path}:${install.evidence.line}` } };
          continue;
        }
        const manifestCopy = steps.slice(0, firstInstall).find((i) => isCopy(i) && sources(i).some((s) => MANIFEST.test(s)));
        // The code comes later: in this stage, or in a later stage that copies it (multi-stage builds).
        const later = [...steps.slice(firstInstall + 1), ...stages.slice(stage.index + 1).flatMap((s) => s.instructions)];
        if (manifestCopy && later.some(isCopy)) {
          yield { kind: 'strength', messageId: 'manifestFirst', evidence: [manifestCopy.evidence, install.evidence], data: { copy: `${manifestCopy.keyword} ${manifestCopy.args}` } };
        }
      }
    }
  },
});
