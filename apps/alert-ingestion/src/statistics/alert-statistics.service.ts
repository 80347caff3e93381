import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@vigie/access';
import { countedDepartments, statisticsScope } from '@vigie/contracts';
import { ForbiddenError, InvalidRequestError } from '@vigie/platform';
import type { AlertStatisticsQuery, AlertStatisticsView } from './alert-statistics.dto';

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;

interface GroupRow {
  department: string | null;
  event_code: string | null;
  severity: string | null;
  day: string | null;
  set: number;
  count: string;
}

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
    const rows = await this.dataSource.query<GroupRow[]>(
      `SELECT department, event_code, severity, day,
              GROUPING(department, event_code, severity, day)::int AS set, count(*) AS count
         FROM (SELECT department, event_code, severity,
                      to_char((sent AT TIME ZONE 'Europe/Paris')::date, 'YYYY-MM-DD') AS day
                 FROM alerts
                WHERE msg_type = 'Alert' AND status = 'Actual' AND sent >= $1 AND sent < $2
                  AND ($3::text[] IS NULL OR department = ANY ($3::text[]))) AS counted
        GROUP BY GROUPING SETS ((department), (event_code), (severity), (day, event_code), (day, severity))`,
      [from, to, departments],
    );
    return figures(from, to, departments, rows);
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

// GROUPING(...) bits, most significant first: department, event_code, severity, day.
const BY_DEPARTMENT = 0b0111;
const BY_EVENT = 0b1011;
const BY_SEVERITY = 0b1101;
const BY_DAY_EVENT = 0b1010;
const BY_DAY_SEVERITY = 0b1100;

function figures(from: Date, to: Date, departments: string[] | null, rows: GroupRow[]): AlertStatisticsView {
  const view: AlertStatisticsView = {
    from: from.toISOString(),
    to: to.toISOString(),
    departments,
    total: 0,
    byDepartment: [],
    byEventCode: [],
    bySeverity: [],
    byDayAndEventCode: [],
    byDayAndSeverity: [],
  };
  for (const row of rows) {
    const count = Number(row.count);
    if (row.set === BY_DEPARTMENT) {
      view.byDepartment.push({ department: row.department!, count });
      view.total += count;
    } else if (row.set === BY_EVENT) view.byEventCode.push({ eventCode: row.event_code!, count });
    else if (row.set === BY_SEVERITY) view.bySeverity.push({ severity: row.severity!, count });
    else if (row.set === BY_DAY_EVENT)
      view.byDayAndEventCode.push({ day: row.day!, eventCode: row.event_code!, count });
    else if (row.set === BY_DAY_SEVERITY) view.byDayAndSeverity.push({ day: row.day!, severity: row.severity!, count });
  }
  view.byDepartment.sort((a, b) => a.department.localeCompare(b.department));
  view.byEventCode.sort((a, b) => b.count - a.count || a.eventCode.localeCompare(b.eventCode));
  view.bySeverity.sort((a, b) => b.count - a.count || a.severity.localeCompare(b.severity));
  view.byDayAndEventCode.sort((a, b) => a.day.localeCompare(b.day) || a.eventCode.localeCompare(b.eventCode));
  view.byDayAndSeverity.sort((a, b) => a.day.localeCompare(b.day) || a.severity.localeCompare(b.severity));
  return view;
}
