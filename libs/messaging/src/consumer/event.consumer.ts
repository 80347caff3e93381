import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';
import { deadLetterTopicOf, type EventDefinition, type EventEnvelope } from '@vigie/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, type EntityManager } from 'typeorm';
import { KafkaProducer } from '../kafka/kafka.producer';
import { MESSAGING_OPTIONS } from '../kafka/kafka.tokens';
import type { MessagingOptions } from '../messaging.options';
import { claimEvent } from '../inbox/inbox';
import { decodeEvent } from './event.decoder';
import { decideFailure } from './failure.policy';

export type EventHandler<P> = (event: EventEnvelope<P>, manager: EntityManager) => Promise<void>;

/**
 * The one way a Vigie service consumes an event. It validates the message, runs the handler
 * in a transaction that also records the event id (so a redelivered event has no second
 * effect), retries failures with backoff, and sends poison messages to `<topic>.dlq` with the
 * reason so the partition keeps flowing. It throws only when the service is shutting down,
 * in which case the offset is not committed and the event is handled after restart.
 */
@Injectable()
export class EventConsumer implements OnModuleDestroy {
  private readonly logger = new Logger(EventConsumer.name);
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: KafkaProducer,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  onModuleDestroy(): void {
    this.stopping = true;
  }

  async handle<P extends object>(
    definition: EventDefinition<P>,
    value: unknown,
    context: KafkaContext,
    handler: EventHandler<P>,
  ): Promise<void> {
    const consumer = `${this.options.kafka.groupId}/${definition.topic}`;
    for (let attempt = 1; ; attempt++) {
      try {
        const event = await decodeEvent(definition, value);
        await this.dataSource.transaction(async (manager) => {
          if (await claimEvent(manager, event.id, consumer)) await handler(event, manager);
        });
        return;
      } catch (error) {
        const decision = decideFailure(error, attempt, this.options.consumer);
        if (decision.action === 'dead-letter') {
          await this.deadLetter(definition, context, decision.reason);
          return;
        }
        if (this.stopping) throw error;
        this.logger.warn(
          `${definition.topic}[${context.getPartition()}]@${context.getMessage().offset}: attempt ${attempt} failed (${(error as Error).message}); retrying in ${decision.delayMs} ms`,
        );
        await sleep(decision.delayMs);
        // Throws if the group is rebalancing: the message then goes to the new owner.
        await context.getHeartbeat()();
      }
    }
  }

  private async deadLetter(definition: EventDefinition<object>, context: KafkaContext, reason: string): Promise<void> {
    const message = context.getMessage();
    const value = message.value as unknown;
    const key = message.key as unknown;
    this.logger.error(`${definition.topic}[${context.getPartition()}]@${message.offset} dead-lettered: ${reason}`);
    await this.producer.send([
      {
        topic: deadLetterTopicOf(definition.topic),
        key: key === null || key === undefined ? '' : String(key),
        value: typeof value === 'string' || Buffer.isBuffer(value) ? value.toString() : JSON.stringify(value),
        headers: {
          'vigie-dlq-reason': reason.slice(0, 4000),
          'vigie-dlq-topic': context.getTopic(),
          'vigie-dlq-partition': String(context.getPartition()),
          'vigie-dlq-offset': String(message.offset),
          'vigie-dlq-consumer': this.options.kafka.groupId,
          'vigie-dlq-at': new Date().toISOString(),
        },
      },
    ]);
  }
}
