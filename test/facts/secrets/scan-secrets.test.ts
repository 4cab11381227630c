import { describe, expect, it } from 'vitest';
import { findAssignments } from '../../../src/facts/secrets/generic-assignments.js';
import { redact, scanSecrets } from '../../../src/facts/secrets/scan-secrets.js';
import { PRIVATE_KEY_HEADER, TOKEN_PATTERNS } from '../../../src/facts/secrets/token-patterns.js';

// Credentials are generated, never written out, so this file trips no secret scanner.
let seed = 7;
function random(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    out += alphabet[(seed >>> 8) % alphabet.length];
  }
  return out;
}
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const mixed = (n: number, extra = '') => `qZ7${random(ALNUM + extra, n - 3)}`;

const tokens = {
  openai: `sk-${mixed(48)}`,
  openaiProject: `sk-proj-${mixed(120, '_-')}`,
  anthropic: `sk-ant-api03-${mixed(93, '_-')}AA`,
  hf: `hf_${`qZ${random(UPPER + LOWER, 32)}`}`,
  awsId: `AKIA${random(UPPER + DIGITS, 16)}`,
  awsSecret: `q7Z/${random(ALNUM + '/+', 36)}`,
  github: `ghp_${mixed(36)}`,
  githubPat: `github_pat_${mixed(22)}_${mixed(59)}`,
  slack: `xoxb-${random(DIGITS, 12)}-${random(DIGITS, 13)}-${mixed(24)}`,
  google: `AIza${mixed(35, '_-')}`,
  stripe: `sk_live_${mixed(24)}`,
  password: `Tr0ub4dor&3-${random(ALNUM, 6)}`,
  generic: random('0123456789abcdef', 40),
};
const pemBody = `MIIEvQIBADANBgkqhkiG9w0BAQEFAASC${random(ALNUM + '+/', 32)}`;

function scan(path: string, text: string) {
  return scanSecrets({ path, text, bytes: Buffer.byteLength(text) });
}

const positives: [string, string, string, string[]][] = [
  ['OpenAI key in .env', '.env', `OPENAI_API_KEY=${tokens.openai}`, ['openai-key']],
  ['OpenAI project key in code', 'app/llm.py', `client = OpenAI(api_key="${tokens.openaiProject}")`, ['openai-key']],
  ['Anthropic key', 'src/config.ts', `const key = '${tokens.anthropic}';`, ['anthropic-key']],
  ['Hugging Face token', 'train.py', `login(token="${tokens.hf}")`, ['hf-token']],
  ['AWS access key id', 'deploy.sh', `export AWS_ACCESS_KEY_ID=${tokens.awsId}`, ['aws-access-key']],
  ['AWS secret next to it', '.aws/credentials.ini', `aws_secret_access_key = ${tokens.awsSecret}`, ['aws-secret-key']],
  ['AWS key pair in a credentials CSV', 'creds.csv', `${tokens.awsId},${tokens.awsSecret}`, ['aws-access-key', 'aws-secret-key']],
  ['GitHub token', '.github/workflows/ci.yml', `      GH_TOKEN: ${tokens.github}`, ['github-token']],
  ['GitHub fine-grained token', 'scripts/push.py', `TOKEN = "${tokens.githubPat}"`, ['github-token']],
  ['Slack bot token', 'notify.py', `slack = WebClient("${tokens.slack}")`, ['slack-token']],
  ['Google API key', 'config.json', `  "google_api_key": "${tokens.google}",`, ['google-api-key']],
  ['Stripe live key', 'billing.js', `stripe = require("stripe")("${tokens.stripe}")`, ['stripe-live-key']],
  ['password in settings', 'settings.py', `DB_PASSWORD = "${tokens.password}"`, ['password']],
  ['generic api key in a dict', 'rag.py', `cfg = {"wandb_api_key": "${tokens.generic}"}`, ['generic-secret']],
  ['bare secret in .env', '.env.local', `SECRET_KEY=${tokens.password}`, ['generic-secret']],
  ['annotated Python constant', 'keys.py', `API_KEY: str = "${tokens.generic}"`, ['generic-secret']],
  ['notebook source line', 'nb.ipynb', `    "os.environ[\\"OPENAI_API_KEY\\"] = \\"${tokens.openai}\\"\\n",`, ['openai-key']],
  ['two secrets on one line', '.env', `A=${tokens.hf} B=${tokens.github}`, ['hf-token', 'github-token']],
  ['PEM inlined in a service-account JSON', 'sa.json', `  "private_key": "-----BEGIN PRIVATE KEY-----\\n${pemBody}\\n-----END PRIVATE KEY-----\\n",`, ['private-key']],
];

const negatives: [string, string, string][] = [
  ['placeholder', '.env.example', 'OPENAI_API_KEY=your-openai-key-here'],
  ['empty value', '.env.example', 'OPENAI_API_KEY='],
  ['elided key', 'README.md', 'Set `OPENAI_API_KEY=sk-...` in your environment.'],
  ['x-ed key', '.env.example', 'OPENAI_API_KEY="sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"'],
  ['x-ed HF token', '.env.example', 'HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  ['getenv', 'app.py', 'api_key = os.getenv("OPENAI_API_KEY")'],
  ['environ', 'app.py', 'client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])'],
  ['process.env', 'app.ts', 'const apiKey = process.env.OPENAI_API_KEY ?? "";'],
  ['AWS docs example id', 'README.md', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE'],
  ['AWS docs example secret', 'creds.ini', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ['template variable', 'config.yaml', 'hf_token: ${HF_TOKEN}'],
  ['Actions secret', 'ci.yml', '  OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}'],
  ['angle placeholder', 'config.yaml', 'api_key: <YOUR_API_KEY>'],
  ['changeme', 'settings.py', 'password = "changeme"'],
  ['short compose password', 'docker-compose.yml', '      POSTGRES_PASSWORD: postgres'],
  ['tokenizer', 'train.py', 'tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-2-7b-hf")'],
  ['max_tokens', 'gen.py', 'max_tokens = "4096"'],
  ['special token', 'config.yaml', 'pad_token: "<|endoftext|>"'],
  ['secret name', 'k8s.yaml', '  secretName: openai-credentials-v2'],
  ['comparison', 'auth.py', 'if token == "a8f5f167f44f4964e6c998dee827110c":'],
  ['env var name as value', 'settings.py', 'API_KEY_ENV = "OPENAI_API_KEY_PRODUCTION"'],
  ['bare value in code', 'app.py', 'token = tokenizer.eos_token_id_for_generation'],
  ['settings reference', 'app.yaml', 'api_key: settings.openai_api_key'],
  ['scikit-learn', 'requirements.txt', 'sk-learn-pipeline-helpers-for-training'],
  ['HF identifier', 'dl.py', 'from huggingface_hub import hf_hub_download_with_retries_and_cache'],
  ['PEM placeholder', 'README.md', '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----'],
  ['shell variable', 'run.sh', 'export HF_TOKEN=$HF_TOKEN_FROM_VAULT'],
  ['replace me', 'config.py', 'TOKEN = "REPLACE_WITH_YOUR_TOKEN"'],
];

describe('scanSecrets', () => {
  it.each(positives)('finds %s', (_, path, text, kinds) => {
    const hits = scan(path, text);
    expect(hits.map((h) => h.kind)).toEqual(kinds);
    for (const hit of hits) {
      expect(hit.evidence.path).toBe(path);
      expect(hit.evidence.line).toBe(1);
    }
  });

  it.each(negatives)('ignores %s', (_, path, text) => {
    expect(scan(path, text)).toEqual([]);
  });

  it('never returns a raw secret, for every kind', () => {
    const secrets = [...Object.values(tokens), pemBody];
    for (const [, path, text] of positives) {
      const hits = scan(path, text);
      const json = JSON.stringify(hits);
      for (const secret of secrets) expect(json).not.toContain(secret);
      expect(json).toContain('…[redacted]');
    }
  });

  it('shows the line with each secret redacted', () => {
    const [hit] = scan('.env', `OPENAI_API_KEY=${tokens.openai}  # prod`);
    expect(hit!.evidence.snippet).toBe(`OPENAI_API_KEY=${redact(tokens.openai)}  # prod`);
    const both = scan('.env', `A=${tokens.hf} B=${tokens.github} C=${tokens.hf}`);
    expect(both.map((h) => h.kind)).toEqual(['hf-token', 'github-token', 'hf-token']);
    expect(both[0]!.evidence.snippet).toBe(`A=${redact(tokens.hf)} B=${redact(tokens.github)} C=${redact(tokens.hf)}`);
  });

  it('reports a multi-line private key block at its header', () => {
    const text = ['# deploy key', '-----BEGIN OPENSSH PRIVATE KEY-----', pemBody, pemBody, '-----END OPENSSH PRIVATE KEY-----'].join('\n');
    expect(scan('deploy/id_ed25519', text)).toEqual([
      { kind: 'private-key', evidence: { path: 'deploy/id_ed25519', line: 2, snippet: '-----BEGIN OPENSSH PRIVATE KEY-----' } },
    ]);
  });

  it('gives one hit per occurrence, with the right line', () => {
    const text = ['x = 1', `HF_TOKEN = "${tokens.hf}"`, '', `login("${tokens.hf}")`].join('\n');
    expect(scan('a.py', text).map((h) => [h.kind, h.evidence.line])).toEqual([
      ['hf-token', 2],
      ['hf-token', 4],
    ]);
  });

  it('scans only the first 10,000 characters of a line', () => {
    expect(scan('min.js', `${'a'.repeat(10_000)} ${tokens.github}`)).toEqual([]);
    expect(scan('min.js', `${'a '.repeat(4_000)}${tokens.github}`)).toHaveLength(1);
  });
});

describe('redact', () => {
  it('keeps at most the first four characters', () => {
    expect(redact(tokens.openai)).toBe(`${tokens.openai.slice(0, 4)}…[redacted]`);
    expect(redact('hunter2hunt3')).toBe('hun…[redacted]');
    expect(redact('abc')).toBe('…[redacted]');
    expect(redact('')).toBe('…[redacted]');
  });
});

/** Best of three runs, in ms: the algorithm's cost without a garbage-collection pause. */
function fastest(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('linear time', () => {
  const adversarial: [string, string][] = [
    ['a 100 KB line of a', 'a'.repeat(100_000)],
    ['a 100 KB sk- line with junk', `sk-${random(ALNUM + '_-', 99_997)}`],
    ['sk- repeated', 'sk-'.repeat(34_000)],
    ['sk-ant- repeated', 'sk-ant-'.repeat(15_000)],
    ['hf_ identifiers', `hf_${'a'.repeat(40)}_`.repeat(2_300)],
    ['token= repeated', 'token="'.repeat(15_000)],
    ['quoted keys', '"api_key": "'.repeat(9_000)],
    ['BEGIN headers', '-----BEGIN RSA PRIVATE'.repeat(5_000)],
    ['AKIA runs', 'AKIA'.repeat(25_000)],
    ['an access key id then base64', `AKIA${'B'.repeat(16)} ${'aZ9+/'.repeat(20_000)}`],
    ['identifier soup', 'password_token_secret.api-key'.repeat(3_500)],
  ];

  it.each(adversarial)('%s scans in well under 100 ms', (_, line) => {
    expect(fastest(() => scan('x.env', line))).toBeLessThan(100);
  });

  it.each(adversarial)('%s cut into 10,000-character lines scans in well under 100 ms', (_, line) => {
    const text = line.match(/[^]{1,9999}/g)!.join('\n');
    expect(fastest(() => scan('x.yaml', text))).toBeLessThan(100);
  });

  it.each(adversarial)('every pattern alone stays linear on %s (no line cap)', (_, line) => {
    const ms = fastest(() => {
      for (const regex of [...TOKEN_PATTERNS.map((p) => p.regex), PRIVATE_KEY_HEADER]) {
        regex.lastIndex = 0;
        while (regex.exec(line)) {
          /* drain */
        }
      }
      findAssignments(line, true);
    });
    expect(ms).toBeLessThan(100);
  });
});
