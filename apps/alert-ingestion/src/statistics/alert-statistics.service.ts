import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { statisticsScopeOf, type Caller } from '@vigie/access';
import { countedDepartments, statisticsWindow } from '@vigie/contracts';
import { InvalidRequestError } from '@vigie/platform';
import { alertCounts, type AlertCounts } from '../alerts/alerts.queries';
import type { AlertStatisticsQuery, AlertStatisticsView } from './alert-statistics.dto';

/**
 * Counts of new real alerts over a window, grouped in PostgreSQL (one statement, grouping sets,
 * read from ix_alerts_statistics): never a row per alert in memory, and never any content.
 */
@Injectable()
export class AlertStatisticsService {
  constructor(private readonly dataSource: DataSource) {}

  async count(query: AlertStatisticsQuery, caller: Caller): Promise<AlertStatisticsView> {
    const scope = statisticsScopeOf(caller);
    const { from, to } = window(query);
    const departments = countedDepartments(scope, query.department);
    const counts = await alertCounts(this.dataSource.manager, { from, to, departments });
    return figures(from, to, departments, counts);
  }
}

/** The window asked for, with its defaults and bounds; a refusal names the field. */
export function window(query: Pick<AlertStatisticsQuery, 'from' | 'to'>, now = new Date()): { from: Date; to: Date } {
  const asked = statisticsWindow(query, now);
  if ('problem' in asked) throw new InvalidRequestError([{ field: 'from', problems: [asked.problem] }]);
  return asked;
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
