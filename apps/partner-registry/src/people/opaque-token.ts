import { createHash, randomBytes, randomUUID } from 'node:crypto';

/**
 * One-time invitation links (`vgi_`) and session tokens (`vgs_`): `<prefix>_<id>_<256-bit secret>`.
 * The secret is random and long, so a SHA-256 of the whole token is enough to store it.
 */
export function newOpaqueToken(prefix: 'vgi' | 'vgs'): { id: string; token: string; hash: string } {
  const id = randomUUID();
  const token = `${prefix}_${id}_${randomBytes(32).toString('base64url')}`;
  return { id, token, hash: hashOpaqueToken(token) };
}

export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function isOpaqueToken(prefix: 'vgi' | 'vgs', token: string): boolean {
  return new RegExp(`^${prefix}_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$`).test(token);
}
