import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A redis-server this test started, on 127.0.0.1, persisting nothing. */
export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts `redis-server` on a free loopback port, or on `port` (a restart), with no dump and no
 * append-only file; or returns why it could not (not installed, did not become ready) — the caller
 * skips its tests then, except under CI=true where the reason is an error.
 */
export async function startRedis(port?: number): Promise<TestRedis | { skipped: string }> {
  port ??= await freePort();
  let child: ChildProcess;
  try {
    // Through a shell that holds our end of a pipe: when this process goes, even by SIGKILL, the
    // pipe closes, `read` returns and the server is stopped; no redis-server outlives a test run.
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    const script = 'command -v redis-server >/dev/null || exit 127; redis-server "$@" & r=$!; read _; kill $r; wait $r';
    child = spawn('sh', ['-c', script, 'sh', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    return skipped(`redis-server could not be started: ${(error as Error).message}`);
  }
  const ready = await new Promise<string | null>((resolve) => {
    let out = '';
    const timer = setTimeout(() => resolve('redis-server did not become ready within 5 s'), 5_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      resolve(`redis-server could not be started: ${error.message}`);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 127 ? 'redis-server is not installed' : `redis-server exited (${code}): ${out.slice(-300)}`);
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve(null);
      }
    });
  });
  if (ready !== null) {
    child.stdin!.end();
    return skipped(ready);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin!.end();
      }),
  };
}

function skipped(reason: string): { skipped: string } {
  if (process.env.CI === 'true') throw new Error(`CI=true and ${reason}: the Redis queue tests must run in CI`);
  process.stderr.write(`SKIPPED Redis queue tests: ${reason}\n`);
  return { skipped: reason };
}

/** A loopback port nothing listens on (free when asked). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
