import { Injectable } from '@nestjs/common';
import type { PartnerChangedV1Payload } from '@vigie/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller, CallerResolver } from '../caller';
import { authenticateKey, type StoredKeyRow } from '../key-check';

/**
 * What this service knows of the registry's organisations and keys. The registry is never
 * called on the request path: suspensions and revocations arrive as events.
 */
@Injectable()
export class PartnerDirectory implements CallerResolver {
  constructor(private readonly dataSource: DataSource) {}

  /** Applies a snapshot unless a newer revision is already known. */
  async apply(snapshot: PartnerChangedV1Payload, manager: EntityManager): Promise<void> {
    const updated = (await manager.query(
      `INSERT INTO directory_organisations (id, kind, name, status, departments, revision)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, status = EXCLUDED.status,
         departments = EXCLUDED.departments, revision = EXCLUDED.revision
       WHERE directory_organisations.revision < EXCLUDED.revision
       RETURNING id`,
      [snapshot.organisationId, snapshot.kind, snapshot.name, snapshot.status, snapshot.departments, snapshot.revision],
    )) as unknown[];
    if (updated.length === 0) return;
    await manager.query('DELETE FROM directory_api_keys WHERE organisation_id = $1', [snapshot.organisationId]);
    for (const key of snapshot.apiKeys) {
      await manager.query(
        'INSERT INTO directory_api_keys (id, organisation_id, secret_hash, revoked_at) VALUES ($1, $2, $3, $4)',
        [key.id, snapshot.organisationId, key.secretHash, key.revokedAt],
      );
    }
  }

  async resolve(keyId: string, secret: string): Promise<Caller> {
    const rows = (await this.dataSource.query(
      `SELECT k.secret_hash, k.revoked_at, o.id AS organisation_id, o.kind, o.status, o.departments
       FROM directory_api_keys k JOIN directory_organisations o ON o.id = k.organisation_id
       WHERE k.id = $1`,
      [keyId],
    )) as StoredKeyRow[];
    return authenticateKey(rows[0], keyId, secret);
  }
}
