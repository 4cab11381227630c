import { createHmac, generateKeyPairSync } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApplicationFunction } from 'probot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv, type AppEnv } from '../../src/app/env.js';
import { main, startServer, type RunningServer } from '../../src/app/server.js';
import { InputError } from '../../src/errors.js';
import { captureLog } from '../helpers/capture-log.js';

const { privateKey: PEM } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const SECRET = 'whsec-0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const KEY_BODY = PEM.split('\n')[1]!; // a line of key material, to look for in messages

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'app-env-test-'));
  writeFileSync(join(folder, 'app.pem'), PEM);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const valid = { WEBHOOK_SECRET: SECRET, APP_ID: '12345', PRIVATE_KEY: PEM };

/** The one-line message readEnv refuses `env` with. */
const refusal = (env: Record<string, string | undefined>, cwd = folder): string => {
  try {
    readEnv(env, cwd);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    for (const value of [SECRET, KEY_BODY, 'hunter2']) expect(message).not.toContain(value);
    return message;
  }
  throw new Error('expected readEnv to refuse the environment');
};

describe('readEnv', () => {
  it('refuses to start without WEBHOOK_SECRET, naming it in one line', () => {
    expect(refusal({ ...valid, WEBHOOK_SECRET: undefined })).toBe(
      'cannot start the app: WEBHOOK_SECRET is not set (without it Probot accepts deliveries signed with its public development secret)',
    );
  });

  it('passes the facts cache and thread settings on, and names a bad one without quoting it', () => {
    const env = readEnv({ ...valid, REDIS_URL: 'redis://:pw@127.0.0.1:6379', CANDIDATE_REVIEW_CACHE: 'disk', CANDIDATE_REVIEW_CACHE_DIR: '/var/cache/cr', CANDIDATE_REVIEW_THREADS: '4' }, folder);
    expect(env.facts).toEqual({ REDIS_URL: 'redis://:pw@127.0.0.1:6379', CANDIDATE_REVIEW_CACHE: 'disk', CANDIDATE_REVIEW_CACHE_DIR: '/var/cache/cr', CANDIDATE_REVIEW_THREADS: '4' });
    expect(refusal({ ...valid, CANDIDATE_REVIEW_THREADS: '0' })).toBe('cannot start the app: CANDIDATE_REVIEW_THREADS must be a number from 1 to 64');
    expect(refusal({ ...valid, CANDIDATE_REVIEW_CACHE: 'tmpfs-s3cret' })).toBe('cannot start the app: CANDIDATE_REVIEW_CACHE must be off, disk, redis or memory');
  });

  it('treats a blank WEBHOOK_SECRET as unset, and refuses Probot’s development secret', () => {
    expect(refusal({ ...valid, WEBHOOK_SECRET: '  ' })).toContain('WEBHOOK_SECRET is not set');
    expect(refusal({ ...valid, WEBHOOK_SECRET: 'development' })).toBe(
      "cannot start the app: WEBHOOK_SECRET is Probot's public development secret: set the secret configured on the GitHub App",
    );
  });

  it('names every missing credential at once', () => {
    expect(refusal({ WEBHOOK_SECRET: SECRET })).toBe(
      "cannot start the app: APP_ID is not set (the GitHub App's numeric id, on its settings page); " +
        "PRIVATE_KEY or PRIVATE_KEY_PATH is not set (the GitHub App's private key, a .pem file)",
    );
  });

  it('never picks up a .pem file lying in the working folder, as Probot would', () => {
    expect(refusal({ WEBHOOK_SECRET: SECRET, APP_ID: '1' }, folder)).toContain('PRIVATE_KEY or PRIVATE_KEY_PATH is not set');
  });

  it('names a bad variable without quoting its value', () => {
    expect(refusal({ ...valid, APP_ID: 'hunter2' })).toBe("cannot start the app: APP_ID must be the GitHub App's numeric id");
    expect(refusal({ ...valid, PRIVATE_KEY: 'hunter2' })).toBe(
      'cannot start the app: PRIVATE_KEY is not an RSA private key in PEM form (the .pem file GitHub generated for the app)',
    );
    expect(refusal({ ...valid, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: 'hunter2.pem' })).toBe(
      'cannot start the app: PRIVATE_KEY_PATH names no readable file',
    );
    expect(refusal({ ...valid, PORT: '70000' })).toBe('cannot start the app: PORT must be a number from 0 to 65535');
    expect(refusal({ ...valid, LOG_LEVEL: 'hunter2' })).toBe(
      'cannot start the app: LOG_LEVEL must be one of trace, debug, info, warn, error, fatal',
    );
    expect(refusal({ ...valid, GHE_HOST: 'ghe.example.com', GHE_PROTOCOL: 'http' })).toBe(
      'cannot start the app: GHE_PROTOCOL=http is accepted only for a loopback GHE_HOST (a test server); use https',
    );
  });

  it('reads the key inline, with \\n escapes, as base64, or from PRIVATE_KEY_PATH', () => {
    const forms = [
      { PRIVATE_KEY: PEM },
      { PRIVATE_KEY: PEM.trim().replace(/\n/g, '\\n') },
      { PRIVATE_KEY: Buffer.from(PEM).toString('base64') },
      { PRIVATE_KEY_PATH: 'app.pem' },
      { PRIVATE_KEY_PATH: join(folder, 'app.pem') },
    ];
    for (const form of forms) {
      expect(readEnv({ WEBHOOK_SECRET: SECRET, APP_ID: '12345', ...form }, folder).privateKey.trim()).toBe(PEM.trim());
    }
  });

  it('defaults to github.com, port 3000 and Probot’s webhook path', () => {
    const env = readEnv(valid, folder);
    expect({ ...env, privateKey: '…' }).toEqual({
      appId: 12345,
      facts: {},
      privateKey: '…',
      webhookSecret: SECRET,
      webhookPath: '/api/github/webhooks',
      host: 'localhost',
      port: 3000,
      github: { apiUrl: 'https://api.github.com', webHost: 'github.com', protocol: 'https' },
      concurrency: 2,
      logLevel: 'info',
      logFormat: 'pretty',
    });
    expect(readEnv({ ...valid, NODE_ENV: 'production' }, folder).logFormat).toBe('json');
    expect(readEnv({ ...valid, GHE_HOST: 'ghe.example.com' }, folder).github.apiUrl).toBe('https://ghe.example.com/api/v3');
  });
});

describe('startServer', () => {
  let server: RunningServer;
  const received: unknown[] = [];
  const logged = captureLog();
  const app: ApplicationFunction = (probot) => {
    probot.on('issues.opened', async (context) => {
      received.push(context.payload.issue.number);
    });
  };

  beforeAll(async () => {
    const env: AppEnv = { ...readEnv({ ...valid, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'trace' }, folder) };
    server = await startServer(env, app, { log: logged.log });
  });
  afterAll(() => server.close());

  const deliver = (body: string, signature: string | null, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/github/webhooks`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'issues',
        'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
        ...(signature === null ? {} : { 'x-hub-signature-256': signature }),
        ...headers,
      },
    });
  const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  const payload = (number: number) =>
    JSON.stringify({ action: 'opened', issue: { number }, repository: { name: 'r', owner: { login: 'o' } }, installation: { id: 1 } });

  it('listens on the port the system chose, and answers /ping', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
    const ping = await fetch(`${server.url}/ping`);
    expect([ping.status, await ping.text()]).toEqual([200, 'PONG']);
    expect((await fetch(`${server.url}/`)).status).toBe(404);
  });

  it('hands a correctly signed delivery to the app', async () => {
    const body = payload(7);
    const response = await deliver(body, sign(body));
    expect(response.status).toBe(200);
    expect(received).toContain(7);
  });

  it('rejects a delivery with a wrong or missing signature before any handler runs', async () => {
    const wrong = payload(8);
    expect((await deliver(wrong, sign(wrong, 'development'))).status).toBe(400);
    expect((await deliver(wrong, null)).status).toBe(400);
    const tampered = payload(9);
    expect((await deliver(tampered, sign(payload(10)))).status).toBe(400);
    expect(received).not.toContain(8);
    expect(received).not.toContain(9);
  });

  it('logs a refused delivery as one line, without the payload anyone could have sent', async () => {
    const before = logged.lines.length;
    const body = JSON.stringify({ action: 'opened', issue: { number: 12 }, note: 'x'.repeat(10_000) });
    expect((await deliver(body, sign(body, 'wrong'), { 'x-github-delivery': 'b1a2c3d4-0000-4000-8000-00000000000c' })).status).toBe(400);
    const lines = logged.lines.slice(before);
    expect(lines).toEqual([
      'warn [{"name":"probot"},"delivery b1a2c3d4-0000-4000-8000-00000000000c refused (400): signature does not match event payload and secret"]',
    ]);
  });

  it('refuses a body larger than GitHub ever sends without reading it', async () => {
    // A raw socket: the head announces 26 MB, a few bytes follow, the rest never comes.
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('latin1')));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      socket.write(
        `POST /api/github/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
          `X-GitHub-Event: issues\r\nX-Hub-Signature-256: sha256=${'0'.repeat(64)}\r\nContent-Length: ${26 * 1024 * 1024}\r\n\r\n${payload(11)}`,
      );
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(received).not.toContain(11);
  }, 10_000);

  it('logs neither the webhook secret nor the private key', () => {
    const text = logged.lines.join('\n');
    expect(text).toContain('listening on');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(KEY_BODY);
  });
});

describe('main (npm start)', () => {
  const io = () => {
    const written: string[] = [];
    const exits: number[] = [];
    const signals = new EventEmitter();
    return { written, exits, signals, io: { stderr: { write: (text: string) => written.push(text) } as unknown as NodeJS.WritableStream, exit: (code: number) => void exits.push(code), signals } };
  };

  it('refuses to start without WEBHOOK_SECRET: one line on stderr, exit code 2, nothing listening', async () => {
    const run = io();
    expect(await main({ APP_ID: '12345', PRIVATE_KEY: PEM }, run.io)).toBe(2);
    expect(run.written).toEqual([
      'candidate-review-app: cannot start the app: WEBHOOK_SECRET is not set (without it Probot accepts deliveries signed with its public development secret)\n',
    ]);
    expect(run.signals.listenerCount('SIGTERM')).toBe(0);
  });

  it('starts listening on PORT, and stops on SIGTERM', async () => {
    const port = await freePort();
    const run = io();
    expect(await main({ ...valid, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'fatal' }, run.io)).toBe(0);
    expect(run.written).toEqual([]);
    expect(await (await fetch(`http://127.0.0.1:${port}/ping`)).text()).toBe('PONG');
    run.signals.emit('SIGTERM');
    await expect.poll(() => run.exits).toEqual([0]);
    await expect(fetch(`http://127.0.0.1:${port}/ping`)).rejects.toThrow();
  });
});

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
