import type { EventEmitter } from 'node:events';
import { InputError, oneLine } from '../errors.js';
import { readEnv, type AppEnv } from './env.js';

export interface MainIo {
  stderr: NodeJS.WritableStream;
  /** Ends the process once the app has stopped after a signal. */
  exit(code: number): void;
  /** Where SIGTERM and SIGINT arrive (the process). */
  signals: Pick<EventEmitter, 'once'>;
}

/** What an entry point started: something that logs and stops gracefully. */
export interface Started {
  log: { info(message: string): void };
  close(): Promise<void>;
}

/**
 * The shape of `npm start` and `npm run worker`: read the environment, start, and stop gracefully
 * on SIGTERM or SIGINT. Returns 2 after one line on stderr (prefixed with `name`) when the
 * environment is invalid or `start` refuses it with an InputError, 1 when starting fails otherwise
 * (a port in use), and 0 once started.
 */
export async function runUntilSignalled(name: string, environment: Readonly<Record<string, string | undefined>>, io: MainIo, start: (env: AppEnv) => Promise<Started>): Promise<number> {
  const fail = (message: string, code: number): number => {
    io.stderr.write(`${name}: ${oneLine(message)}\n`);
    return code;
  };
  let running: Started;
  try {
    running = await start(readEnv(environment));
  } catch (error) {
    if (error instanceof InputError) return fail(error.message, 2);
    return fail(`could not start: ${(error as Error)?.message ?? String(error)}`, 1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.log.info(`${signal}: stopping`);
    void running.close().finally(() => io.exit(0));
  };
  io.signals.once('SIGTERM', () => stop('SIGTERM'));
  io.signals.once('SIGINT', () => stop('SIGINT'));
  return 0;
}
