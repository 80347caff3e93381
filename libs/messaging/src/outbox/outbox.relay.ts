import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CORRELATION_ID_HEADER, Metrics, startPublishSpan } from '@vigie/observability';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';
import { DrainLoop } from '../drain-loop';
import { KafkaProducer } from '../kafka/kafka.producer';
import { MESSAGING_OPTIONS } from '../kafka/kafka.tokens';
import type { MessagingOptions } from '../messaging.options';
import { readOutboxBacklog } from './outbox.backlog';

/** A row of a publication round: `held` says whether this round got the schema's relay lock;
 * the event's columns are null when it published nothing. */
interface RoundRow {
  held: boolean;
  position: string | null;
  topic: string;
  message_key: string;
  envelope: { type: string; correlationId: string };
  headers: Record<string, string>;
  created_at: Date;
}

/** Tries the schema's relay lock (once, materialised) and, if this round got it, marks the oldest
 * pending rows published, in the transaction that commits once Kafka has them. The same round
 * makes that commit asynchronous (`synchronous_commit` off for this transaction only): lost in a
 * crash, the mark only republishes rows Kafka already has, in their order, and consumers skip
 * events they handled (ADR 44). If the send fails the transaction rolls back. There is always a
 * first row, which says whether the lock was held. */
export const OUTBOX_PUBLISH: PreparedStatement = {
  name: 'messaging.outbox-publish',
  text: `WITH round AS MATERIALIZED (SELECT pg_try_advisory_xact_lock(hashtext($1)) AS held),
         published AS (
           UPDATE outbox SET published_at = now()
           WHERE id IN (
             SELECT id FROM outbox
             WHERE published_at IS NULL AND (SELECT held FROM round)
               AND (SELECT set_config('synchronous_commit', 'off', true) = 'off')
             ORDER BY position LIMIT $2 FOR UPDATE)
           RETURNING position, topic, message_key, envelope, headers, created_at)
         SELECT round.held, published.* FROM round LEFT JOIN published ON true ORDER BY published.position`,
};

/** How soon a relay that found another instance publishing tries again (the other instance's
 * round may have begun before this process's rows committed), doubling while it stays busy, up
 * to the poll interval. */
export const LOCK_BUSY_RETRY_MS = 20;

/**
 * Publishes outbox rows to Kafka in insertion order. The process that wrote rows wakes its relay
 * as its transaction commits (Outbox, ADR 50), so publication starts within a millisecond; a slow
 * poll catches rows other processes left (an instance that stopped). An advisory lock lets one
 * instance drain at a time, which keeps per-key order across instances; a relay that finds it
 * taken tries again shortly, since the instance holding it may have read the outbox before this
 * one's rows committed. Rows are marked published only after the broker acknowledged them
 * (acks=-1): a crash in between republishes them, and consumers are idempotent.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private loop: DrainLoop | null = null;
  /** Rounds in a row that found the relay lock taken by another instance. */
  private busyRounds = 0;
  private readonly published: OutboxMetrics;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: KafkaProducer,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Optional() metrics?: Metrics,
  ) {
    this.published = new OutboxMetrics(metrics ?? new Metrics(), dataSource);
  }

  onApplicationBootstrap(): void {
    this.loop = new DrainLoop(async () => (await this.publishBatch()) === this.options.outbox.batchSize, {
      name: 'outbox publication',
      logger: this.logger,
      intervalMs: this.options.outbox.pollIntervalMs,
      retry: { baseDelayMs: 200, maxDelayMs: 5000 },
    });
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop?.stop();
  }

  /** Asks for a drain; requests that arrive while one runs are coalesced. */
  wake(): void {
    this.loop?.wake();
  }

  /**
   * Publishes up to one batch; returns how many rows it published. Three round trips to
   * PostgreSQL whatever the batch: BEGIN; one statement that takes the schema's relay lock, makes
   * the commit asynchronous and marks the oldest rows published, returning them; once Kafka
   * acknowledged them, COMMIT. If the send fails the transaction rolls back and the rows stay
   * pending. If another instance holds the lock, the next try is LOCK_BUSY_RETRY_MS away or more.
   */
  private async publishBatch(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const round = await runPrepared<RoundRow>(runner.manager, OUTBOX_PUBLISH, [
        `vigie.outbox.${this.options.schema}`,
        this.options.outbox.batchSize,
      ]);
      this.busyRounds = round[0]?.held === false ? this.busyRounds + 1 : 0;
      if (this.busyRounds > 0) {
        const delay = Math.min(LOCK_BUSY_RETRY_MS * 2 ** (this.busyRounds - 1), this.options.outbox.pollIntervalMs);
        setTimeout(() => this.wake(), delay).unref();
      }
      const rows = round.filter((row) => row.position !== null);
      if (rows.length > 0) {
        const spans = rows.map((row) => startPublishSpan(row.topic, row.headers));
        try {
          await this.producer.send(
            rows.map((row, index) => ({
              topic: row.topic,
              key: row.message_key,
              value: JSON.stringify(row.envelope),
              headers: {
                ...row.headers,
                ...spans[index].headers,
                'vigie-event-type': row.envelope.type,
                [CORRELATION_ID_HEADER]: row.envelope.correlationId,
              },
            })),
          );
        } finally {
          for (const span of spans) span.end();
        }
      }
      await runner.commitTransaction();
      this.published.observe(rows);
      return rows.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}

/** The outbox as Prometheus sees it: backlog and its age read at scrape time, publications counted. */
class OutboxMetrics {
  private readonly events;
  private readonly delay;

  constructor(metrics: Metrics, dataSource: DataSource) {
    this.events = metrics.counter({
      name: 'vigie_outbox_published_events_total',
      help: 'Events the outbox relay published to Kafka, by topic',
      labelNames: ['topic'],
    });
    this.delay = metrics.histogram({
      name: 'vigie_outbox_publish_delay_seconds',
      help: 'Time from an event written to the outbox to its publication acknowledged by Kafka',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    });
    metrics.gaugesOfRead(() => readOutboxBacklog(dataSource), {
      pending: {
        name: 'vigie_outbox_pending_events',
        help: 'Events written to the outbox and not yet published to Kafka',
      },
      oldestSeconds: {
        name: 'vigie_outbox_oldest_pending_age_seconds',
        help: 'Age of the oldest event not yet published (0 when none waits)',
      },
    });
  }

  observe(rows: { topic: string; created_at: Date }[]): void {
    const now = Date.now();
    for (const row of rows) {
      this.events.inc({ topic: row.topic });
      this.delay.observe((now - new Date(row.created_at).getTime()) / 1000);
    }
  }
}
