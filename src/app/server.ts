import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { createNodeMiddleware, Probot, type ApplicationFunction, type Logger, type ProbotOctokit } from 'probot';
import { AppOctokit } from './app-octokit.js';
import { oneLine } from '../errors.js';
import { createApp, type AppDeps } from './app.js';
import type { AppEnv } from './env.js';
import { appLogger } from './app-logger.js';
import { productionReview } from './production-review.js';
import { ReviewQueue } from './review-queue.js';
import { runUntilSignalled, type MainIo } from './run-until-signalled.js';
import { verifyDelivery } from './verify-delivery.js';
import type { QueueBackend, ReviewPayload } from '../queue/queue-backend.js';
import { redisBackend, startWorker } from './worker.js';

/** A webhook server that is listening. */
export interface RunningServer {
  /** `http://<address>:<port>`, the port chosen by the system when PORT is 0. */
  url: string;
  port: number;
  log: Logger;
  /** Stops accepting connections and closes the open ones. */
  close(): Promise<void>;
}

export interface StartServerOptions {
  /** Replaces the app's own logger built from LOG_LEVEL and LOG_FORMAT (tests capture lines with it). */
  log?: Logger;
  /** Where the app's own logger writes (default: stdout); tests read the formatted lines from it. */
  logDestination?: NodeJS.WritableStream;
  /** The Octokit class (default {@link AppOctokit}); tests pass one with shorter waits. */
  Octokit?: typeof ProbotOctokit;
}

/**
 * Starts the GitHub App: a Probot instance built from the validated {@link AppEnv} (never from
 * Probot's own fallbacks) with `app` loaded, behind a plain node:http server. The server answers
 * POST deliveries on WEBHOOK_PATH (a wrong or missing `X-Hub-Signature-256` is a 400 with one log
 * line, and reaches no handler; see {@link verifyDelivery}), `GET /ping` for health checks, and
 * 404 for anything else.
 */
export async function startServer(env: AppEnv, app: ApplicationFunction, options: StartServerOptions = {}): Promise<RunningServer> {
  const probot = new Probot({
    appId: env.appId,
    privateKey: env.privateKey,
    secret: env.webhookSecret,
    baseUrl: env.github.apiUrl,
    // Waits as GitHub asks after a secondary rate limit (Probot's own handlers never retry it).
    Octokit: options.Octokit ?? AppOctokit,
    webhookPath: env.webhookPath,
    log: options.log ?? (await appLogger(env, options.logDestination)),
  });
  const middleware = await createNodeMiddleware(app, { probot, webhooksPath: env.webhookPath });
  const log = probot.log;

  const webhookPath = trimSlashes(env.webhookPath);
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/ping') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('PONG');
      return;
    }
    if (req.method !== 'POST' || trimSlashes(pathOf(req.url)) !== webhookPath) {
      void middleware(req, res, () => notFound(res));
      return;
    }
    void verifyDelivery(req, env.webhookSecret).then(
      (delivery) => {
        if (!delivery.ok) {
          log.warn(`delivery ${deliveryId(req)} refused (${delivery.status}): ${delivery.error}`);
          res.writeHead(delivery.status, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify({ error: delivery.error }));
          req.resume();
          return;
        }
        // Probot reads a string body as is (and checks the signature again).
        Object.assign(req, { body: delivery.body });
        void middleware(req, res, () => notFound(res));
      },
      () => res.destroy(),
    );
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: env.port, host: env.host }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  log.info(`candidate-review app ${env.appId} listening on ${url}${env.webhookPath} for ${env.github.apiUrl}`);

  return {
    url,
    port: address.port,
    log,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function pathOf(url: string | undefined): string {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return '';
  }
}

function trimSlashes(path: string): string {
  return path.replace(/\/+$/, '');
}

/** The delivery id for a log line, only when it looks like one (it is sender-controlled text). */
function deliveryId(req: IncomingMessage): string {
  const id = req.headers['x-github-delivery'];
  return typeof id === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(id) ? id : '(no valid id)';
}

function notFound(res: ServerResponse): void {
  if (!res.headersSent) res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
}

/** The running app: the webhook server and the queue its reviews run in. */
export interface RunningApp extends RunningServer {
  queue: ReviewQueue;
  /** The shared queue deliveries go to, when REDIS_URL is set (or a test passed one). */
  backend?: QueueBackend<ReviewPayload>;
  /** Stops taking deliveries, then waits up to `graceMs` for the queued and running reviews. */
  close(graceMs?: number): Promise<void>;
}

export interface StartAppOptions extends StartServerOptions {
  /** Replace parts of the app's wiring (tests: the review function with its loopback transport). */
  deps?: AppDeps;
  /** With a shared queue (REDIS_URL): also run reviews in this process (default), or only receive deliveries. */
  worker?: boolean;
}

/** Time a stopping app gives its running reviews; Docker's own stop timeout is 10 s by default. */
const STOP_GRACE_MS = 8_000;

/**
 * The production wiring: the app from {@link createApp}, whose sources live on the configured
 * GitHub host only, its reviews in one bounded queue of REVIEW_CONCURRENCY, served by {@link startServer}.
 */
export async function startApp(env: AppEnv, options: StartAppOptions = {}): Promise<RunningApp> {
  let log: Logger | undefined;
  const queue =
    options.deps?.queue ??
    new ReviewQueue({
      concurrency: env.concurrency,
      onError: (error, key) => log?.error(`review ${key} failed: ${oneLine((error as Error)?.message ?? String(error))}`),
    });
  const { redisUrl } = env;
  const { deps: given, worker: runWorker = true, ...serverOptions } = options;
  const engine = given?.review ? undefined : productionReview(env, () => log);
  const deps: AppDeps = { ...given, ...(engine && { review: engine.review }) };
  // With REDIS_URL, deliveries are queued in Redis, and this process is also one of its workers (unless `worker: false`).
  let backend = given?.backend;
  if (!backend && redisUrl !== undefined) backend = redisBackend({ ...env, redisUrl }, (line) => log?.error(line));
  const app = createApp({ ...deps, webHost: deps.webHost ?? env.github.webHost, queue, ...(backend && { backend }) });
  let server: RunningServer;
  try {
    server = await startServer(env, app, serverOptions);
  } catch (error) {
    if (backend && !given?.backend) await backend.close().catch(() => undefined);
    await engine?.close();
    throw error;
  }
  log = server.log;
  const worker =
    backend && runWorker
      ? startWorker(env, backend, { log, deps, ...(options.Octokit && { Octokit: options.Octokit }) })
      : undefined;
  return {
    ...server,
    queue,
    ...(backend && { backend }),
    close: async (graceMs = STOP_GRACE_MS) => {
      await server.close();
      if (worker) await worker.close(graceMs);
      else await backend?.close();
      const idle = await Promise.race([queue.onIdle().then(() => true), delay(graceMs, false, { ref: false })]);
      if (!idle) log?.warn(`stopped with reviews still running (${JSON.stringify(queue.size)}); their check runs stay in progress`);
      await engine?.close();
    },
  };
}

/**
 * `npm start`: reads the environment and starts the app, or returns 2 after one line on stderr
 * naming the missing or invalid variables (1 when the server cannot start, e.g. a port in use).
 * Resolves 0 once listening; SIGTERM or SIGINT stop it gracefully.
 */
export function main(environment: Readonly<Record<string, string | undefined>>, io: MainIo): Promise<number> {
  return runUntilSignalled('candidate-review-app', environment, io, (env) => startApp(env));
}
