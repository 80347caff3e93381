import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@vigie/access';
import { countedDepartments, statisticsScope } from '@vigie/contracts';
import { ForbiddenError, InvalidRequestError } from '@vigie/platform';
import { alertCounts, type AlertCounts } from '../alerts/alerts.queries';
import type { AlertStatisticsQuery, AlertStatisticsView } from './alert-statistics.dto';

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;

/**
 * Counts of new real alerts over a window, grouped in PostgreSQL (one statement, grouping sets,
 * read from ix_alerts_statistics): never a row per alert in memory, and never any content.
 */
@Injectable()
export class AlertStatisticsService {
  constructor(private readonly dataSource: DataSource) {}

  async count(query: AlertStatisticsQuery, caller: Caller): Promise<AlertStatisticsView> {
    const scope = statisticsScope(caller);
    if (scope === undefined) throw new ForbiddenError('statistics are for prefectures and the national level');
    const { from, to } = window(query);
    const departments = countedDepartments(scope, query.department);
    const counts = await alertCounts(this.dataSource.manager, { from, to, departments });
    return figures(from, to, departments, counts);
  }
}

/** The window asked for, with its defaults and bounds; a refusal names the field. */
export function window(query: Pick<AlertStatisticsQuery, 'from' | 'to'>, now = new Date()): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_DAYS * DAY_MS);
  if (from.getTime() >= to.getTime()) {
    throw new InvalidRequestError([{ field: 'from', problems: ['from must be before to'] }]);
  }
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) {
    throw new InvalidRequestError([{ field: 'from', problems: [`the window is at most ${MAX_DAYS} days`] }]);
  }
  return { from, to };
}

function figures(from: Date, to: Date, departments: string[] | null, counts: AlertCounts): AlertStatisticsView {
  const total = counts.byDepartment.reduce((sum, row) => sum + row.count, 0);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    departments,
    total,
    byDepartment: counts.byDepartment.sort((a, b) => a.department.localeCompare(b.department)),
    byEventCode: counts.byEventCode.sort((a, b) => b.count - a.count || a.eventCode.localeCompare(b.eventCode)),
    bySeverity: counts.bySeverity.sort((a, b) => b.count - a.count || a.severity.localeCompare(b.severity)),
    byDayAndEventCode: counts.byDayAndEventCode.sort(
      (a, b) => a.day.localeCompare(b.day) || a.eventCode.localeCompare(b.eventCode),
    ),
    byDayAndSeverity: counts.byDayAndSeverity.sort(
      (a, b) => a.day.localeCompare(b.day) || a.severity.localeCompare(b.severity),
    ),
  };
}
