import type { EntityManager } from 'typeorm';

/** `federated_sign_ins`: the ID tokens that opened a session through State sign-in, until they expire. */

export interface FederatedSignIn {
  tokenDigest: string;
  personId: string;
  expiresAt: Date;
}

/**
 * Records that an ID token opened a session; false when it already did (a replay). Tokens past
 * their expiry are forgotten first: the token itself is refused after that.
 */
export async function claimFederatedSignIn(manager: EntityManager, signIn: FederatedSignIn): Promise<boolean> {
  await manager.query('DELETE FROM federated_sign_ins WHERE expires_at < now()');
  const inserted = await manager.query<{ token_digest: string }[]>(
    `INSERT INTO federated_sign_ins (token_digest, person_id, expires_at) VALUES ($1, $2, $3)
     ON CONFLICT (token_digest) DO NOTHING RETURNING token_digest`,
    [signIn.tokenDigest, signIn.personId, signIn.expiresAt],
  );
  return inserted.length === 1;
}
