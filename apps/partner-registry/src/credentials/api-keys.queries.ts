import type { EntityManager } from 'typeorm';
import type { StoredKeyRow } from '@vigie/access';

/** `api_keys` as authentication reads them: the key with its organisation. */
export async function storedKey(manager: EntityManager, keyId: string): Promise<StoredKeyRow | undefined> {
  const [row] = await manager.query<StoredKeyRow[]>(
    `SELECT k.secret_hash, k.roles, k.expires_at, k.revoked_at, o.id AS organisation_id, o.kind, o.status, o.departments
     FROM api_keys k JOIN organisations o ON o.id = k.organisation_id WHERE k.id = $1`,
    [keyId],
  );
  return row;
}
