import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { createEnvelope, type EnvelopeOrigin, type EventDefinition, type EventEnvelope } from '@vigie/contracts';
import { currentScope, propagationHeaders } from '@vigie/observability';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';
import type { KafkaSettings } from '../kafka/kafka.settings';
import { KAFKA_SETTINGS } from '../kafka/kafka.tokens';

export interface OutboxEntry<P extends object> {
  definition: EventDefinition<P>;
  /** Aggregate id: the Kafka key that keeps one aggregate's events in order. */
  key: string;
  payload: P;
  /** Correlation and causation; the producer is the service itself. */
  origin?: Omit<EnvelopeOrigin, 'producer'>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const INSERT_EVENT: PreparedStatement = {
  name: 'messaging.outbox-insert',
  text: 'INSERT INTO outbox (id, topic, message_key, envelope, headers) VALUES ($1, $2, $3, $4, $5)',
};

/**
 * Records events inside the caller's transaction. They reach Kafka only if that transaction
 * commits; the relay then publishes them (see OutboxRelay). Each row keeps the trace context
 * and request id of the work that wrote it: the relay sends them as Kafka headers, so the next
 * service continues the same trace and logs the same request id.
 */
@Injectable()
export class Outbox {
  constructor(@Inject(KAFKA_SETTINGS) private readonly settings: KafkaSettings) {}

  async add<P extends object>(manager: EntityManager, entry: OutboxEntry<P>): Promise<EventEnvelope<P>> {
    // Work done for an alert (an event handled, a delivery attempted) keeps the alert's correlation id.
    const inherited = currentScope()?.correlationId;
    const envelope = createEnvelope(entry.definition, entry.payload, {
      ...(inherited && UUID.test(inherited) ? { correlationId: inherited } : {}),
      ...entry.origin,
      producer: this.settings.clientId,
    });
    await runPrepared(manager, INSERT_EVENT, [
      envelope.id,
      entry.definition.topic,
      entry.key,
      JSON.stringify(envelope),
      JSON.stringify(propagationHeaders()),
    ]);
    // The request's log line names the alert it created (the first event's correlation id).
    const scope = currentScope();
    if (scope && !scope.correlationId) scope.correlationId = envelope.correlationId;
    return envelope;
  }
}
