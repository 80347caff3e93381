import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';
import { MESSAGING_OPTIONS } from '../kafka/kafka.tokens';
import type { MessagingOptions } from '../messaging.options';
import { PeriodicJob, type PeriodicJobSchedule } from '../periodic-job';

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * The schema's tables due for a vacuum or an analysis, most dead rows first. Prepared: parsing
 * and planning it over the statistics views cost PostgreSQL 3.7 ms a round on average, five
 * times its execution (statement log of a bench run).
 * The statistics lag their tables by a second or so: enough to decide, not to count.
 */
const TABLES_DUE: PreparedStatement = {
  name: 'messaging.tables-due',
  text: `SELECT * FROM (
           SELECT s.relname, s.n_dead_tup,
                  s.relname = ANY($2::text[]) AND s.n_dead_tup >= $3 AS vacuum,
                  s.n_live_tup >= 2 * greatest(c.reltuples, 0) + current_setting('autovacuum_analyze_threshold')::float8
                    AS analyse
           FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
           WHERE s.schemaname = $1) AS t
         WHERE vacuum OR "analyse" ORDER BY n_dead_tup DESC, relname`,
};

/** What one round found due and did: tables vacuumed, tables analysed. */
export interface UpkeepRound {
  vacuumed: string[];
  analysed: string[];
}

/**
 * Keeps the service's tables fit for its statements itself, whatever the server's autovacuum
 * does (it may be off or throttled on a shared or managed server):
 *
 * - **vacuum** (ADR 38): its queue tables (outbox, inbox, deliveries) once enough of their rows
 *   are dead. Every row of these tables is updated or deleted within seconds of its insertion,
 *   and each dead version keeps an entry in the pending-row index that every poll walks.
 * - **analyse** (ADR 49): every table of its schema once it holds more than twice the rows
 *   PostgreSQL last counted for it (at its last analysis or vacuum), plus
 *   `autovacuum_analyze_threshold` (50 by default); a table never counted as if it held none. The hot path's statements are prepared, and a
 *   connection keeps the generic plan it made for one until its tables' statistics change; a
 *   plan made while a table was empty reads the whole table however large it grows. A table
 *   that keeps its size (a queue) keeps its plans and is not analysed again: its statistics
 *   would cost far more to refresh than the plans gain.
 *
 * `SKIP_LOCKED`: an instance never waits for another's vacuum or analysis of the same table.
 */
@Injectable()
export class TableUpkeep extends PeriodicJob {
  protected readonly logger = new Logger(TableUpkeep.name);

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
    return intervalMs === 0 ? null : { name: 'table upkeep', intervalMs };
  }

  protected async tick(): Promise<boolean> {
    await this.round();
    return false;
  }

  /** Vacuums and analyses the tables that are due. */
  async round(): Promise<UpkeepRound> {
    const { schema, vacuum } = this.options;
    const due = await runPrepared<{ relname: string; vacuum: boolean; analyse: boolean }>(this.dataSource, TABLES_DUE, [
      schema,
      vacuum.tables,
      vacuum.deadRows,
    ]);
    const done: UpkeepRound = { vacuumed: [], analysed: [] };
    for (const { relname, vacuum: vacuumIt, analyse } of due) {
      if (!TABLE_NAME.test(relname)) continue;
      const options = ['SKIP_LOCKED', ...(vacuumIt && analyse ? ['ANALYZE'] : [])].join(', ');
      // Outside any transaction, as VACUUM must be: a pool connection of its own.
      await this.dataSource.query(`${vacuumIt ? 'VACUUM' : 'ANALYZE'} (${options}) "${schema}"."${relname}"`);
      if (vacuumIt) done.vacuumed.push(relname);
      if (analyse) done.analysed.push(relname);
    }
    return done;
  }
}
