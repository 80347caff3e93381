import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AlertSnapshot } from '@vigie/contracts';
import { Outbox, type OutboxRow } from '@vigie/messaging';
import { GroupCommit } from '@vigie/persistence';
import { Idempotency, type KeyClaim } from '../idempotency/idempotent-submission';
import { insertAlerts } from './alerts.queries';

/** What the submitter's CAP document said of itself: kept so that its own references find it. */
export interface DeclaredOrigin {
  sender: string;
  sent: string;
}

/** A message to store, with its event and how it came. */
export interface AlertWrite {
  snapshot: AlertSnapshot;
  /** Its alert.submitted/updated/cancelled event, made in the request's context. */
  event: OutboxRow;
  idempotency: Idempotency | null;
  declared?: DeclaredOrigin;
}

/** `replayed`: an earlier request holds the Idempotency-Key; nothing was written for this one. */
export type WriteOutcome = 'created' | 'replayed';

/** Most new alerts one transaction stores. */
const MAX_BATCH = 100;
/**
 * Transactions storing new alerts at once. Two keep one committing while the next fills, and
 * leave the rest of the pool to reads and to changes of existing alerts.
 */
const MAX_IN_FLIGHT = 2;

/**
 * Stores accepted messages and their events (the outbox) in one transaction. New alerts go
 * through a group commit: the alerts submitted while a transaction commits are stored together
 * by the next, with one statement per table, so a burst costs a few commits, not one each.
 */
@Injectable()
export class AlertWriter {
  private readonly newAlerts: GroupCommit<AlertWrite, WriteOutcome>;

  constructor(
    dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {
    this.newAlerts = new GroupCommit(dataSource, (manager, writes) => this.write(manager, writes), {
      maxBatch: MAX_BATCH,
      maxInFlight: MAX_IN_FLIGHT,
    });
  }

  /** A new alert, stored once its transaction, shared with other new alerts, has committed. */
  storeNew(write: AlertWrite): Promise<WriteOutcome> {
    return this.newAlerts.submit(write);
  }

  /** In the caller's transaction: claims the keys, then stores the messages whose key it claimed. */
  async write(manager: EntityManager, writes: readonly AlertWrite[]): Promise<WriteOutcome[]> {
    const claimed = await Idempotency.claimAll(manager, writes.flatMap(keyClaim));
    const created = writes.filter((write) => !write.idempotency || claimed.has(write.snapshot.alertId.toLowerCase()));
    await this.insert(manager, created);
    return writes.map((write) => (created.includes(write) ? 'created' : 'replayed'));
  }

  /** In the caller's transaction: the messages and their events, whose keys are already claimed. */
  async insert(manager: EntityManager, writes: readonly AlertWrite[]): Promise<void> {
    if (writes.length === 0) return;
    await insertAlerts(manager, writes);
    await this.outbox.write(
      manager,
      writes.map((write) => write.event),
    );
  }
}

/** The key claim a write makes, if it came with an Idempotency-Key. */
export function keyClaim({ snapshot, idempotency }: AlertWrite): KeyClaim[] {
  return idempotency ? [{ organisationId: snapshot.senderOrganisationId, idempotency, alertId: snapshot.alertId }] : [];
}
