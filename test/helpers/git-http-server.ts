/**
 * A git smart-HTTP server on 127.0.0.1 (random port) for clone tests: `git http-backend` run as
 * CGI over bare copies of fixture repositories. Partial clones (`--filter`) are allowed.
 *
 * ```ts
 * const server = await startGitHttpServer();
 * await server.addRepo('octo/take-home', fixture.dir);   // bare copy served at /octo/take-home.git
 * server.url('octo/take-home')          // http://127.0.0.1:<port>/octo/take-home.git
 * server.redirectUrl('octo/take-home')  // answers 302 to the real URL
 * server.tarpitUrl('octo/take-home')    // answers 200, then one byte every `tarpitIntervalMs`
 * server.privateUrl('octo/take-home')   // answers 401 asking for a password, like a private repo
 * server.requests                       // every request seen: { method, path, authorization }
 * await server.close();
 *
 * // a private repository: git requests without exactly this Authorization header get a 401
 * const token = await startGitHttpServer({ authorization: 'Basic eC1hY2Nlc3MtdG9rZW46…' });
 * ```
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GitHttpServer {
  readonly port: number;
  /**
   * Every request received, in order (`path` includes the query string; `authorization` is
   * whether the request carried an Authorization header at all).
   */
  readonly requests: GitHttpRequest[];
  /** Serves a mirror of the repository in `sourceDir` (every ref, `refs/pull/*` too) as `/<name>.git`. */
  addRepo(name: string, sourceDir: string): Promise<void>;
  url(name: string): string;
  redirectUrl(name: string): string;
  tarpitUrl(name: string): string;
  privateUrl(name: string): string;
  close(): Promise<void>;
}

export interface GitHttpRequest {
  method: string;
  path: string;
  authorization: boolean;
}

export interface GitHttpServerOptions {
  /** Time between two bytes of a tarpit answer (default 2 s). */
  tarpitIntervalMs?: number;
  /** When set, repositories are served only to requests whose Authorization header is exactly this. */
  authorization?: string;
}

const GIT_ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: tmpdir(),
  LC_ALL: 'C',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export async function startGitHttpServer(options: GitHttpServerOptions = {}): Promise<GitHttpServer> {
  const root = mkdtempSync(join(tmpdir(), 'git-http-root-'));
  const requests: GitHttpRequest[] = [];
  const backends = new Set<ChildProcess>();
  const timers = new Set<NodeJS.Timeout>();
  const interval = options.tarpitIntervalMs ?? 2_000;

  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ method: req.method ?? 'GET', path, authorization: req.headers.authorization !== undefined });
    if (path.startsWith('/redirect/')) {
      res.writeHead(302, { Location: path.slice('/redirect'.length) }).end();
    } else if (path.startsWith('/private/')) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="GitHub"' }).end();
    } else if (path.startsWith('/tarpit/')) {
      res.writeHead(200, { 'Content-Type': 'application/x-git-upload-pack-advertisement' });
      const timer = setInterval(() => res.write('0'), interval);
      timers.add(timer);
      res.on('close', () => {
        clearInterval(timer);
        timers.delete(timer);
      });
    } else if (options.authorization !== undefined && req.headers.authorization !== options.authorization) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="GitHub"' }).end();
    } else {
      runBackend(root, req, res, backends);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;

  return {
    port,
    requests,
    async addRepo(name, sourceDir) {
      const target = join(root, `${name}.git`);
      execFileSync('git', ['clone', '--quiet', '--mirror', '--no-local', '--', sourceDir, target], {
        env: GIT_ENV,
        stdio: 'ignore',
      });
      for (const [key, value] of [
        ['uploadpack.allowFilter', 'true'],
        ['uploadpack.allowAnySHA1InWant', 'true'],
      ] as const) {
        execFileSync('git', ['config', key, value], { cwd: target, env: GIT_ENV, stdio: 'ignore' });
      }
    },
    url: (name) => `${base}/${name}.git`,
    redirectUrl: (name) => `${base}/redirect/${name}.git`,
    tarpitUrl: (name) => `${base}/tarpit/${name}.git`,
    privateUrl: (name) => `${base}/private/${name}.git`,
    async close() {
      for (const timer of timers) clearInterval(timer);
      for (const backend of backends) backend.kill('SIGKILL');
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Runs `git http-backend` as a CGI script for one request. */
function runBackend(root: string, req: IncomingMessage, res: ServerResponse, backends: Set<ChildProcess>): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const header = (name: string): string => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(', ') : (value ?? '');
  };
  const env: Record<string, string> = {
    ...GIT_ENV,
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.slice(1),
    REQUEST_METHOD: req.method ?? 'GET',
    CONTENT_TYPE: header('content-type'),
    REMOTE_ADDR: '127.0.0.1',
    GATEWAY_INTERFACE: 'CGI/1.1',
    SERVER_PROTOCOL: 'HTTP/1.1',
    HTTP_CONTENT_ENCODING: header('content-encoding'),
    HTTP_GIT_PROTOCOL: header('git-protocol'),
  };
  if (req.headers['content-length']) env.CONTENT_LENGTH = header('content-length');

  const backend = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
  backends.add(backend);
  backend.on('close', () => backends.delete(backend));
  backend.on('error', () => res.destroy());
  req.pipe(backend.stdin);
  backend.stdin.on('error', () => undefined);

  let head = Buffer.alloc(0);
  let headersSent = false;
  backend.stdout.on('data', (chunk: Buffer) => {
    if (headersSent) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    const endLf = head.indexOf('\n\n');
    const [at, length] = end >= 0 ? [end, 4] : endLf >= 0 ? [endLf, 2] : [-1, 0];
    if (at < 0) return;
    let status = 200;
    const headers: Record<string, string> = {};
    for (const line of head.subarray(0, at).toString('latin1').split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else headers[name] = value;
    }
    res.writeHead(status, headers);
    headersSent = true;
    res.write(head.subarray(at + length));
  });
  backend.stdout.on('end', () => res.end());
}
