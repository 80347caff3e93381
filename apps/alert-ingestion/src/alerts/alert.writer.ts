import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { primaryInfo, type AlertSnapshot } from '@vigie/contracts';
import { Outbox, type OutboxRow } from '@vigie/messaging';
import { GroupCommit, runPrepared, type PreparedStatement } from '@vigie/persistence';
import { Idempotency, type KeyClaim } from '../idempotency/idempotent-submission';

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

/** One statement for any number of messages: each column comes as an array. */
const INSERT_ALERTS: PreparedStatement = {
  name: 'ingestion.insert-alerts',
  text: `INSERT INTO alerts (id, original_alert_id, sender_organisation_id, sent, status, msg_type, department,
           event_code, severity, tlp, personal_data, snapshot, identifier, declared_sender_digest, declared_sent)
         SELECT id, original_alert_id, sender_organisation_id, sent, status, msg_type, department, event_code,
           severity, tlp, personal_data, snapshot, identifier, sha256(convert_to(declared_sender, 'UTF8')), declared_sent
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::text[], $6::text[], $7::text[],
           $8::text[], $9::text[], $10::text[], $11::boolean[], $12::jsonb[], $13::text[], $14::text[], $15::timestamptz[])
           AS m(id, original_alert_id, sender_organisation_id, sent, status, msg_type, department, event_code,
             severity, tlp, personal_data, snapshot, identifier, declared_sender, declared_sent)`,
};

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
    const infos = writes.map(({ snapshot }) => primaryInfo(snapshot));
    const column = <T>(pick: (write: AlertWrite, index: number) => T): T[] => writes.map(pick);
    await runPrepared(manager, INSERT_ALERTS, [
      column(({ snapshot }) => snapshot.alertId),
      column(({ snapshot }) => snapshot.originalAlertId),
      column(({ snapshot }) => snapshot.senderOrganisationId),
      column(({ snapshot }) => snapshot.sent),
      column(({ snapshot }) => snapshot.status),
      column(({ snapshot }) => snapshot.msgType),
      column(({ snapshot }) => snapshot.location.department),
      column((_, index) => infos[index].eventCode),
      column((_, index) => infos[index].severity),
      column(({ snapshot }) => snapshot.tlp),
      column(({ snapshot }) => snapshot.personalData),
      column(({ snapshot }) => JSON.stringify(snapshot)),
      column(({ snapshot }) => snapshot.identifier),
      column(({ declared }) => declared?.sender ?? null),
      column(({ declared }) => declared?.sent ?? null),
    ]);
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
