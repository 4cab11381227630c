import { defineCheck } from '../../src/engine/define-check.js';
import { finalStage } from '../../src/facts/queries/docker.js';
import type { Evidence } from '../../src/types.js';

const PIP_INSTALL = /\b(pip3?|python3? -m pip) install\b/;
const APT_INSTALL = /\bapt(-get)? (-\S+ )*install\b/;

export default defineCheck({
  id: 'docker/package-cache-in-layers',
  docs: 'Reports package installs in the final image that leave caches behind (`pip install` without `--no-cache-dir`, `apt-get install` without `--no-install-recommends` or removing `/var/lib/apt/lists`), or that all installs are clean.',
  messages: {
    pipCache: '`pip install` keeps its download cache in the image (no `--no-cache-dir`)',
    aptCleanup: '`apt-get install` without {{missing}}, which leaves extra packages or the package lists in the image',
    clean: 'Package installs leave no caches in the final image ({{how}})',
  },
  *run({ facts }) {
    for (const dockerfile of facts.dockerfiles) {
      const stage = finalStage(dockerfile);
      if (!stage) continue;
      const pipNoCache = dockerfile.instructions.some((i) => (i.keyword === 'ENV' || i.keyword === 'ARG') && /\bPIP_NO_CACHE_DIR\b\s*[= ]\s*["']?(1|true|yes|on|off|0)/i.test(i.args));
      const clean: { how: string; evidence: Evidence }[] = [];
      let dirty = false;
      for (const run of stage.instructions) {
        if (run.keyword !== 'RUN') continue;
        const cacheMount = /--mount=[^\s]*type=cache/.test(run.args);
        if (PIP_INSTALL.test(run.args)) {
          if (run.args.includes('--no-cache-dir') || pipNoCache || cacheMount) clean.push({ how: '`--no-cache-dir`', evidence: run.evidence });
          else {
            dirty = true;
            yield { kind: 'concern', messageId: 'pipCache', evidence: [run.evidence] };
          }
        }
        if (APT_INSTALL.test(run.args)) {
          const missing: string[] = [];
          if (!run.args.includes('--no-install-recommends')) missing.push('`--no-install-recommends`');
          if (!/\brm\s+(-\w+\s+)*\/var\/lib\/apt\/lists/.test(run.args) && !cacheMount) missing.push('`rm -rf /var/lib/apt/lists/*`');
          if (missing.length === 0) clean.push({ how: 'apt lists removed', evidence: run.evidence });
          else {
            dirty = true;
            yield { kind: 'concern', messageId: 'aptCleanup', evidence: [run.evidence], data: { missing: missing.join(' or ') } };
          }
        }
      }
      const [first, ...rest] = clean;
      if (first && !dirty) {
        yield { kind: 'strength', messageId: 'clean', evidence: [first.evidence, ...rest.map((c) => c.evidence)], data: { how: [...new Set(clean.map((c) => c.how))] } };
      }
    }
  },
});
