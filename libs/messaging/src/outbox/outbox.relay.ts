import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';
import { DataSource } from 'typeorm';
import { KafkaProducer } from '../kafka/kafka.producer';
import { MESSAGING_OPTIONS } from '../kafka/kafka.tokens';
import type { MessagingOptions } from '../messaging.options';
import { DrainLoop } from '../drain-loop';

interface PendingRow {
  topic: string;
  message_key: string;
  envelope: { type: string; correlationId: string };
}

/** Takes the schema's relay lock (an InitPlan, evaluated once: without it no row is selected) and
 * marks the oldest pending rows published, in the transaction that commits once Kafka has them. */
const PUBLISH: PreparedStatement = {
  name: 'messaging.outbox-publish',
  text: `WITH published AS (
           UPDATE outbox SET published_at = now()
           WHERE id IN (
             SELECT id FROM outbox
             WHERE published_at IS NULL AND (SELECT pg_try_advisory_xact_lock(hashtext($1)))
             ORDER BY position LIMIT $2 FOR UPDATE)
           RETURNING position, topic, message_key, envelope)
         SELECT * FROM published ORDER BY position`,
};

/**
 * Publishes outbox rows to Kafka in insertion order. An insert trigger NOTIFYs at commit, so
 * the relay wakes within milliseconds; a slow poll catches anything a lost notification left.
 * An advisory lock lets one instance drain at a time, which keeps per-key order across
 * instances. Rows are marked published only after the broker acknowledged them (acks=-1):
 * a crash in between republishes them, and consumers are idempotent.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener: Client | null = null;
  private loop: DrainLoop | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: KafkaProducer,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.loop = new DrainLoop(async () => (await this.publishBatch()) === this.options.outbox.batchSize, {
      name: 'outbox publication',
      logger: this.logger,
      intervalMs: this.options.outbox.pollIntervalMs,
      retry: { baseDelayMs: 200, maxDelayMs: 5000 },
    });
    await this.listen();
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.loop?.stop();
    await this.listener?.end().catch(() => undefined);
  }

  /** Asks for a drain; requests that arrive while one runs are coalesced. */
  wake(): void {
    this.loop?.wake();
  }

  /**
   * Publishes up to one batch; returns how many rows it published. Three round trips to
   * PostgreSQL whatever the batch: BEGIN; one statement that takes the schema's relay lock and
   * marks the oldest rows published, returning them; COMMIT once Kafka acknowledged them. If
   * the send fails the transaction rolls back and the rows stay pending.
   */
  private async publishBatch(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const rows = await runPrepared<PendingRow>(runner.manager, PUBLISH, [
        `vigie.outbox.${this.options.schema}`,
        this.options.outbox.batchSize,
      ]);
      if (rows.length > 0) {
        await this.producer.send(
          rows.map((row) => ({
            topic: row.topic,
            key: row.message_key,
            value: JSON.stringify(row.envelope),
            headers: { 'vigie-event-type': row.envelope.type, 'vigie-correlation-id': row.envelope.correlationId },
          })),
        );
      }
      await runner.commitTransaction();
      return rows.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.options.databaseUrl });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.logger.warn(`outbox listener lost (${error.message}); reconnecting`);
      this.listener = null;
      void client.end().catch(() => undefined);
      setTimeout(() => void this.listen().catch(() => undefined), 1000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN "outbox_${this.options.schema}"`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.listener = client;
      this.wake();
    } catch (error) {
      this.logger.warn(`outbox listener unavailable (${(error as Error).message}); polling only until it reconnects`);
      await client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen().catch(() => undefined), 1000).unref();
    }
  }
}
