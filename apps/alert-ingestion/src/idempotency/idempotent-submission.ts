import { HttpStatus } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { AlertSnapshot } from '@vigie/contracts';
import { DomainError } from '@vigie/platform';
import { requestFingerprint } from './request-fingerprint';

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
   * Claims the key for `alertId` in the transaction that stores it. False when an earlier
   * request holds it: the caller then answers with `replay`.
   */
  async claim(manager: EntityManager, organisationId: string, alertId: string): Promise<boolean> {
    const claimed = await manager.query<unknown[]>(
      `INSERT INTO idempotency_keys (organisation_id, key, request_hash, alert_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING alert_id`,
      [organisationId, this.key, this.fingerprint, alertId],
    );
    return claimed.length > 0;
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
