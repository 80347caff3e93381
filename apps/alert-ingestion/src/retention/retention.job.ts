import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AlertSnapshot } from '@vigie/contracts';
import { DataSource } from 'typeorm';
import { INGESTION_CONFIG, type IngestionConfig } from '../config';
import { withoutPersonalData } from './personal-data';

const BATCH = 500;

/**
 * Data protection: erases the personal data of alerts flagged as holding some once the
 * retention period is over, and forgets idempotency keys after a day. Runs on a timer;
 * several instances share the work (SKIP LOCKED).
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RetentionJob.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(INGESTION_CONFIG) private readonly config: IngestionConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .then(() => undefined)
        .catch((error: Error) => this.logger.warn(`retention sweep failed (${error.message}); next one later`))
        .finally(() => (this.running = null));
    }, this.config.retention.sweepIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; returns how many alerts it erased. */
  async sweep(): Promise<number> {
    let erased = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        const rows = (await manager.query(
          `SELECT id, snapshot FROM alerts
           WHERE personal_data AND personal_data_erased_at IS NULL AND sent < now() - $1 * interval '1 second'
           ORDER BY sent LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [this.config.retention.personalDataSeconds, BATCH],
        )) as { id: string; snapshot: AlertSnapshot }[];
        for (const row of rows) {
          await manager.query('UPDATE alerts SET snapshot = $2, personal_data_erased_at = now() WHERE id = $1', [
            row.id,
            JSON.stringify(withoutPersonalData(row.snapshot)),
          ]);
        }
        return rows.length;
      });
      erased += count;
      if (count < BATCH) break;
    }
    await this.dataSource.query("DELETE FROM idempotency_keys WHERE created_at < now() - $1 * interval '1 second'", [
      this.config.retention.idempotencyKeySeconds,
    ]);
    if (erased > 0) this.logger.log(`erased the personal data of ${erased} alerts`);
    return erased;
  }
}
