import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, Optional, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { EachBatchPayload, KafkaMessage } from 'kafkajs';
import { DataSource, type EntityManager } from 'typeorm';
import { deadLetterTopicOf, type EventDefinition, type EventEnvelope, type Topic } from '@vigie/contracts';
import {
  CORRELATION_ID_HEADER,
  headerStrings,
  inSpan,
  Metrics,
  REQUEST_ID_HEADER,
  runInScope,
  SpanKind,
  traceContextOf,
  type TelemetryScope,
} from '@vigie/observability';
import { claimEvents } from '../inbox/inbox';
import { KafkaProducer } from '../kafka/kafka.producer';
import { MESSAGING_OPTIONS } from '../kafka/kafka.tokens';
import type { MessagingOptions } from '../messaging.options';
import {
  ConsumesMarker,
  type ConsumerTransaction,
  type ConsumesOptions,
  type EventHandler,
} from './consumes.decorator';
import { decodeEvent } from './event.decoder';
import { decideFailure, PoisonMessageError } from './failure.policy';
import { OFFSET_COMMIT_INTERVAL_MS, OffsetCommits } from './offset-commits';

/** Events handled in one transaction, at most. */
export const MAX_EVENTS_PER_TRANSACTION = 100;

interface Subscription {
  definition: EventDefinition<object>;
  handler: EventHandler<object>;
  /** `handled_events.consumer`: the group and the topic. */
  consumer: string;
  /** No inbox and no transaction: see ConsumesOptions. */
  idempotent: boolean;
}

interface Consumed {
  topic: Topic;
  partition: number;
  message: KafkaMessage;
}

interface Decoded extends Consumed {
  event: EventEnvelope<object>;
  /** The request and alert the event belongs to, for every log line written while handling it. */
  scope: TelemetryScope;
  headers: Record<string, string>;
}

/** Events of one topic gathered from the partitions whose batches came together, and their outcome. */
interface Gathering {
  events: Decoded[];
  handled: Promise<void>;
}

/**
 * The one way a Vigie service consumes events: the `@Consumes` handlers found at start-up, fed a
 * partition's batch at a time by the Kafka server. Each event is validated; poison messages go to
 * `<topic>.dlq` with the reason, so the partition keeps flowing. The valid events of a batch are
 * handled in order in one transaction that also records their ids (a redelivered event has no
 * second effect), so a burst costs one commit, not one per event; the batches of a topic's other
 * partitions that the same fetch brought join that transaction, each partition's events in their
 * order (ADR 66). If that transaction fails, the events of each batch in it are handled again one
 * at a time, each retried with backoff and dead-lettered when it
 * cannot succeed. It throws only when the service is shutting down: the offsets not yet resolved
 * are then not committed and their events are handled after restart. Handled offsets are
 * committed about once a second, not after each batch (OffsetCommits, ADR 53).
 */
@Injectable()
export class EventConsumer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(EventConsumer.name);
  private readonly subscriptions = new Map<string, Subscription>();
  /** By topic, the events gathered for a transaction not yet begun: batches that come meanwhile join it. */
  private readonly gathering = new Map<string, Gathering>();
  private stopping = false;
  private readonly counts: ConsumerMetrics;
  private readonly offsets = new OffsetCommits(OFFSET_COMMIT_INTERVAL_MS, (error) =>
    this.logger.debug(`handled offsets not committed (${(error as Error).message}); the next owner skips their events`),
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: KafkaProducer,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Optional() metrics?: Metrics,
  ) {
    this.counts = new ConsumerMetrics(metrics ?? new Metrics());
  }

  onModuleInit(): void {
    for (const wrapper of [...this.discovery.getControllers(), ...this.discovery.getProviders()]) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
        const marked = this.discovery.getMetadataByDecorator(ConsumesMarker, wrapper, method);
        if (marked) this.subscribe(marked, (instance[method] as EventHandler<object>).bind(instance));
      }
    }
  }

  onModuleDestroy(): void {
    this.stopping = true;
    this.offsets.stop();
  }

  /** The topics the service's handlers subscribe to. */
  topics(): string[] {
    return [...this.subscriptions.keys()];
  }

  /** kafkajs `eachBatch` (with `eachBatchAutoResolve: false`): a partition's messages, in order. */
  async consumeBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const heartbeat = () => payload.heartbeat();
    const subscription = this.subscriptions.get(batch.topic);
    if (!subscription) throw new Error(`no handler for topic ${batch.topic}`);
    for (let start = 0; start < batch.messages.length; start += MAX_EVENTS_PER_TRANSACTION) {
      if (!payload.isRunning() || payload.isStale()) return;
      const chunk = batch.messages
        .slice(start, start + MAX_EVENTS_PER_TRANSACTION)
        .map((message) => ({ topic: subscription.definition.topic, partition: batch.partition, message }));
      await this.consumeChunk(subscription, chunk, heartbeat);
      payload.resolveOffset(chunk[chunk.length - 1].message.offset);
      await heartbeat();
    }
    await this.offsets.afterBatch(payload);
  }

  private subscribe(
    { definition, options }: { definition: EventDefinition<object>; options: ConsumesOptions },
    handler: EventHandler<object>,
  ): void {
    if (this.subscriptions.has(definition.topic)) {
      throw new Error(`two handlers consume ${definition.topic} in ${this.options.kafka.groupId}`);
    }
    const consumer = `${this.options.kafka.groupId}/${definition.topic}`;
    this.subscriptions.set(definition.topic, {
      definition,
      handler,
      consumer,
      idempotent: options.idempotent ?? false,
    });
  }

  private async consumeChunk(
    subscription: Subscription,
    chunk: Consumed[],
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const valid: Decoded[] = [];
    for (const consumed of chunk) {
      try {
        const event = decodeEvent(subscription.definition, consumed.message.value);
        const headers = headerStrings(consumed.message.headers);
        const scope = {
          requestId: headers[REQUEST_ID_HEADER],
          correlationId: headers[CORRELATION_ID_HEADER] ?? event.correlationId,
        };
        valid.push({ ...consumed, event, scope, headers });
      } catch (error) {
        if (!(error instanceof PoisonMessageError)) throw error;
        await this.deadLetter(consumed, [error.message, ...error.details].join('; '), 'invalid');
      }
    }
    if (valid.length === 0) return;
    try {
      await this.gathered(subscription, valid);
    } catch (error) {
      if (this.stopping) throw error;
      this.logger.warn(
        `${valid[0].topic}[${valid[0].partition}]: ${valid.length} event(s) not handled together (${(error as Error).message}); handling them one by one`,
      );
      for (const decoded of valid) await this.handleAlone(subscription, decoded, heartbeat);
    }
  }

  /**
   * Handles a batch's valid events in one transaction with those of the topic's other partitions
   * that arrive before it begins: kafkajs hands the partitions of one fetch to concurrent calls,
   * and the transaction begins once they have had their turn (`setImmediate`), so a fetch costs
   * one commit whatever the partitions it spans, and an event alone waits for nothing else. Each
   * batch keeps its order; batches of different partitions have none between them to keep.
   */
  private gathered(subscription: Subscription, events: Decoded[]): Promise<void> {
    const topic = subscription.definition.topic;
    const open = this.gathering.get(topic);
    if (open && open.events.length + events.length <= MAX_EVENTS_PER_TRANSACTION) {
      open.events.push(...events);
      return open.handled;
    }
    const gathered = [...events];
    const handled = new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        if (this.gathering.get(topic)?.events === gathered) this.gathering.delete(topic);
        this.handleTogether(subscription, gathered).then(resolve, reject);
      }),
    );
    this.gathering.set(topic, { events: gathered, handled });
    return handled;
  }

  /**
   * One transaction: claim the events' ids, apply those not handled before, in order, then the work
   * their handlers left for the end. For an idempotent handler, no claim and no transaction: each
   * event of the batch is applied once, and its statements commit as they run.
   */
  private async handleTogether(subscription: Subscription, events: Decoded[]): Promise<void> {
    const lastly: ((manager: EntityManager) => Promise<void>)[] = [];
    const committed: (() => void)[] = [];
    const applied: Decoded[] = [];
    const transaction: ConsumerTransaction = {
      beforeCommit: (work) => lastly.push(work),
      afterCommit: (callback) => committed.push(callback),
    };
    const apply = async (manager: EntityManager, fresh: Set<string>): Promise<void> => {
      for (const decoded of events) {
        // A copy of an event within the batch is applied once, by the first.
        // PostgreSQL returns uuids in lower case, whatever case the producer wrote.
        if (!fresh.delete(decoded.event.id.toLowerCase())) continue;
        applied.push(decoded);
        await runInScope(decoded.scope, () =>
          inSpan(
            `process ${decoded.topic}`,
            {
              parent: traceContextOf(decoded.headers),
              kind: SpanKind.CONSUMER,
              attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': decoded.topic },
            },
            () => subscription.handler(decoded.event, manager, transaction),
          ),
        );
      }
      for (const work of lastly) await work(manager);
    };
    const ids = events.map(({ event }) => event.id);
    if (subscription.idempotent) {
      await apply(this.dataSource.manager, new Set(ids.map((id) => id.toLowerCase())));
    } else {
      await this.dataSource.transaction(async (manager) =>
        apply(manager, await claimEvents(manager, ids, subscription.consumer)),
      );
    }
    for (const callback of committed) callback();
    for (const { topic, partition, message, event, scope } of applied) {
      this.counts.handled.inc({ topic });
      runInScope(scope, () => this.logger.log(`handled ${event.type} ${topic}[${partition}]@${message.offset}`));
    }
  }

  /** One event in its own transaction, retried while the failure policy says so. */
  private async handleAlone(
    subscription: Subscription,
    decoded: Decoded,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.handleTogether(subscription, [decoded]);
        return;
      } catch (error) {
        const decision = decideFailure(error, attempt, this.options.consumer);
        if (decision.action === 'dead-letter') {
          await this.deadLetter(decoded, decision.reason, 'failed');
          return;
        }
        if (this.stopping) throw error;
        this.counts.retried.inc({ topic: decoded.topic });
        this.logger.warn(
          `${decoded.topic}[${decoded.partition}]@${decoded.message.offset}: attempt ${attempt} failed (${(error as Error).message}); retrying in ${decision.delayMs} ms`,
        );
        await sleep(decision.delayMs);
        // Throws if the group is rebalancing: the message then goes to the new owner.
        await heartbeat();
      }
    }
  }

  private async deadLetter(
    { topic, partition, message }: Consumed,
    reason: string,
    kind: 'invalid' | 'failed',
  ): Promise<void> {
    this.logger.error(`${topic}[${partition}]@${message.offset} dead-lettered: ${reason}`);
    this.counts.deadLettered.inc({ topic, reason: kind });
    await this.producer.send([
      {
        topic: deadLetterTopicOf(topic),
        key: message.key?.toString() ?? '',
        value: message.value ?? '',
        headers: {
          'vigie-dlq-reason': reason.slice(0, 4000),
          'vigie-dlq-topic': topic,
          'vigie-dlq-partition': String(partition),
          'vigie-dlq-offset': String(message.offset),
          'vigie-dlq-consumer': this.options.kafka.groupId,
          'vigie-dlq-at': new Date().toISOString(),
        },
      },
    ]);
  }
}

/** What the consumer counts: events applied, attempts retried, events dead-lettered (invalid or failing). */
class ConsumerMetrics {
  readonly handled;
  readonly retried;
  readonly deadLettered;

  constructor(metrics: Metrics) {
    this.handled = metrics.counter({
      name: 'vigie_events_handled_total',
      help: 'Events applied by this service (a redelivered event is counted once, unless its handler is idempotent by itself), by topic',
      labelNames: ['topic'],
    });
    this.retried = metrics.counter({
      name: 'vigie_events_retried_total',
      help: 'Failed attempts at handling an event that were retried, by topic',
      labelNames: ['topic'],
    });
    this.deadLettered = metrics.counter({
      name: 'vigie_events_dead_lettered_total',
      help: 'Events sent to the dead-letter topic, by topic and reason (invalid: poison message; failed: retries exhausted)',
      labelNames: ['topic', 'reason'],
    });
  }
}
