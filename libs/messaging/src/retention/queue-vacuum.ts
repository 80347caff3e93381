import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MESSAGING_OPTIONS } from '../kafka/kafka.tokens';
import type { MessagingOptions } from '../messaging.options';
import { PeriodicJob, type PeriodicJobSchedule } from '../periodic-job';

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Vacuums the service's queue tables (outbox, inbox, deliveries) itself once enough of their
 * rows are dead, whatever the server's autovacuum does. Every row of these tables is updated or
 * deleted within seconds of its insertion, and each dead version keeps an entry in the
 * pending-row index that every poll walks: left alone for a run of a few minutes, the relay's
 * and the dispatcher's statements grow several times dearer. Autovacuum is the right tool where
 * it runs with the tables' own thresholds (the queue-tables migrations set them), but it may be
 * off or throttled on a shared or managed server; this job makes the service's cost independent
 * of that. `SKIP_LOCKED`: an instance never waits for another's vacuum of the same table.
 */
@Injectable()
export class QueueVacuum extends PeriodicJob {
  protected readonly logger = new Logger(QueueVacuum.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    super();
    const bad = options.vacuum.tables.filter((table) => !TABLE_NAME.test(table));
    if (bad.length > 0) throw new Error(`queue tables must be plain names: ${bad.join(', ')}`);
  }

  protected schedule(): PeriodicJobSchedule | null {
    const { intervalMs } = this.options.vacuum;
    return intervalMs === 0 ? null : { name: 'queue vacuum', intervalMs };
  }

  protected async tick(): Promise<boolean> {
    await this.round();
    return false;
  }

  /** Vacuums every queue table with at least `deadRows` dead rows; returns the tables vacuumed. */
  async round(): Promise<string[]> {
    const { schema, vacuum } = this.options;
    // The statistics lag their tables by a second or so: enough to decide, not to count.
    const due = await this.dataSource.query<{ relname: string }[]>(
      `SELECT relname FROM pg_stat_user_tables
       WHERE schemaname = $1 AND relname = ANY($2::text[]) AND n_dead_tup >= $3 ORDER BY n_dead_tup DESC`,
      [schema, vacuum.tables, vacuum.deadRows],
    );
    for (const { relname } of due) {
      // Outside any transaction, as VACUUM must be: a pool connection of its own.
      await this.dataSource.query(`VACUUM (SKIP_LOCKED) "${schema}"."${relname}"`);
    }
    return due.map((row) => row.relname);
  }
}
