import { randomUUID } from 'node:crypto';
import { alertCounts } from '../../apps/alert-ingestion/src/alerts/alerts.queries';
import { INGESTION_TABLES } from '../../apps/alert-ingestion/src/tables';
import { ownSchema } from './own-schema';

/**
 * The statistics query of the alerts query module against the real PostgreSQL: which alerts it
 * counts, in which groupings, and on which day (Europe/Paris) an alert sent around midnight falls.
 */

describe('alert counts on the real PostgreSQL', () => {
  const db = ownSchema('alert_counts', INGESTION_TABLES);

  async function alert(fields: {
    sent: string;
    department: string;
    eventCode?: string;
    severity?: string;
    status?: string;
    msgType?: string;
  }): Promise<void> {
    const id = randomUUID();
    await db.dataSource.query(
      `INSERT INTO alerts (id, original_alert_id, sender_organisation_id, sent, status, msg_type, department,
         event_code, severity, tlp, personal_data, snapshot, identifier)
       VALUES ($1::uuid, $1::uuid, $2, $3, $4, $5, $6, $7, $8, 'TLP:GREEN', false, '{}'::jsonb, $1::text)`,
      [
        id,
        randomUUID(),
        fields.sent,
        fields.status ?? 'Actual',
        fields.msgType ?? 'Alert',
        fields.department,
        fields.eventCode ?? 'THEFT',
        fields.severity ?? 'Moderate',
      ],
    );
  }

  beforeAll(async () => {
    // 23:30 UTC on 1 December is 00:30 on 2 December in Paris (UTC+1 in winter).
    await alert({ sent: '2026-12-01T23:30:00Z', department: '69', eventCode: 'THEFT', severity: 'Severe' });
    await alert({ sent: '2026-12-01T10:00:00Z', department: '69', eventCode: 'THEFT', severity: 'Moderate' });
    await alert({ sent: '2026-12-01T11:00:00Z', department: '87', eventCode: 'FRAUD', severity: 'Moderate' });
    // Not counted: an exercise, an update, and alerts outside the window.
    await alert({ sent: '2026-12-01T12:00:00Z', department: '69', status: 'Exercise' });
    await alert({ sent: '2026-12-01T12:00:00Z', department: '69', msgType: 'Update' });
    await alert({ sent: '2026-11-30T22:59:59Z', department: '69' });
    await alert({ sent: '2026-12-03T00:00:00Z', department: '69' });
  });

  const window = { from: new Date('2026-11-30T23:00:00Z'), to: new Date('2026-12-03T00:00:00Z') };

  it('counts new real alerts of the window in every grouping, days in Paris time', async () => {
    const counts = await alertCounts(db.dataSource.manager, { ...window, departments: null });
    const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sorted(counts.byDepartment)).toEqual([
      { department: '69', count: 2 },
      { department: '87', count: 1 },
    ]);
    expect(sorted(counts.byEventCode)).toEqual([
      { eventCode: 'FRAUD', count: 1 },
      { eventCode: 'THEFT', count: 2 },
    ]);
    expect(sorted(counts.bySeverity)).toEqual([
      { severity: 'Moderate', count: 2 },
      { severity: 'Severe', count: 1 },
    ]);
    expect(sorted(counts.byDayAndSeverity)).toEqual([
      { day: '2026-12-01', severity: 'Moderate', count: 2 },
      { day: '2026-12-02', severity: 'Severe', count: 1 },
    ]);
    expect(sorted(counts.byDayAndEventCode)).toEqual([
      { day: '2026-12-01', eventCode: 'FRAUD', count: 1 },
      { day: '2026-12-01', eventCode: 'THEFT', count: 1 },
      { day: '2026-12-02', eventCode: 'THEFT', count: 1 },
    ]);
  });

  it('counts only the départements asked for, and nothing for an empty list', async () => {
    const only87 = await alertCounts(db.dataSource.manager, { ...window, departments: ['87'] });
    expect(only87.byDepartment).toEqual([{ department: '87', count: 1 }]);
    expect(only87.bySeverity).toEqual([{ severity: 'Moderate', count: 1 }]);
    const none = await alertCounts(db.dataSource.manager, { ...window, departments: [] });
    expect(none).toEqual({
      byDepartment: [],
      byEventCode: [],
      bySeverity: [],
      byDayAndEventCode: [],
      byDayAndSeverity: [],
    });
  });
});
