import { HttpStatus } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { AlertSnapshot } from '@vigie/contracts';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';
import { DomainError } from '@vigie/platform';
import { requestFingerprint } from './request-fingerprint';

/** A key claimed for the alert its request creates. */
export interface KeyClaim {
  organisationId: string;
  idempotency: Idempotency;
  alertId: string;
}

/**
 * Claims keys for several requests with one statement. A key an earlier request holds is not
 * claimed; of two requests with the same key in one batch, the first claims it.
 */
const CLAIM_KEYS: PreparedStatement = {
  name: 'ingestion.claim-idempotency-keys',
  text: `INSERT INTO idempotency_keys (organisation_id, key, request_hash, alert_id)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[])
         ON CONFLICT DO NOTHING RETURNING alert_id`,
};

/** An Idempotency-Key and the request it came with: the same key must come with the same request. */
export class Idempotency {
  private constructor(
    readonly key: string,
    private readonly fingerprint: string,
  ) {}

  /** None without a key. */
  static of(key: string | undefined, operation: string, body: unknown): Idempotency | null {
    return key ? new Idempotency(key, requestFingerprint(operation, body)) : null;
  }

  /**
   * Claims each key for its alert in the transaction that stores the alerts, and returns the ids
   * of the alerts whose key was claimed. The others' requests were made before: the caller
   * answers them with `earlier`.
   */
  static async claimAll(manager: EntityManager, unordered: readonly KeyClaim[]): Promise<Set<string>> {
    if (unordered.length === 0) return new Set();
    // In one order in every transaction: two batches waiting for each other's keys cannot deadlock.
    const claims = [...unordered].sort(
      (a, b) => compare(a.organisationId, b.organisationId) || compare(a.idempotency.key, b.idempotency.key),
    );
    const claimed = await runPrepared<{ alert_id: string }>(manager, CLAIM_KEYS, [
      claims.map((claim) => claim.organisationId),
      claims.map((claim) => claim.idempotency.key),
      claims.map((claim) => claim.idempotency.fingerprint),
      claims.map((claim) => claim.alertId),
    ]);
    return new Set(claimed.map((row) => row.alert_id.toLowerCase()));
  }

  /** The alert an earlier request with this key created, if any; 422 when that request was another. */
  async earlier(dataSource: DataSource, organisationId: string): Promise<AlertSnapshot | undefined> {
    const [earlier] = await dataSource.query<{ request_hash: string; snapshot: AlertSnapshot }[]>(
      `SELECT i.request_hash, a.snapshot FROM idempotency_keys i JOIN alerts a ON a.id = i.alert_id
       WHERE i.organisation_id = $1 AND i.key = $2`,
      [organisationId, this.key],
    );
    if (!earlier) return undefined;
    if (earlier.request_hash !== this.fingerprint) {
      throw new DomainError(
        'idempotency_key_reused',
        'this Idempotency-Key was used for a different request',
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
    return earlier.snapshot;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
