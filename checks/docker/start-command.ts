import { defineCheck } from '../../src/engine/define-check.js';
import { execFormWords, finalStage } from '../../src/facts/queries/docker.js';

export default defineCheck({
  id: 'docker/start-command',
  docs: 'Reports the form of the command that starts the container: shell form (`CMD uvicorn …`, run under `/bin/sh -c`, which does not forward SIGTERM) or exec form (`CMD ["uvicorn", …]`).',
  messages: {
    shellForm: '`{{keyword}} {{command}}` uses the shell form, so the server runs under `/bin/sh -c` and does not receive SIGTERM on `docker stop`',
    execForm: '`{{keyword}}` uses the exec form, so the server is PID 1 and receives stop signals',
  },
  questions: {
    shellForm: '{{at}} starts the server in shell form. What happens to in-flight requests when the container is stopped?',
  },
  *run({ facts }) {
    for (const dockerfile of facts.dockerfiles) {
      const stage = finalStage(dockerfile);
      if (!stage) continue;
      const last = (keyword: string) => stage.instructions.filter((i) => i.keyword === keyword).at(-1);
      const start = last('ENTRYPOINT') ?? last('CMD');
      if (!start) continue;
      const words = execFormWords(start.args);
      const shellScript = words && /^(\/bin\/)?(ba)?sh$/.test(words[0] ?? '') && words[1] === '-c' ? words.slice(2).join(' ') : null;
      const script = words ? shellScript : start.args;
      const data = { keyword: start.keyword, command: start.args.length > 60 ? `${start.args.slice(0, 59)}…` : start.args, at: `${start.evidence.path}:${start.evidence.line}` };
      if (script === null) yield { kind: 'strength', messageId: 'execForm', evidence: [start.evidence], data };
      else if (!/(^|&&|;)\s*exec\s/.test(script)) yield { kind: 'concern', messageId: 'shellForm', evidence: [start.evidence], data };
    }
  },
});
