import type { EntityManager } from 'typeorm';

/**
 * Takes PostgreSQL transaction-level advisory locks on these keys (hashed with `hashtext`),
 * waiting for them; they are released when the transaction ends. Several keys are taken in a
 * fixed order so that two transactions locking overlapping sets never deadlock.
 */
export async function lockUntilCommit(manager: EntityManager, ...keys: string[]): Promise<void> {
  if (keys.length === 1) {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', keys);
  } else if (keys.length > 1) {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext(k)) FROM unnest($1::text[]) AS k ORDER BY k', [keys]);
  }
}
