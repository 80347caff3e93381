import type { EntityManager } from 'typeorm';
import type { AlertSnapshot } from '@vigie/contracts';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';

/**
 * `idempotency_keys`: an organisation's Idempotency-Key, the fingerprint of the request that
 * first came with it, and the alert that request created.
 */

/**
 * Claims keys for several requests with one statement. A key an earlier request holds is not
 * claimed; of two requests with the same key in one batch, the first claims it.
 */
export const CLAIM_KEYS: PreparedStatement = {
  name: 'ingestion.claim-idempotency-keys',
  text: `INSERT INTO idempotency_keys (organisation_id, key, request_hash, alert_id)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[])
         ON CONFLICT DO NOTHING RETURNING alert_id`,
};

export interface KeyRow {
  organisationId: string;
  key: string;
  requestHash: string;
  alertId: string;
}

/** The alert ids, lower-cased, whose key this statement claimed. */
export async function claimKeys(manager: EntityManager, rows: readonly KeyRow[]): Promise<Set<string>> {
  const claimed = await runPrepared<{ alert_id: string }>(manager, CLAIM_KEYS, claimValues(rows));
  return new Set(claimed.map((row) => row.alert_id.toLowerCase()));
}

/** The parameters $1 to $4 of {@link CLAIM_KEYS}. */
export function claimValues(rows: readonly KeyRow[]): unknown[] {
  return [
    rows.map((row) => row.organisationId),
    rows.map((row) => row.key),
    rows.map((row) => row.requestHash),
    rows.map((row) => row.alertId),
  ];
}

/** The request an organisation's key first came with, and the alert it created. */
export async function keyHolder(
  manager: EntityManager,
  organisationId: string,
  key: string,
): Promise<{ requestHash: string; alert: AlertSnapshot } | undefined> {
  const [row] = await manager.query<{ request_hash: string; snapshot: AlertSnapshot }[]>(
    `SELECT i.request_hash, a.snapshot FROM idempotency_keys i JOIN alerts a ON a.id = i.alert_id
     WHERE i.organisation_id = $1 AND i.key = $2`,
    [organisationId, key],
  );
  return row && { requestHash: row.request_hash, alert: row.snapshot };
}

/** Forgets the keys older than this. */
export async function forgetKeysOlderThan(manager: EntityManager, seconds: number): Promise<void> {
  await manager.query("DELETE FROM idempotency_keys WHERE created_at < now() - $1 * interval '1 second'", [seconds]);
}
