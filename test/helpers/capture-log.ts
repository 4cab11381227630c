/**
 * A logger for Probot that keeps every line in memory, at every level (trace included), so a test
 * can read what the app said and check that no secret is in it.
 *
 * ```ts
 * const { log, lines } = captureLog();
 * await startServer(env, app, { log });
 * expect(lines.join('\n')).not.toContain(token);
 * ```
 *
 * Each line is `<level> <JSON of the arguments>`; errors are written with their message, stack and
 * own properties (where a leaked secret would hide).
 */
import type { Logger } from 'probot';

export interface CapturedLog {
  log: Logger;
  lines: string[];
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

export function captureLog(): CapturedLog {
  const lines: string[] = [];
  const make = (bindings: Record<string, unknown>): Logger => {
    const logger: Record<string, unknown> = {
      level: 'trace',
      bindings: () => bindings,
      isLevelEnabled: () => true,
      child: (more: Record<string, unknown>) => make({ ...bindings, ...more }),
    };
    for (const level of LEVELS) {
      logger[level] = (...args: unknown[]) => lines.push(`${level} ${JSON.stringify([bindings, ...args], serialise)}`);
    }
    logger.silent = () => undefined;
    return logger as unknown as Logger;
  };
  return { log: make({}), lines };
}

function serialise(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack, ...Object.fromEntries(Object.entries(value)) };
  }
  if (typeof value === 'bigint') return String(value);
  return value;
}
