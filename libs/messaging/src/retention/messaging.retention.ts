import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runPrepared } from '@vigie/persistence';
import { MESSAGING_OPTIONS } from '../kafka/kafka.tokens';
import type { MessagingOptions } from '../messaging.options';
import { PeriodicJob, type PeriodicJobSchedule } from '../periodic-job';

const BATCH = 5000;

/** Deletes, a batch at a time, the rows of `table` older than `seconds` by `column`; returns how many. */
async function purge(dataSource: DataSource, table: string, condition: string, seconds: number): Promise<number> {
  let deleted = 0;
  for (;;) {
    // Through pg itself: TypeORM answers a DELETE with [rows, count], not the rows.
    const rows = await runPrepared(
      dataSource,
      {
        name: `messaging.purge-${table}`,
        text: `DELETE FROM ${table} WHERE ctid IN (
               SELECT ctid FROM ${table} WHERE ${condition} < now() - $1::int * interval '1 second' LIMIT ${BATCH})
             RETURNING 1`,
      },
      [seconds],
    );
    deleted += rows.length;
    if (rows.length < BATCH) return deleted;
  }
}

/**
 * The messaging tables keep nothing for ever: an outbox row (a whole event, an alert's free text
 * included) is deleted once published and older than the outbox retention; a handled-event record
 * once older than its own. Unpublished rows are never deleted, whatever their age.
 */
@Injectable()
export class MessagingRetention extends PeriodicJob {
  protected readonly logger = new Logger(MessagingRetention.name);
  /** A service that consumes no event (the registry) has no handled-events table; known after the first sweep. */
  private inbox: boolean | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    super();
  }

  protected schedule(): PeriodicJobSchedule {
    return { name: 'messaging retention', intervalMs: this.options.retention.sweepIntervalMs, atStart: true };
  }

  protected async tick(): Promise<boolean> {
    await this.sweep();
    return false;
  }

  /** One pass; returns how many rows it deleted. */
  async sweep(): Promise<number> {
    const { outboxSeconds, handledEventsSeconds } = this.options.retention;
    const published = await purge(this.dataSource, 'outbox', 'published_at', outboxSeconds);
    if (this.inbox === null) {
      const [row] = await this.dataSource.query<{ inbox: boolean }[]>(
        `SELECT to_regclass('handled_events') IS NOT NULL AS inbox`,
      );
      this.inbox = row.inbox;
    }
    const handled = this.inbox ? await purge(this.dataSource, 'handled_events', 'handled_at', handledEventsSeconds) : 0;
    if (published + handled > 0) {
      this.logger.log(`deleted ${published} published outbox rows and ${handled} handled-event records`);
    }
    return published + handled;
  }
}
