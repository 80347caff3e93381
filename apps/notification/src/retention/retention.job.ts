import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { RetentionSweeper } from '@vigie/platform';
import { DataSource } from 'typeorm';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';

/** Data protection: the copies of alerts kept with finished deliveries lose their personal data in time too. */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnModuleDestroy {
  private sweeper: RetentionSweeper | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.sweeper = new RetentionSweeper(this.dataSource, {
      // Pending deliveries keep their exact body: every attempt must send the same signed bytes.
      targets: [
        {
          table: 'deliveries',
          column: 'body',
          path: ['alert'],
          due: "status <> 'pending' AND created_at < now() - $1 * interval '1 second'",
        },
      ],
      retentionSeconds: this.config.retention.personalDataSeconds,
      intervalMs: this.config.retention.sweepIntervalMs,
      logger: new Logger(RetentionJob.name),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.sweeper?.stop();
  }
}
