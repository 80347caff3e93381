import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { KafkaProducer } from '../kafka/kafka.producer';
import { MESSAGING_OPTIONS } from '../kafka/kafka.tokens';
import type { MessagingOptions } from '../messaging.options';
import { DrainLoop } from '../drain-loop';

interface PendingRow {
  id: string;
  topic: string;
  message_key: string;
  envelope: { type: string; correlationId: string };
}

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

  /** Publishes up to one batch; returns how many rows it published. */
  private async publishBatch(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [
        `vigie.outbox.${this.options.schema}`,
      ])) as { locked: boolean }[];
      if (!locked) {
        await runner.commitTransaction();
        return 0;
      }
      const rows = (await runner.query(
        'SELECT id, topic, message_key, envelope FROM outbox WHERE published_at IS NULL ORDER BY position LIMIT $1 FOR UPDATE',
        [this.options.outbox.batchSize],
      )) as PendingRow[];
      if (rows.length > 0) {
        await this.producer.send(
          rows.map((row) => ({
            topic: row.topic,
            key: row.message_key,
            value: JSON.stringify(row.envelope),
            headers: { 'vigie-event-type': row.envelope.type, 'vigie-correlation-id': row.envelope.correlationId },
          })),
        );
        await runner.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::uuid[])', [
          rows.map((r) => r.id),
        ]);
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
