import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RetentionSweeper } from '@vigie/platform';
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
      targets: [
        // Every attempt of a delivery sends the same body; retries end hours after routing, long
        // before the period does. One still pending when it ends is sent without the personal data.
        {
          table: 'deliveries',
          column: 'body',
          path: ['alert'],
          due: "created_at < now() - $1 * interval '1 second'",
        },
        {
          table: 'stream_events',
          column: 'data',
          path: ['alert'],
          due: "created_at < now() - $1 * interval '1 second'",
        },
        {
          table: 'escalations',
          column: 'alert',
          path: [],
          due: "status <> 'armed' AND created_at < now() - $1 * interval '1 second'",
        },
      ],
      alsoRun: async () => {
        // The stream is kept for replay only so long.
        await this.dataSource.query(
          "DELETE FROM stream_events WHERE created_at < now() - $1::int * interval '1 second'",
          [this.config.stream.replaySeconds],
        );
        // A finished e-mail delivery keeps its referent id, not the address, past the retention period.
        await this.dataSource.query(
          `UPDATE deliveries SET email_address = 'erased'
           WHERE channel = 'email' AND status IN ('sent', 'dead') AND email_address <> 'erased'
             AND created_at < now() - $1::int * interval '1 second'`,
          [this.config.retention.personalDataSeconds],
        );
      },
      retentionSeconds: this.config.retention.personalDataSeconds,
      intervalMs: this.config.retention.sweepIntervalMs,
      logger: new Logger(RetentionJob.name),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.sweeper?.stop();
  }
}
