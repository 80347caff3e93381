import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

const PREFIX = 'vgk';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TOKEN = new RegExp(`^${PREFIX}_(${UUID})_([A-Za-z0-9_-]{43})$`);

export interface IssuedApiKey {
  id: string;
  /** Shown once to the caller, never stored. */
  token: string;
  secretHash: string;
}

/**
 * API keys are `vgk_<key id>_<256-bit secret, base64url>`. The id finds the key without a
 * scan; only the SHA-256 of the secret is stored. A slow password hash is not needed: the
 * secret is random, not chosen by a person.
 */
export function issueApiKey(): IssuedApiKey {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return { id, token: `${PREFIX}_${id}_${secret}`, secretHash: hashSecret(secret) };
}

export function parseApiKey(token: string): { id: string; secret: string } | null {
  const match = TOKEN.exec(token);
  return match ? { id: match[1], secret: match[2] } : null;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The bearer token of an `Authorization` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}
