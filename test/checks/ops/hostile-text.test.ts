import { describe, expect, it } from 'vitest';
import { reviewFiles } from '../../helpers/review-files.js';
import { DATA_CHECKS, OPS_CHECKS, PROMPTING_CHECKS } from './production-checks.js';

/** Text shaped to make naive heuristics backtrack: long runs of blanks, newlines and near-miss labels. */
const blanks = ' '.repeat(40_000);
const HOSTILE = {
  'prompts/system.txt': `You are a bot.\n${'\n'.repeat(40_000)}example${blanks}#${blanks}1${blanks}Q:${blanks}\n${'Q: a\n'.repeat(5_000)}say ${'x'.repeat(50_000)} I cannot`,
  'app.py': `PROMPT = """You are a bot. ${'{question} '.repeat(5_000)}${blanks}"""\nimport requests\nrequests.post("http://x/${'a'.repeat(30_000)}/api/generate")\n`,
  'scripts/serve.sh': `vllm serve m ${'\\\n'.repeat(10_000)} --max-num-seqs 4\n${`python ${'r'.repeat(30_000)}\n`}`,
  'docker-compose.yml': `services:\n  llm:\n    image: vllm/vllm-openai\n    command: "${'--tp '.repeat(5_000)}"\n`,
};

describe('production checks on hostile text', () => {
  it('finish quickly and without errors', async () => {
    const start = performance.now();
    const report = await reviewFiles(HOSTILE, { checks: [...OPS_CHECKS, ...DATA_CHECKS, ...PROMPTING_CHECKS] });
    expect(report.errors).toEqual([]);
    expect(performance.now() - start).toBeLessThan(5_000);
    const engine = report.findings.find((f) => f.messageId === 'configured' && f.evidence[0].path === 'docker-compose.yml');
    expect(engine?.message).toBe('vLLM in compose service `llm` runs with tensor_parallel_size=on');
  });
});
