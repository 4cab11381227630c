import { getTransformStream } from '@probot/pino';
import pino from 'pino';
import type { Logger } from 'probot';
import type { AppEnv } from './env.js';
import { logRedaction } from './log-redaction.js';

/**
 * The app's logger (the worker uses it too): pino as Probot builds it (LOG_LEVEL, LOG_FORMAT
 * through Probot's own pretty transform) plus the redaction of {@link logRedaction}, so no token,
 * authorization header, private key or webhook secret reaches a log line.
 */
export async function appLogger(env: AppEnv, destination?: NodeJS.WritableStream): Promise<Logger> {
  const transform = await getTransformStream({ logFormat: env.logFormat });
  transform.pipe(destination ?? (pino.destination(1) as unknown as NodeJS.WritableStream));
  return pino(
    { level: env.logLevel, name: 'probot', messageKey: 'msg', ...logRedaction({ webhookSecret: env.webhookSecret, privateKey: env.privateKey }) },
    transform,
  );
}
