import { withoutPersonalData, type AlertSnapshot } from '@vigie/contracts';
import type { DataSource } from 'typeorm';

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
      const rows = (await manager.query(
        `SELECT id, ${alertPath} AS alert FROM ${target.table}
         WHERE personal_data_erased_at IS NULL AND (${alertPath}->>'personalData')::boolean AND ${target.due}
         LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [retentionSeconds],
      )) as { id: string; alert: AlertSnapshot }[];
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
