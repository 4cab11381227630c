/**
 * Drives the GitHub App in tests: a real Probot with the app loaded, webhook payloads from
 * `test/fixtures/events/`, every GitHub request answered by nock (no network), and the log
 * captured as lines.
 *
 * ```ts
 * useNock();                                            // per test: disableNetConnect, pendingMocks() empty at the end
 * const app = await startTestApp({ review: fakeReview });
 * const api = github();                                 // nock scope for https://api.github.com
 * api.post('/repos/o/r/check-runs').reply(record(bodies, 201, { id: 7 }));
 * await app.deliver('pull_request', event('pull_request.opened'));
 * await app.settled();                                  // the queue is idle
 * app.logs                                              // ['warn: …', …]
 * ```
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import nock from 'nock';
import { Probot, ProbotOctokit, type Logger } from 'probot';
import { afterAll, afterEach, beforeEach, expect } from 'vitest';
import { createApp, type AppDeps } from '../../src/app/app.js';
import { ReviewQueue } from '../../src/app/review-queue.js';

// nock 15 intercepts through @mswjs/interceptors, which calls Promise.withResolvers (Node 22+); Node 20 lacks it.
if (typeof (Promise as { withResolvers?: unknown }).withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value<T>() {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

export const API = 'https://api.github.com';
/** The fixed clock of app tests. */
export const NOW = new Date('2026-03-05T10:00:00.000Z');

/**
 * An Octokit without retries or throttling: each nock answer is used exactly once, and writes are
 * not spaced a second apart. A function default, because Probot 14 overwrites an object default's
 * `throttle` with its own (so `ProbotOctokit.defaults({ throttle: { enabled: false } })` keeps throttling on).
 */
export const QuietOctokit = ProbotOctokit.defaults((options: NonNullable<ConstructorParameters<typeof ProbotOctokit>[0]>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...options.throttle, enabled: false },
}));

export interface TestApp {
  probot: Probot;
  queue: ReviewQueue;
  /** `level: message` for every line the app and Probot logged. */
  logs: string[];
  /** Delivers one webhook (a fresh delivery id unless `id` is given) and waits for its handler. */
  deliver(name: string, payload: object, id?: string): Promise<void>;
  /** Waits until every queued review has finished. */
  settled(): Promise<void>;
}

export interface TestAppOptions {
  /** The Octokit class (default {@link QuietOctokit}). */
  Octokit?: typeof ProbotOctokit;
  /** Authenticate as a GitHub App (JWT, installation tokens) instead of a plain token. */
  asApp?: boolean;
}

let deliveries = 0;
let privateKey: string | undefined;

/** A Probot with the app loaded; `deps` as the app takes them (clock fixed at {@link NOW}, instant waits). */
export async function startTestApp(deps: AppDeps = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const logs: string[] = [];
  const queue = deps.queue ?? new ReviewQueue({ concurrency: deps.concurrency ?? 2, now: () => (deps.now ?? (() => NOW))().getTime() });
  const probot = new Probot({
    ...(options.asApp ? { appId: 1, privateKey: (privateKey ??= testPrivateKey()) } : { githubToken: 'test-token' }),
    Octokit: options.Octokit ?? QuietOctokit,
    log: captureLog(logs),
  });
  await probot.load(createApp({ now: () => NOW, wait: async () => undefined, ...deps, queue }));
  return {
    probot,
    queue,
    logs,
    deliver: (name, payload, id) => probot.receive({ id: id ?? `delivery-${++deliveries}`, name, payload } as Parameters<Probot['receive']>[0]),
    settled: () => queue.onIdle(),
  };
}

/** A webhook payload from `test/fixtures/events/<name>.json`, deep-merged with `overrides`. */
export function event<T extends object = Record<string, unknown>>(name: string, overrides: object = {}): T {
  const payload = JSON.parse(readFileSync(new URL(`../fixtures/events/${name}.json`, import.meta.url), 'utf8')) as object;
  return merge(payload, overrides) as T;
}

/** A nock scope for the GitHub REST API. */
export const github = () => nock(API);

/**
 * A nock reply that records the JSON request body it answers (`.reply(record(bodies, 201, { id: 7 }))`).
 * A reply, not a body matcher: nock may try a matcher on requests meant for other interceptors.
 * nock 15 hands a reply function the fetch `Request` alone (and treats a two-parameter function as
 * callback-style), so this one takes one parameter and reads the body itself.
 */
export const record =
  (into: unknown[], status: number, response: nock.Body = {}) =>
  async (request: Request): Promise<[number, nock.Body]> => {
    const text = await request.text();
    into.push(text === '' ? undefined : JSON.parse(text));
    return [status, response];
  };

/** Per test: no real network, and every GitHub answer a test set up was asked for; nock off after the file. */
export function useNock(): void {
  beforeEach(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    expect(pending).toEqual([]);
  });
  // Test files share a worker (vitest `isolate: false`): leave no interception behind for the next file.
  afterAll(() => {
    nock.restore();
  });
}

/** A logger in Probot's shape that keeps `level: message` lines. */
function captureLog(lines: string[]): Logger {
  const line =
    (level: string) =>
    (...args: unknown[]) => {
      const text = args.filter((arg) => typeof arg === 'string').join(' ');
      if (text) lines.push(`${level}: ${text}`);
    };
  const log: Record<string, unknown> = {
    level: 'debug',
    trace: line('trace'),
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    fatal: line('fatal'),
  };
  log.child = () => log;
  return log as unknown as Logger;
}

function testPrivateKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
}

function merge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = key in out ? merge(out[key], value) : value;
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The app's config path as Octokit puts it in a URL. */
export const CONFIG_PATH = '.github%2Fcandidate-review.yml';

/** No `.github/candidate-review.yml` in the repository nor in the owner's `.github` repository. */
export function noConfig(scope: nock.Scope, owner: string, repo: string): nock.Scope {
  return scope
    .get(`/repos/${owner}/${repo}/contents/${CONFIG_PATH}`)
    .reply(404, { message: 'Not Found' })
    .get(`/repos/${owner}/.github/contents/${CONFIG_PATH}`)
    .reply(404, { message: 'Not Found' });
}

/** `.github/candidate-review.yml` in the repository, as raw YAML (read from the default branch: no `ref`). */
export function configFile(scope: nock.Scope, owner: string, repo: string, yaml: string): nock.Scope {
  return scope.get(`/repos/${owner}/${repo}/contents/${CONFIG_PATH}`).reply(200, yaml, { 'content-type': 'text/plain; charset=utf-8' });
}
