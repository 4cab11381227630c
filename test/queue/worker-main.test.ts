import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readEnv } from '../../src/app/env.js';
import { workerMain } from '../../src/app/worker.js';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
const base = { APP_ID: '12345', PRIVATE_KEY: privateKey, WEBHOOK_SECRET: 'worker-test-secret' };

function io() {
  let stderr = '';
  return {
    io: { stderr: { write: (text: string) => ((stderr += text), true) } as unknown as NodeJS.WritableStream, exit: () => undefined, signals: { once: () => undefined } as never },
    stderr: () => stderr,
  };
}

describe('npm run worker', () => {
  it('refuses to start without REDIS_URL, saying why, with exit code 2', async () => {
    const out = io();
    expect(await workerMain(base, out.io)).toBe(2);
    expect(out.stderr()).toMatch(/^candidate-review-worker: REDIS_URL is not set/);
  });

  it('names an invalid REDIS_URL without quoting it (it may hold a password)', async () => {
    const out = io();
    expect(await workerMain({ ...base, REDIS_URL: 'http://:hunter2@cache:6379' }, out.io)).toBe(2);
    expect(out.stderr()).toContain('REDIS_URL must be a redis:// or rediss:// URL');
    expect(out.stderr()).not.toContain('hunter2');
  });

  it('reads REDIS_URL into the environment; unset, the app queues in process', () => {
    expect(readEnv({ ...base, REDIS_URL: 'rediss://default:pw@cache.internal:6380/2' }).redisUrl).toBe('rediss://default:pw@cache.internal:6380/2');
    expect(readEnv({ ...base, REDIS_URL: ' ' }).redisUrl).toBeUndefined();
  });
});
