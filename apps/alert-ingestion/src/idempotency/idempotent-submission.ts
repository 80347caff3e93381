import { HttpStatus } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { AlertSnapshot } from '@vigie/contracts';
import { DomainError } from '@vigie/platform';
import { claimKeys, keyHolder, type KeyRow } from './idempotency-keys.queries';
import { requestFingerprint } from './request-fingerprint';

/** A key claimed for the alert its request creates. */
export interface KeyClaim {
  organisationId: string;
  idempotency: Idempotency;
  alertId: string;
}

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
    return claimKeys(manager, Idempotency.ordered(unordered));
  }

  /** The key rows of these claims, in the one order every transaction claims keys in. */
  static ordered(unordered: readonly KeyClaim[]): KeyRow[] {
    // In one order in every transaction: two batches waiting for each other's keys cannot deadlock.
    const claims = [...unordered].sort(
      (a, b) => compare(a.organisationId, b.organisationId) || compare(a.idempotency.key, b.idempotency.key),
    );
    return claims.map((claim) => ({
      organisationId: claim.organisationId,
      key: claim.idempotency.key,
      requestHash: claim.idempotency.fingerprint,
      alertId: claim.alertId,
    }));
  }

  /** The alert an earlier request with this key created, if any; 422 when that request was another. */
  async earlier(dataSource: DataSource, organisationId: string): Promise<AlertSnapshot | undefined> {
    const earlier = await keyHolder(dataSource.manager, organisationId, this.key);
    if (!earlier) return undefined;
    if (earlier.requestHash !== this.fingerprint) {
      throw new DomainError(
        'idempotency_key_reused',
        'this Idempotency-Key was used for a different request',
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
    return earlier.alert;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
