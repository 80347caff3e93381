import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { withoutPersonalData, type AlertSnapshot } from '@vigie/contracts';
import { PeriodicJob, type PeriodicJobSchedule } from '@vigie/messaging';

export interface ErasureTarget {
  /** Table holding copies of alerts; it has `id` and `personal_data_erased_at` columns. */
  table: string;
  /** The jsonb column holding the alert… */
  column: string;
  /** …at this path inside it (empty when the column is the alert itself). */
  path: string[];
  /** SQL telling which rows may be erased ($1 is the retention in seconds). */
  due: string;
}

const BATCH = 500;

/**
 * Erases, in batches, the personal data of the stored copies of alerts flagged as holding
 * some, once their retention period is over. Several instances share the work (SKIP LOCKED).
 * Returns how many rows it erased.
 */
export async function erasePersonalData(
  dataSource: DataSource,
  target: ErasureTarget,
  retentionSeconds: number,
): Promise<number> {
  const alertPath = target.path.length ? `${target.column}#>'{${target.path.join(',')}}'` : target.column;
  let erased = 0;
  for (;;) {
    const count = await dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string; alert: AlertSnapshot }[]>(
        `SELECT id, ${alertPath} AS alert FROM ${target.table}
         WHERE personal_data_erased_at IS NULL AND (${alertPath}->>'personalData')::boolean AND ${target.due}
         LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [retentionSeconds],
      );
      for (const row of rows) {
        const erasedAlert = JSON.stringify(withoutPersonalData(row.alert));
        const value = target.path.length
          ? `jsonb_set(${target.column}, '{${target.path.join(',')}}', $2::jsonb)`
          : '$2::jsonb';
        await manager.query(
          `UPDATE ${target.table} SET ${target.column} = ${value}, personal_data_erased_at = now() WHERE id = $1`,
          [row.id, erasedAlert],
        );
      }
      return rows.length;
    });
    erased += count;
    if (count < BATCH) return erased;
  }
}

export const RETENTION_PLAN = Symbol('RETENTION_PLAN');

/** What a service's retention job erases, how often, and what else it cleans up on each sweep. */
export interface RetentionPlan {
  targets: ErasureTarget[];
  retentionSeconds: number;
  intervalMs: number;
  /** Further clean-up run on every sweep (expired idempotency keys, old stream events…). */
  alsoRun?: (dataSource: DataSource) => Promise<void>;
}

/**
 * A service's retention job: sweeps its copies of alerts on a timer, one sweep at a time.
 * Services provide their RETENTION_PLAN and list this class among their providers.
 */
@Injectable()
export class RetentionJob extends PeriodicJob {
  protected readonly logger = new Logger(RetentionJob.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(RETENTION_PLAN) private readonly plan: RetentionPlan,
  ) {
    super();
  }

  protected schedule(): PeriodicJobSchedule {
    return { name: 'retention sweep', intervalMs: this.plan.intervalMs };
  }

  protected async tick(): Promise<boolean> {
    await this.sweep();
    return false;
  }

  /** One pass over every target; returns how many copies it erased. */
  async sweep(): Promise<number> {
    let erased = 0;
    for (const target of this.plan.targets) {
      erased += await erasePersonalData(this.dataSource, target, this.plan.retentionSeconds);
    }
    await this.plan.alsoRun?.(this.dataSource);
    if (erased > 0) this.logger.log(`erased the personal data of ${erased} stored alerts`);
    return erased;
  }
}
