import type { PrefectureDelays } from '../../clients/statistics.client';
import { departmentName } from './national.model';

/** The columns the table sorts by (a link per column, no script). */
export type DelaySort = 'departement' | 'mediane' | 'p90' | 'non-acquittees';

export const DELAY_SORTS: DelaySort[] = ['departement', 'mediane', 'p90', 'non-acquittees'];

export function delaySortOf(asked: unknown): DelaySort {
  return DELAY_SORTS.find((sort) => sort === asked) ?? 'mediane';
}

export interface DelayRow {
  department: string;
  label: string;
  escalations: number;
  unacknowledged: number;
  median: string;
  p90: string;
}

/** A delay in words: "45 s", "3 min 20 s", "2 h 05 min"; a dash when nothing was acknowledged. */
export function delayWords(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) {
    const rest = seconds % 60;
    return rest === 0 ? `${Math.floor(seconds / 60)} min` : `${Math.floor(seconds / 60)} min ${rest} s`;
  }
  return `${Math.floor(seconds / 3600)} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')} min`;
}

/** Slowest first for the delays, most first for the counts; unknown delays last; département code to break ties. */
export function delayRows(prefectures: PrefectureDelays[], sort: DelaySort): DelayRow[] {
  const key = (row: PrefectureDelays): number | null =>
    sort === 'mediane' ? row.medianSeconds : sort === 'p90' ? row.p90Seconds : row.unacknowledged;
  const sorted = [...prefectures].sort((a, b) => {
    if (sort !== 'departement') {
      const [x, y] = [key(a), key(b)];
      if (x !== y) return x === null ? 1 : y === null ? -1 : y - x;
    }
    return a.department.localeCompare(b.department);
  });
  return sorted.map((row) => ({
    department: row.department,
    label: `${departmentName(row.department) ?? row.department} (${row.department})`,
    escalations: row.escalations,
    unacknowledged: row.unacknowledged,
    median: delayWords(row.medianSeconds),
    p90: delayWords(row.p90Seconds),
  }));
}
