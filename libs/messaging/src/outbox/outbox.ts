import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { createEnvelope, type EnvelopeOrigin, type EventDefinition, type EventEnvelope } from '@vigie/contracts';
import { currentScope, propagationHeaders } from '@vigie/observability';
import { afterCommit, runPrepared, type PreparedStatement } from '@vigie/persistence';
import type { KafkaSettings } from '../kafka/kafka.settings';
import { KAFKA_SETTINGS } from '../kafka/kafka.tokens';
import { OutboxRelay } from './outbox.relay';

export interface OutboxEntry<P extends object> {
  definition: EventDefinition<P>;
  /** Aggregate id: the Kafka key that keeps one aggregate's events in order. */
  key: string;
  payload: P;
  /** Correlation and causation; the producer is the service itself. */
  origin?: Omit<EnvelopeOrigin, 'producer'>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An event ready to be written: its envelope and the trace context of the work that made it. */
export interface OutboxRow<P extends object = object> {
  envelope: EventEnvelope<P>;
  topic: string;
  key: string;
  headers: Record<string, string>;
}

/** The outbox's columns, and the same as a record definition for `jsonb_to_record(set)`. */
export const OUTBOX_COLUMNS = 'id, topic, message_key, envelope, headers';
export const OUTBOX_RECORD = 'id uuid, topic text, message_key text, envelope jsonb, headers jsonb';

/** An event as one JSON record of the outbox's columns ({@link OUTBOX_RECORD}). */
export function outboxRecord(row: OutboxRow): object {
  return { id: row.envelope.id, topic: row.topic, message_key: row.key, envelope: row.envelope, headers: row.headers };
}

/**
 * One statement whatever the number of events, the rows as one JSON document (ADR 48): an
 * envelope travels nested, not as a string escaped again into an array literal.
 */
const INSERT_EVENTS: PreparedStatement = {
  name: 'messaging.outbox-insert',
  text: `INSERT INTO outbox (${OUTBOX_COLUMNS})
         SELECT ${OUTBOX_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(${OUTBOX_RECORD})`,
};

/**
 * Records events inside the caller's transaction. They reach Kafka only if that transaction
 * commits; the relay of this process is handed them at that commit and publishes them (see
 * OutboxRelay). Each row keeps the trace context and request id of the work that wrote it: the
 * relay sends them as Kafka headers, so the next service continues the same trace and logs the
 * same request id.
 */
@Injectable()
export class Outbox {
  constructor(
    @Inject(KAFKA_SETTINGS) private readonly settings: KafkaSettings,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async add<P extends object>(manager: EntityManager, entry: OutboxEntry<P>): Promise<EventEnvelope<P>> {
    const row = this.prepare(entry);
    await this.write(manager, [row]);
    return row.envelope;
  }

  /**
   * The event's envelope and headers, made in the caller's context (its trace and request id),
   * to be written later, possibly with other callers' events (see GroupCommit).
   */
  prepare<P extends object>(entry: OutboxEntry<P>): OutboxRow<P> {
    // Work done for an alert (an event handled, a delivery attempted) keeps the alert's correlation id.
    const scope = currentScope();
    const inherited = scope?.correlationId;
    const envelope = createEnvelope(entry.definition, entry.payload, {
      ...(inherited && UUID.test(inherited) ? { correlationId: inherited } : {}),
      ...entry.origin,
      producer: this.settings.clientId,
    });
    // The request's log line names the alert it created (the first event's correlation id).
    if (scope && !scope.correlationId) scope.correlationId = envelope.correlationId;
    return { envelope, topic: entry.definition.topic, key: entry.key, headers: propagationHeaders() };
  }

  /**
   * Whether this instance is, for now, the only running instance of its service (ADR 52's lease,
   * held alone): what it commits, no other instance of the service needs to hear of.
   */
  get alone(): boolean {
    return this.relay?.alone ?? false;
  }

  /** Writes prepared events in the caller's transaction, in order, with one statement. */
  async write(manager: EntityManager, rows: readonly OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    await runPrepared(manager, INSERT_EVENTS, [JSON.stringify(rows.map(outboxRecord))]);
    this.written(manager, rows);
  }

  /**
   * Events a caller's own statement inserted (as {@link outboxRecord}s) with `manager`: this
   * process's relay publishes them once its transaction commits, or at once outside any.
   */
  written(manager: EntityManager, rows: readonly OutboxRow[]): void {
    const relay = this.relay;
    if (relay) afterCommit(manager, () => relay.committed(rows));
  }
}
