import { EVENT_LABELS_FR } from '@vigie/contracts';
import type { AlertFigures } from '../../clients/statistics.client';
import { SEVERITY, label } from '../../components/labels';

export type TrendDays = 30 | 90;

export function trendDaysOf(asked: unknown): TrendDays {
  return asked === '90' ? 90 : 30;
}

/** One series of a chart: a key (event type or severity), its words, its colour, a count per day. */
export interface Series {
  key: string;
  label: string;
  fill: string;
  counts: number[];
}

export interface Trend {
  days: string[];
  series: Series[];
}

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Every calendar day (Europe/Paris, YYYY-MM-DD) the window touches, oldest first. */
export function daysOf(from: Date, to: Date): string[] {
  const days = new Set<string>();
  for (let at = from.getTime(); at < to.getTime(); at += 3_600_000) days.add(PARIS_DAY.format(new Date(at)));
  days.add(PARIS_DAY.format(new Date(to.getTime() - 1)));
  return [...days];
}

const EVENT_FILLS = [
  '#000091',
  '#e1000f',
  '#18753c',
  '#b34000',
  '#6a6af4',
  '#a558a0',
  '#009081',
  '#716043',
  '#c3992a',
  '#417dc4',
  '#ce614a',
  '#3a3a3a',
];

export const SEVERITY_FILLS: Record<string, string> = {
  Extreme: '#7f1d05',
  Severe: '#d9480f',
  Moderate: '#f4a261',
  Minor: '#91ae4f',
  Unknown: '#929292',
};

function trend(
  days: string[],
  rows: { day: string; key: string; count: number }[],
  order: string[],
  fills: (key: string, index: number) => string,
  words: (key: string) => string,
): Trend {
  const index = new Map(days.map((day, position) => [day, position]));
  const keys = order.filter((key) => rows.some((row) => row.key === key && row.count > 0));
  const series = keys.map((key, position) => {
    const counts = days.map(() => 0);
    for (const row of rows) if (row.key === key && index.has(row.day)) counts[index.get(row.day)!] += row.count;
    return { key, label: words(key), fill: fills(key, position), counts };
  });
  return { days, series };
}

/** Alerts per day by event type, for the event types that occurred. */
export function byEventType(figures: AlertFigures, days: string[]): Trend {
  return trend(
    days,
    figures.byDayAndEventCode.map((row) => ({ day: row.day, key: row.eventCode, count: row.count })),
    Object.keys(EVENT_LABELS_FR),
    (_, position) => EVENT_FILLS[position % EVENT_FILLS.length],
    (key) => label(EVENT_LABELS_FR, key),
  );
}

/** Alerts per day by severity, most severe first. */
export function bySeverity(figures: AlertFigures, days: string[]): Trend {
  return trend(
    days,
    figures.byDayAndSeverity.map((row) => ({ day: row.day, key: row.severity, count: row.count })),
    Object.keys(SEVERITY_FILLS),
    (key) => SEVERITY_FILLS[key],
    (key) => label(SEVERITY, key),
  );
}

/** The same figures as the charts, one line per day and series (semicolons, UTF-8 with BOM, for French spreadsheets). */
export function trendsCsv(events: Trend, severities: Trend): string {
  const lines = ['Jour;Regroupement;Valeur;Nombre d’alertes'];
  for (const [grouping, trendOf] of [
    ['Type d’événement', events],
    ['Gravité', severities],
  ] as const) {
    for (const series of trendOf.series) {
      trendOf.days.forEach((day, position) =>
        lines.push(`${day};${grouping};${series.label};${series.counts[position]}`),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
