/**
 * A small fake of the GitHub REST API on loopback, for driving the real app end to end: enough of
 * it for a pull-request review (installation tokens, check runs, pull requests, a missing config
 * file), and a record of every request. Point the app at it with `GHE_HOST=localhost:<port>` and
 * `GHE_PROTOCOL=http` (the API lives under `/api/v3`, as on GitHub Enterprise Server).
 *
 * ```ts
 * const api = await startFakeGitHubApi({ appId: 123, publicKey, installationToken: 'ghs_…', cloneToken: 'ghs_…',
 *   pulls: { 'octo/take-home#2': { headSha } } });
 * api.port; api.requests; api.checkRuns; api.tokenRequests
 * await api.close();
 * ```
 *
 * The app's JWT is verified with `publicKey` (RS256, `iss` = appId) before a token is issued;
 * every other endpoint wants `Authorization: token <installationToken>` and answers 401 without it.
 * A token request naming `repository_ids` gets `cloneToken` (the scoped token for a private clone).
 * Unknown endpoints answer 404 and are kept in `unexpected`.
 *
 * Also answered: issue comments (list, create, update; kept in `comments`) and the app's config
 * file (`configs: { 'owner/repo': yaml }`, 404 otherwise). `pulls` is read at request time, so a
 * test moves a pull request's head by assigning `pulls[key].headSha`.
 *
 * Fault injection: `fault(request)` is asked before every request is answered and may return a
 * {@link Fault} — a 502, a 403 secondary rate limit with `retry-after`, a slow answer, or a dropped
 * connection (socket destroyed) — either `before` the request has any effect or `after` it (the
 * write happened, the answer is lost). Every injected fault is kept in `faults`.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  output: { title?: string; summary?: string; text?: string; annotations?: unknown[] } | null;
  /** Every create and update body, in order. */
  history: unknown[];
}

export interface FakeComment {
  id: number;
  /** `owner/repo#number` */
  issue: string;
  body: string;
  user: { login: string; type: string };
  html_url: string;
  /** Every create and update body, in order. */
  history: string[];
}

/** A wrong answer the fake gives instead of (or after doing) the real one. */
export interface Fault {
  /** `answer`: any other refusal, as given in `answer` (403 "resource not accessible", 401, 404, 410, a primary rate limit). */
  kind: '502' | 'secondary-limit' | 'slow' | 'drop' | 'answer';
  answer?: { status: number; message: string; headers?: Record<string, string> };
  /** `before`: the request has no effect; `after`: it takes effect, then the answer is replaced (502, drop). Default `before`. */
  phase?: 'before' | 'after';
  /** `slow`: milliseconds before the real answer; `secondary-limit`: the `retry-after` seconds. */
  value?: number;
}

export interface InjectedFault extends Fault {
  method: string;
  path: string;
}

export interface FakeGitHubApiOptions {
  appId: number;
  /** PEM of the app's public key, to verify its JWTs. */
  publicKey: string;
  installationToken: string;
  cloneToken: string;
  /** `owner/repo#number` → what `pulls.get` answers. */
  pulls: Record<string, { headSha: string }>;
  /** `owner/repo` → the YAML of its `.github/candidate-review.yml`. */
  configs?: Record<string, string>;
  /** `owner/repo:login` → that user's permission (`admin`, `write`, `read`…); anyone else is not a collaborator (404). */
  permissions?: Record<string, string>;
  /** Asked before each request except installation-token requests; a fault to inject, or nothing. */
  fault?: (request: FakeRequest) => Fault | undefined;
}

export interface FakeGitHubApi {
  readonly port: number;
  readonly requests: FakeRequest[];
  readonly checkRuns: FakeCheckRun[];
  /** Bodies of the installation-token requests whose JWT verified. */
  readonly tokenRequests: Record<string, unknown>[];
  /** Requests no route answered. */
  readonly unexpected: FakeRequest[];
  readonly comments: FakeComment[];
  readonly faults: InjectedFault[];
  close(): Promise<void>;
}

export async function startFakeGitHubApi(options: FakeGitHubApiOptions): Promise<FakeGitHubApi> {
  const key = createPublicKey(options.publicKey);
  const requests: FakeRequest[] = [];
  const checkRuns: FakeCheckRun[] = [];
  const tokenRequests: Record<string, unknown>[] = [];
  const unexpected: FakeRequest[] = [];
  const comments: FakeComment[] = [];
  const faults: InjectedFault[] = [];

  const server = createServer((req, res) => {
    void readBody(req).then(async (body) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const request = { method: req.method ?? 'GET', path: url.pathname + url.search, body };
      requests.push(request);
      const route = `${request.method} ${url.pathname.replace(/^\/api\/v3/, '')}`;
      const fault = /\/access_tokens$/.test(route) ? undefined : options.fault?.(request);
      if (fault) faults.push({ ...fault, method: request.method, path: request.path });
      if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.value ?? 200));
      const before = fault && fault.kind !== 'slow' && fault.phase !== 'after';
      if (before && fault.kind === 'drop') return void req.socket.destroy();
      if (before && fault.kind === '502') return void res.writeHead(502, { 'content-type': 'application/json' }).end('{"message":"Bad Gateway"}');
      if (fault?.kind === 'secondary-limit') {
        return void res
          .writeHead(403, { 'content-type': 'application/json', 'retry-after': String(fault.value ?? 1) })
          .end(JSON.stringify({ message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }));
      }
      if (fault?.kind === 'answer' && fault.answer) {
        const { status, message, headers = {} } = fault.answer;
        return void res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify({ message }));
      }
      const after = fault?.phase === 'after' ? fault.kind : undefined;
      const send = (status: number, data: unknown, type = 'application/json; charset=utf-8') => {
        if (after === 'drop') return void req.socket.destroy();
        if (after === '502') return void res.writeHead(502, { 'content-type': 'application/json' }).end('{"message":"Bad Gateway"}');
        res.writeHead(status, { 'content-type': type }).end(typeof data === 'string' ? data : JSON.stringify(data));
      };

      const token = /^POST \/app\/installations\/(\d+)\/access_tokens$/.exec(route);
      if (token) {
        if (!verifyJwt(req.headers.authorization, key, options.appId)) return send(401, { message: 'A JSON web token could not be decoded' });
        const asked = (body ?? {}) as Record<string, unknown>;
        tokenRequests.push(asked);
        const scoped = Array.isArray(asked.repository_ids);
        return send(201, {
          token: scoped ? options.cloneToken : options.installationToken,
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
          permissions: scoped ? asked.permissions : { checks: 'write', contents: 'read', issues: 'write', metadata: 'read', pull_requests: 'read' },
          repository_selection: 'selected',
        });
      }
      if (req.headers.authorization !== `token ${options.installationToken}`) return send(401, { message: 'Bad credentials' });

      let match: RegExpExecArray | null;
      if ((match = /^GET \/repos\/([^/]+)\/([^/]+)\/commits\/([0-9a-f]{40})\/check-runs$/.exec(route))) {
        // `status=completed` lists finished runs (a retried queue job looks for its earlier run's result); anything else, open ones.
        const completed = url.searchParams.get('status') === 'completed';
        const open = checkRuns.filter((run) => run.head_sha === match![3] && (run.status === 'completed') === completed);
        return send(200, { total_count: open.length, check_runs: open.map(({ history: _, ...run }) => run) });
      }
      if ((match = /^POST \/repos\/([^/]+)\/([^/]+)\/check-runs$/.exec(route))) {
        const input = body as Record<string, unknown>;
        const run: FakeCheckRun = {
          id: 1000 + checkRuns.length,
          name: String(input.name),
          head_sha: String(input.head_sha),
          status: String(input.status ?? 'queued'),
          conclusion: null,
          output: null,
          history: [input],
        };
        checkRuns.push(run);
        const { history: _, ...shown } = run;
        return send(201, shown);
      }
      if ((match = /^PATCH \/repos\/([^/]+)\/([^/]+)\/check-runs\/(\d+)$/.exec(route))) {
        const run = checkRuns.find((r) => r.id === Number(match![3]));
        if (!run) return send(404, { message: 'Not Found' });
        const input = body as Record<string, unknown>;
        run.history.push(input);
        if (typeof input.status === 'string') run.status = input.status;
        if (typeof input.conclusion === 'string') run.conclusion = input.conclusion;
        if (input.output) run.output = input.output as FakeCheckRun['output'];
        const { history: _, ...shown } = run;
        return send(200, shown);
      }
      if ((match = /^GET \/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/.exec(route))) {
        const pull = options.pulls[`${match[1]}/${match[2]}#${match[3]}`];
        if (!pull) return send(404, { message: 'Not Found' });
        return send(200, { number: Number(match[3]), state: 'open', body: '', head: { sha: pull.headSha }, base: { sha: 'b'.repeat(40), ref: 'main' } });
      }
      if ((match = /^GET \/repos\/([^/]+)\/([^/]+)\/collaborators\/([^/]+)\/permission$/.exec(route))) {
        const permission = options.permissions?.[`${match[1]}/${match[2]}:${match[3]}`];
        if (!permission) return send(404, { message: 'Not Found' });
        return send(200, { permission, role_name: permission, user: { login: match[3] } });
      }
      if ((match = /^GET \/repos\/([^/]+)\/([^/]+)\/contents\/\.github%2Fcandidate-review\.yml$/.exec(route))) {
        const yaml = options.configs?.[`${match[1]}/${match[2]}`];
        return yaml === undefined ? send(404, { message: 'Not Found' }) : send(200, yaml, 'text/plain; charset=utf-8');
      }
      if (/^GET \/repos\/[^/]+\/[^/]+\/contents\//.test(route)) return send(404, { message: 'Not Found' });
      if ((match = /^GET \/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(route))) {
        const issue = `${match[1]}/${match[2]}#${match[3]}`;
        return send(200, comments.filter((c) => c.issue === issue).map(({ history: _, ...c }) => c));
      }
      if ((match = /^POST \/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(route))) {
        const text = String((body as Record<string, unknown>)?.body ?? '');
        const id = 5000 + comments.length;
        const comment: FakeComment = {
          id,
          issue: `${match[1]}/${match[2]}#${match[3]}`,
          body: text,
          user: { login: 'candidate-review[bot]', type: 'Bot' },
          html_url: `https://github.test/${match[1]}/${match[2]}/pull/${match[3]}#issuecomment-${id}`,
          history: [text],
        };
        comments.push(comment);
        const { history: _, ...shown } = comment;
        return send(201, shown);
      }
      if ((match = /^PATCH \/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(route))) {
        const comment = comments.find((c) => c.id === Number(match![3]));
        if (!comment) return send(404, { message: 'Not Found' });
        comment.body = String((body as Record<string, unknown>)?.body ?? '');
        comment.history.push(comment.body);
        const { history: _, ...shown } = comment;
        return send(200, shown);
      }

      unexpected.push(request);
      return send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));

  return {
    port: (server.address() as AddressInfo).port,
    requests,
    checkRuns,
    tokenRequests,
    unexpected,
    comments,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `Bearer <RS256 JWT>` signed by the app's key, issued by the app, not expired. */
function verifyJwt(header: string | undefined, key: KeyObject, appId: number): boolean {
  const [kind, jwt] = (header ?? '').split(' ');
  if (kind?.toLowerCase() !== 'bearer' || !jwt) return false;
  const [head, payload, signature] = jwt.split('.');
  if (!head || !payload || !signature) return false;
  const signed = verify('RSA-SHA256', Buffer.from(`${head}.${payload}`), key, Buffer.from(signature, 'base64url'));
  if (!signed) return false;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss?: unknown; exp?: unknown };
  return String(claims.iss) === String(appId) && typeof claims.exp === 'number' && claims.exp * 1000 > Date.now();
}
