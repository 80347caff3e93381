import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RetentionSweeper } from '@vigie/platform';
import { INGESTION_CONFIG, type IngestionConfig } from '../config';

/**
 * Data protection: erases the personal data of alerts flagged as holding some once the
 * retention period is over, and forgets idempotency keys after a day.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnModuleDestroy {
  private sweeper: RetentionSweeper | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(INGESTION_CONFIG) private readonly config: IngestionConfig,
  ) {}

  onApplicationBootstrap(): void {
    const { retention } = this.config;
    this.sweeper = new RetentionSweeper(this.dataSource, {
      targets: [
        {
          table: 'alerts',
          column: 'snapshot',
          path: [],
          due: "personal_data AND sent < now() - $1 * interval '1 second'",
        },
      ],
      retentionSeconds: retention.personalDataSeconds,
      intervalMs: retention.sweepIntervalMs,
      logger: new Logger(RetentionJob.name),
      alsoRun: async () => {
        await this.dataSource.query(
          "DELETE FROM idempotency_keys WHERE created_at < now() - $1 * interval '1 second'",
          [retention.idempotencyKeySeconds],
        );
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.sweeper?.stop();
  }
}
