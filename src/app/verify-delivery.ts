import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** GitHub caps a webhook payload at 25 MB; anything larger is not GitHub. */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

export type VerifiedDelivery = { ok: true; body: string } | { ok: false; status: number; error: string };

const SIGNATURE = /^sha256=[0-9a-f]{64}$/;

/**
 * Reads a POSTed webhook delivery and checks its `X-Hub-Signature-256` against the secret in
 * constant time, before Probot sees it: a body without a declared length or over GitHub's cap is
 * refused unread, and an unsigned or wrongly signed one is refused with a status and a short
 * reason — never logged with its payload, which anyone can send. Probot checks the signature again.
 */
export async function verifyDelivery(req: IncomingMessage, secret: string): Promise<VerifiedDelivery> {
  const declared = req.headers['content-length'];
  if (declared === undefined) return { ok: false, status: 411, error: 'Content-Length required' };
  if (!/^\d{1,12}$/.test(declared) || Number(declared) > MAX_WEBHOOK_BYTES) return { ok: false, status: 413, error: 'payload too large' };
  const signature = req.headers['x-hub-signature-256'];
  if (typeof signature !== 'string' || !SIGNATURE.test(signature)) {
    return { ok: false, status: 400, error: 'missing or malformed X-Hub-Signature-256' };
  }

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_WEBHOOK_BYTES) return { ok: false, status: 413, error: 'payload too large' };
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks);
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  if (!timingSafeEqual(expected, Buffer.from(signature))) {
    return { ok: false, status: 400, error: 'signature does not match event payload and secret' };
  }
  return { ok: true, body: body.toString('utf8') };
}
