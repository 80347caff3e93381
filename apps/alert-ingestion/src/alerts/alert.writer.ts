import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AlertSnapshot } from '@vigie/contracts';
import { Outbox, type OutboxRow } from '@vigie/messaging';
import { GroupCommit } from '@vigie/persistence';
import { Idempotency, type KeyClaim } from '../idempotency/idempotent-submission';
import { insertAlerts, storeNewAlerts } from './alerts.queries';

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

/** Most new alerts one statement stores. */
const MAX_BATCH = 100;
/**
 * Statements storing new alerts at once. Two keep one committing while the next fills, and
 * leave the rest of the pool to reads and to changes of existing alerts.
 */
const MAX_IN_FLIGHT = 2;

/**
 * Stores accepted messages and their events (the outbox), together. New alerts go through a group
 * commit: the alerts submitted while a statement commits are stored together by the next, their
 * keys claimed, the alerts and their events written by one statement that is its own transaction
 * (ADR 57), so a burst costs a few commits and a lone alert one round trip.
 */
@Injectable()
export class AlertWriter {
  private readonly newAlerts: GroupCommit<AlertWrite, WriteOutcome>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {
    this.newAlerts = new GroupCommit((writes) => this.storeTogether(writes), {
      maxBatch: MAX_BATCH,
      maxInFlight: MAX_IN_FLIGHT,
    });
  }

  /** A new alert, stored once its statement, shared with other new alerts, has committed. */
  storeNew(write: AlertWrite): Promise<WriteOutcome> {
    return this.newAlerts.submit(write);
  }

  private async storeTogether(writes: AlertWrite[]): Promise<WriteOutcome[]> {
    const stored = await storeNewAlerts(
      this.dataSource,
      Idempotency.ordered(writes.flatMap(keyClaim)),
      writes.map((write) => ({ ...write, keyed: write.idempotency !== null })),
    );
    const created = writes.map((write) => stored.has(write.snapshot.alertId.toLowerCase()));
    this.outbox.written(
      this.dataSource.manager,
      writes.filter((_, index) => created[index]).map((write) => write.event),
    );
    return created.map((isCreated) => (isCreated ? 'created' : 'replayed'));
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
