import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { KafkaProducer } from '../kafka/kafka.producer';
import { MESSAGING_OPTIONS } from '../kafka/kafka.tokens';
import type { MessagingOptions } from '../messaging.options';
import { backoffDelay } from '../consumer/failure.policy';

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
  private pollTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private drainAgain = false;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: KafkaProducer,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.pollTimer = setInterval(() => this.wake(), this.options.outbox.pollIntervalMs);
    this.pollTimer.unref();
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
  }

  /** Asks for a drain; coalesces requests that arrive while one runs. */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.drainAgain = true;
      return;
    }
    this.draining = this.drainUntilEmpty().finally(() => {
      this.draining = null;
    });
  }

  private async drainUntilEmpty(): Promise<void> {
    do {
      this.drainAgain = false;
      try {
        while (!this.stopped && (await this.publishBatch()) === this.options.outbox.batchSize);
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        const delay = backoffDelay(this.failures, { baseDelayMs: 200, maxDelayMs: 5000 });
        this.logger.warn(`outbox publication failed (${(error as Error).message}); retrying in ${delay} ms`);
        if (!this.stopped) {
          this.retryTimer = setTimeout(() => this.wake(), delay);
          this.retryTimer.unref();
        }
        return;
      }
    } while (this.drainAgain && !this.stopped);
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
