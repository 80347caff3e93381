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

/** The limits of {@link VerifiedSecrets}. */
export interface VerifiedSecretsLimits {
  /** Keys whose matching secret is remembered (least recently used forgotten first). */
  keys: number;
  /** Wrong (hash, secret) pairs remembered, so that a repeated wrong key costs one hash. */
  mismatches: number;
}

/**
 * Remembers which secret matched each stored hash, so that the slow hash runs once per key and
 * process, never again on the request path. A match is a fact about two strings that cannot go
 * stale: a rotated or re-hashed key has a new stored hash and misses; revocation, expiry and the
 * organisation's standing are read with the key on every request, so nothing here needs a
 * lifetime or a refresh. Concurrent checks of the same pair share one hash. Only a digest of the
 * secret is kept. A mismatch is remembered apart, in a smaller bounded set (a wrong secret can
 * never be taken for the right one, and presenting many wrong secrets only evicts other wrong ones).
 */
export class VerifiedSecrets {
  /** Stored hash → digest of the secret that matched it. */
  private readonly matched = new Map<string, string>();
  private readonly mismatched = new Map<string, true>();
  private readonly pending = new Map<string, Promise<boolean>>();

  constructor(
    private readonly limits: VerifiedSecretsLimits = { keys: 100_000, mismatches: 1_000 },
    private readonly verify: (secret: string, stored: string) => Promise<boolean> = secretMatches,
  ) {}

  matches(secret: string, stored: string): Promise<boolean> {
    const digest = createHash('sha256').update(secret).digest('base64url');
    if (this.matched.get(stored) === digest) {
      touch(this.matched, stored, digest);
      return Promise.resolve(true);
    }
    const pair = `${stored}:${digest}`;
    if (this.mismatched.has(pair)) return Promise.resolve(false);
    const running = this.pending.get(pair);
    if (running) return running;
    const check = this.verify(secret, stored)
      .then((ok) => {
        if (ok) remember(this.matched, stored, digest, this.limits.keys);
        else remember(this.mismatched, pair, true, this.limits.mismatches);
        return ok;
      })
      .finally(() => this.pending.delete(pair));
    this.pending.set(pair, check);
    return check;
  }

  /** Forgets the stored hashes of keys that were removed or replaced (memory only: a miss costs a hash). */
  forget(storedHashes: Iterable<string>): void {
    for (const stored of storedHashes) this.matched.delete(stored);
  }

  /** How many keys and mismatches are remembered. */
  get size(): { keys: number; mismatches: number } {
    return { keys: this.matched.size, mismatches: this.mismatched.size };
  }
}

/** Moves an entry to the most recently used end. */
function touch<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
}

function remember<K, V>(map: Map<K, V>, key: K, value: V, capacity: number): void {
  map.delete(key);
  if (map.size >= capacity) map.delete(map.keys().next().value!);
  map.set(key, value);
}
