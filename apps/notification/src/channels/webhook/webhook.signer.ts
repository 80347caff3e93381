import { createHmac, createSecretKey, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';

/**
 * The headers of every webhook delivery. The first three are the Standard Webhooks ones; the
 * `Vigie-*` ones are the original scheme, still sent until the end of its deprecation period
 * (ADR 0021).
 */
export const WEBHOOK_HEADERS = {
  /** The delivery id: the same on every attempt (and redelivery) of one delivery. */
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  /** Space-separated `v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>`, one per valid secret. */
  signature: 'webhook-signature',
  /** The delivery id again, under the name generic receivers dedupe on. */
  idempotencyKey: 'Idempotency-Key',
  /** Deprecated: same value as `webhook-id`. */
  legacyDeliveryId: 'Vigie-Delivery-Id',
  /** Deprecated: same value as `webhook-timestamp`. */
  legacyTimestamp: 'Vigie-Timestamp',
  /** Deprecated: comma-separated `v1=<hex HMAC-SHA256(secret string, "<timestamp>.<body>")>`. */
  legacySignature: 'Vigie-Signature',
} as const;

const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;

/**
 * A new signing secret as integrators see it: `whsec_` and the standard base64 of 32 random
 * bytes, the form every Standard Webhooks library reads.
 */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;
}

/**
 * The HMAC key a secret stands for: the bytes its base64 part encodes. Secrets issued before
 * Standard Webhooks were written in the url-safe alphabet without padding; Node reads both
 * alphabets, so they stand for the same 32 bytes as their standard spelling (ADR 0021).
 */
export function signingKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new Error('the webhook secret encodes no key');
  return key;
}

/** The Standard Webhooks spelling of a secret: `whsec_` and standard, padded base64. */
export function standardSecret(secret: string): string {
  return `${SECRET_PREFIX}${signingKey(secret).toString('base64')}`;
}

/**
 * A secret made ready to sign with, once: the string (the deprecated scheme's key) and the key
 * object its base64 part stands for. Node checks a raw key's type at every HMAC, which costs more
 * than the HMAC of a small body; a key object skips it.
 */
export interface SigningSecret {
  secret: string;
  key: KeyObject;
}

export function signingSecret(secret: string): SigningSecret {
  return { secret, key: createSecretKey(signingKey(secret)) };
}

export interface SigningInput {
  /** The delivery id, sent as `webhook-id`. */
  id: string;
  /** Every secret currently valid for the endpoint, newest first (two during a rotation's overlap). */
  secrets: readonly (string | SigningSecret)[];
  /** The exact bytes posted. */
  body: string | Buffer;
  now?: Date;
}

function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function legacyDigest(secret: string, timestamp: string, body: string | Buffer): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
}

/**
 * The signature headers of one attempt. The timestamp is part of the signed text, so a captured
 * request cannot be replayed once it falls outside the receiver's tolerance; the id is too, so a
 * signature cannot be moved onto another delivery.
 */
export function signWebhook(input: SigningInput): Record<string, string> {
  if (input.secrets.length === 0) throw new Error('a webhook is signed with at least one secret');
  const timestamp = String(unixSeconds(input.now ?? new Date()));
  const secrets = input.secrets.map((secret) =>
    typeof secret === 'string' ? { secret, key: signingKey(secret) } : secret,
  );
  const standard = secrets.map(
    ({ key }) =>
      `v1,${createHmac('sha256', key).update(`${input.id}.${timestamp}.`).update(input.body).digest('base64')}`,
  );
  const legacy = secrets.map(({ secret }) => `v1=${legacyDigest(secret, timestamp, input.body).toString('hex')}`);
  return {
    [WEBHOOK_HEADERS.id]: input.id,
    [WEBHOOK_HEADERS.timestamp]: timestamp,
    [WEBHOOK_HEADERS.signature]: standard.join(' '),
    [WEBHOOK_HEADERS.idempotencyKey]: input.id,
    [WEBHOOK_HEADERS.legacyDeliveryId]: input.id,
    [WEBHOOK_HEADERS.legacyTimestamp]: timestamp,
    [WEBHOOK_HEADERS.legacySignature]: legacy.join(','),
  };
}

export interface LegacyVerification {
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

/**
 * What a receiver of the deprecated `Vigie-Signature` runs on each request. False when anything
 * is missing or malformed, when the timestamp is outside the tolerance, or when no `v1=`
 * signature matches (several may be sent, comma-separated). Comparison is constant-time.
 */
export function verifyWebhook(input: LegacyVerification): boolean {
  const { secret, body, now = new Date(), toleranceSeconds = 300 } = input;
  const timestamp = input.timestamp === undefined ? '' : String(input.timestamp);
  if (!secret || !TIMESTAMP.test(timestamp) || typeof input.signature !== 'string') return false;
  if (Math.abs(unixSeconds(now) - Number(timestamp)) > toleranceSeconds) return false;
  const expected = legacyDigest(secret, timestamp, body);
  let matched = false;
  for (const candidate of input.signature.split(',')) {
    const hex = V1_SIGNATURE.exec(candidate.trim())?.[1];
    if (hex && timingSafeEqual(Buffer.from(hex, 'hex'), expected)) matched = true;
  }
  return matched;
}
