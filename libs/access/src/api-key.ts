import { createHash, randomBytes, randomUUID, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PREFIX = 'vgk';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TOKEN = new RegExp(`^${PREFIX}_(${UUID})_([A-Za-z0-9_-]{43})$`);
const STORED = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/** scrypt cost: about 16 MiB and tens of milliseconds per hash (RFC 7914 parameters). */
const COST = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

export interface IssuedApiKey {
  id: string;
  /** Shown once to the caller, never stored. */
  token: string;
  secretHash: string;
}

function derive(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * API keys are `vgk_<key id>_<256-bit secret, base64url>`. The id finds the key without a
 * scan; only a salted scrypt hash of the secret is stored, so a leaked table or event stream
 * does not yield usable keys.
 */
export async function issueApiKey(): Promise<IssuedApiKey> {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return { id, token: `${PREFIX}_${id}_${secret}`, secretHash: await hashSecret(secret) };
}

export function parseApiKey(token: string): { id: string; secret: string } | null {
  const match = TOKEN.exec(token);
  return match ? { id: match[1], secret: match[2] } : null;
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export async function secretMatches(secret: string, stored: string): Promise<boolean> {
  const match = STORED.exec(stored);
  if (!match) return false;
  const [, N, r, p, salt, hash] = match;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(secret, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The bearer token of an `Authorization` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}

/**
 * Remembers, for a few minutes, which (stored hash, secret) pairs matched, so the slow hash
 * runs once per key and process rather than on every request. Only a digest of the secret is
 * kept; a rotated or re-hashed key misses the cache. Status and revocation are still read on
 * every request.
 */
export class VerifiedSecrets {
  private readonly entries = new Map<string, number>();

  constructor(
    private readonly ttlMs = 5 * 60_000,
    private readonly capacity = 10_000,
    private readonly verify: (secret: string, stored: string) => Promise<boolean> = secretMatches,
  ) {}

  async matches(secret: string, stored: string, now = Date.now()): Promise<boolean> {
    const entry = `${stored}:${createHash('sha256').update(secret).digest('base64url')}`;
    const expiresAt = this.entries.get(entry);
    if (expiresAt !== undefined && expiresAt > now) return true;
    if (!(await this.verify(secret, stored))) return false;
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(entry, now + this.ttlMs);
    return true;
  }
}
