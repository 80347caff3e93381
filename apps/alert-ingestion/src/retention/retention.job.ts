import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DrainLoop } from '@vigie/messaging';
import { erasePersonalData } from '@vigie/platform';
import { DataSource } from 'typeorm';
import { INGESTION_CONFIG, type IngestionConfig } from '../config';

/**
 * Data protection: erases the personal data of alerts flagged as holding some once the
 * retention period is over, and forgets idempotency keys after a day.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RetentionJob.name);
  private loop: DrainLoop | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(INGESTION_CONFIG) private readonly config: IngestionConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = new DrainLoop(async () => (await this.sweep(), false), {
      name: 'retention sweep',
      logger: this.logger,
      intervalMs: this.config.retention.sweepIntervalMs,
      retry: { baseDelayMs: 1000, maxDelayMs: this.config.retention.sweepIntervalMs },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop?.stop();
  }

  /** One pass; returns how many alerts it erased. */
  async sweep(): Promise<number> {
    const erased = await erasePersonalData(
      this.dataSource,
      {
        table: 'alerts',
        column: 'snapshot',
        path: [],
        due: "personal_data AND sent < now() - $1 * interval '1 second'",
      },
      this.config.retention.personalDataSeconds,
    );
    await this.dataSource.query("DELETE FROM idempotency_keys WHERE created_at < now() - $1 * interval '1 second'", [
      this.config.retention.idempotencyKeySeconds,
    ]);
    if (erased > 0) this.logger.log(`erased the personal data of ${erased} alerts`);
    return erased;
  }
}
