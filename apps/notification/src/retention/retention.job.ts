import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DrainLoop } from '@vigie/messaging';
import { erasePersonalData } from '@vigie/platform';
import { DataSource } from 'typeorm';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';

/** Data protection: the copies of alerts kept in finished deliveries lose their personal data in time too. */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RetentionJob.name);
  private loop: DrainLoop | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
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

  async sweep(): Promise<number> {
    // Pending deliveries keep their exact body: every attempt must send the same signed bytes.
    const erased = await erasePersonalData(
      this.dataSource,
      {
        table: 'deliveries',
        column: 'body',
        path: ['alert'],
        due: "status <> 'pending' AND created_at < now() - $1 * interval '1 second'",
      },
      this.config.retention.personalDataSeconds,
    );
    if (erased > 0) this.logger.log(`erased the personal data of ${erased} delivered alerts`);
    return erased;
  }
}
