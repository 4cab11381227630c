import { defineCheck } from '../../src/engine/define-check.js';
import { commandWords, finalStage, startInstructions } from '../../src/facts/queries/docker.js';
import { pythonCallsTo } from '../../src/facts/query.js';
import type { Evidence } from '../../src/types.js';

interface AppPort {
  port: number;
  how: string;
  evidence: Evidence;
}

/** Ports servers listen on when the command names none. */
const DEFAULT_PORTS: [RegExp, number][] = [
  [/^uvicorn$/, 8000],
  [/^gunicorn$/, 8000],
  [/^streamlit$/, 8501],
];

/** The port a start command sets: `--port 8000`, `--bind 0.0.0.0:8000`, `--server.port=8501`, or a server's default. */
function commandPort(words: string[]): { port: number; how: string } | null | undefined {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const [flag, inline] = word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
    if (!['--port', '--bind', '-b', '--server.port', '--server-port'].includes(flag!)) continue;
    const value = inline ?? words[i + 1] ?? '';
    if (value.includes('$')) return null;
    const port = /(?:^|:)(\d{2,5})$/.exec(value)?.[1];
    return port ? { port: Number(port), how: `\`${flag} ${value}\`` } : null;
  }
  if (words.some((w) => w === '-c' || w === '--config' || w.startsWith('--config='))) return null;
  for (const word of words) {
    const name = word.slice(word.lastIndexOf('/') + 1);
    const fallback = DEFAULT_PORTS.find(([pattern]) => pattern.test(name));
    if (fallback) return { port: fallback[1], how: `${name}'s default port` };
  }
  return undefined;
}

export default defineCheck({
  id: 'docker/exposed-port',
  docs: "Reports an `EXPOSE`d port that differs from the port the app listens on (the server's `--port`/`--bind`, or `uvicorn.run(port=…)`/`app.run(port=…)` in code).",
  messages: {
    mismatch: '`EXPOSE {{exposed}}` but the app listens on {{port}} ({{how}})',
  },
  questions: {
    mismatch: '{{at}} exposes {{exposed}} while the server listens on {{port}}. How did you run and reach this container?',
  },
  *run({ facts }) {
    const codePorts: AppPort[] = [];
    for (const call of pythonCallsTo(facts, ['uvicorn.run', '*.run', '*.launch'])) {
      const value = call.kwargs['port'] ?? call.kwargs['server_port'];
      if (typeof value?.literal === 'number') codePorts.push({ port: value.literal, how: `\`${call.raw}(${value === call.kwargs['port'] ? 'port' : 'server_port'}=${value.literal})\` in ${call.evidence.path}`, evidence: call.evidence });
    }
    for (const dockerfile of facts.dockerfiles) {
      const stage = finalStage(dockerfile);
      if (!stage) continue;
      const expose = stage.instructions.find((i) => i.keyword === 'EXPOSE');
      if (!expose || expose.args.includes('$')) continue;
      const exposed = [...expose.args.matchAll(/(\d+)(?:\/(?:tcp|udp))?/g)].map((m) => Number(m[1]));
      if (exposed.length === 0) continue;
      let app: AppPort | undefined;
      const start = startInstructions(stage);
      const fromCommand = commandPort(start.flatMap((i) => commandWords(i.args)));
      if (fromCommand) app = { ...fromCommand, evidence: start.at(-1)!.evidence };
      else if (fromCommand === undefined && new Set(codePorts.map((p) => p.port)).size === 1) app = codePorts[0];
      if (!app || exposed.includes(app.port)) continue;
      const at = `${expose.evidence.path}:${expose.evidence.line}`;
      yield { kind: 'concern', messageId: 'mismatch', evidence: [expose.evidence, app.evidence], data: { exposed: exposed.join(' '), port: app.port, how: app.how, at } };
    }
  },
});
