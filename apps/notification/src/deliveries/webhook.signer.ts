import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers of every webhook delivery. */
export const WEBHOOK_HEADERS = {
  deliveryId: 'Vigie-Delivery-Id',
  /** The delivery id again, under the name generic receivers dedupe on. */
  idempotencyKey: 'Idempotency-Key',
  timestamp: 'Vigie-Timestamp',
  signature: 'Vigie-Signature',
} as const;

export interface WebhookSignature {
  /** Unix seconds, sent as `Vigie-Timestamp`. */
  timestamp: string;
  /** `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`, sent as `Vigie-Signature`. */
  signature: string;
}

export interface WebhookVerification {
  /** The endpoint's signing secret as shown at registration, `whsec_…`. */
  secret: string;
  /** The raw request body, byte for byte: re-serialised JSON does not verify. */
  body: string | Buffer;
  timestamp: string | number | undefined;
  signature: string | undefined;
  now?: Date;
  /** How far the timestamp may be from `now`, either way. */
  toleranceSeconds?: number;
}

const TIMESTAMP = /^\d{1,12}$/;
const V1_SIGNATURE = /^v1=([0-9a-f]{64})$/;

function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function digest(secret: string, timestamp: string, body: string | Buffer): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
}

/**
 * Signs a webhook body. The timestamp is part of the signed text, so a captured request
 * cannot be replayed once it falls outside the receiver's tolerance.
 */
export function signWebhook(secret: string, body: string | Buffer, now: Date = new Date()): WebhookSignature {
  const timestamp = String(unixSeconds(now));
  return { timestamp, signature: `v1=${digest(secret, timestamp, body).toString('hex')}` };
}

/**
 * What a receiver runs on each request. False when anything is missing or malformed, when the
 * timestamp is outside the tolerance, or when no `v1=` signature matches (several may be sent,
 * comma-separated). Comparison is constant-time.
 */
export function verifyWebhook(input: WebhookVerification): boolean {
  const { secret, body, now = new Date(), toleranceSeconds = 300 } = input;
  const timestamp = input.timestamp === undefined ? '' : String(input.timestamp);
  if (!secret || !TIMESTAMP.test(timestamp) || typeof input.signature !== 'string') return false;
  if (Math.abs(unixSeconds(now) - Number(timestamp)) > toleranceSeconds) return false;
  const expected = digest(secret, timestamp, body);
  let matched = false;
  for (const candidate of input.signature.split(',')) {
    const hex = V1_SIGNATURE.exec(candidate.trim())?.[1];
    if (hex && timingSafeEqual(Buffer.from(hex, 'hex'), expected)) matched = true;
  }
  return matched;
}
