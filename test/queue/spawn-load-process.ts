import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../helpers/review-fixture.js';
import type { LoadProcessMessage, LoadProcessOptions } from './load-process.js';

/** A receiver or worker of the load test, running in its own Node process. */
export interface LoadProcess {
  readonly label: string;
  readonly child: ChildProcess;
  /** Its stdout (the app's log), line by line, complete once `closed` has resolved. */
  readonly lines: string[];
  /** Resolves with what it reported ready (a receiver's URL); rejects if it exits first, with its stderr. */
  readonly ready: Promise<{ url?: string }>;
  /** Resolves once it has exited and its output is all read. */
  readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Every message it sent, in order, as it arrives. */
  onMessage(listener: (message: LoadProcessMessage) => void): void;
  /** SIGTERM (a graceful stop, as `docker stop`), SIGKILL past `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const ENTRY = join(REPO_ROOT, 'test/queue/load-process.ts');
const TS_HOOKS = join(REPO_ROOT, 'test/helpers/register-ts.mjs');
const EXIT_WITH_PARENT = join(REPO_ROOT, 'test/queue/exit-with-parent.mjs');

/**
 * Starts {@link ENTRY} as `process.execPath --import exit-with-parent.mjs --import register-ts.mjs
 * load-process.ts <options>` with the app's environment `env` added to this process's own (PATH…),
 * its stdout and stderr piped here and an IPC channel (a child whose parent dies exits with it).
 */
export function spawnLoadProcess(label: string, options: LoadProcessOptions, env: Record<string, string>): LoadProcess {
  const child = spawn(process.execPath, ['--import', EXIT_WITH_PARENT, '--import', TS_HOOKS, ENTRY, JSON.stringify(options)], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  const ready = new Promise<{ url?: string }>((resolve, reject) => {
    child.on('message', (message: LoadProcessMessage) => {
      if ('ready' in message) resolve(message.url === undefined ? {} : { url: message.url });
    });
    void closed.then(({ code, signal }) => reject(new Error(`${label} exited (${code ?? signal}) before it was ready: ${stderr.trim().slice(-1_500)}`)));
  });
  ready.catch(() => undefined); // awaited by the caller; an early exit is reported there
  return {
    label,
    child,
    lines,
    ready,
    closed,
    onMessage: (listener) => void child.on('message', listener),
    stop: async (graceMs = 10_000) => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await closed;
        clearTimeout(timer);
      }
      return closed;
    },
  };
}
