import type { AlertFigures } from '../../clients/statistics.client';
import { byEventType, bySeverity, daysOf, trendDaysOf, trendsCsv } from './trends.model';

const figures: AlertFigures = {
  from: '2026-11-30T23:00:00.000Z',
  to: '2026-12-03T23:00:00.000Z',
  departments: null,
  total: 4,
  byDepartment: [],
  byEventCode: [],
  bySeverity: [],
  byDayAndEventCode: [
    { day: '2026-12-01', eventCode: 'intrusion', count: 2 },
    { day: '2026-12-03', eventCode: 'fire', count: 1 },
    { day: '2026-12-03', eventCode: 'intrusion', count: 1 },
  ],
  byDayAndSeverity: [
    { day: '2026-12-01', severity: 'Minor', count: 2 },
    { day: '2026-12-03', severity: 'Extreme', count: 2 },
  ],
};

describe('trends model', () => {
  const days = daysOf(new Date(figures.from), new Date(figures.to));

  it('lists every Paris calendar day of the window', () => {
    expect(days).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
  });

  it('gives one series per event type or severity that occurred, with zero days filled', () => {
    const events = byEventType(figures, days);
    expect(events.series.map((series) => [series.label, series.counts])).toEqual([
      ['Intrusion', [2, 0, 1]],
      ['Incendie', [0, 0, 1]],
    ]);
    expect(bySeverity(figures, days).series.map((series) => [series.label, series.counts])).toEqual([
      ['Extrême', [0, 0, 2]],
      ['Mineure', [2, 0, 0]],
    ]);
  });

  it('exports the same figures as CSV and reads the window from the URL', () => {
    const csv = trendsCsv(byEventType(figures, days), bySeverity(figures, days));
    expect(csv.startsWith('\uFEFFJour;Regroupement;Valeur;Nombre d’alertes\r\n')).toBe(true);
    expect(csv).toContain('2026-12-01;Type d’événement;Intrusion;2\r\n');
    expect(csv).toContain('2026-12-03;Gravité;Extrême;2\r\n');
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 2 * 3 + 2 * 3);
    expect(trendDaysOf('90')).toBe(90);
    expect(trendDaysOf('365')).toBe(30);
  });
});
