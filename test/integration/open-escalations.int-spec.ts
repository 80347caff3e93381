import { randomUUID } from 'node:crypto';
import {
  disarmEscalation,
  openEscalationCounts,
  openEscalations,
  type OpenEscalationPosition,
} from '../../apps/notification/src/escalation/escalations.queries';
import { NOTIFICATION_TABLES } from '../../apps/notification/src/tables';
import { ownSchema } from './own-schema';
import { freshIds, insertRouted } from './seed-rows';

/**
 * The open escalations query module against the real PostgreSQL, on a schema of this file's own
 * (its migrations included): scope, order to the microsecond, keyset pages, and who reads a
 * headline (ADR 40).
 */

/** An escalation the tests find in the table, as a row of `beforeAll`'s list. */
type SeededEscalation = [
  id: string,
  department: string,
  tlp: string,
  armedAt: string,
  recipients: string[],
  status?: string,
];

describe('open escalations on the real PostgreSQL', () => {
  const db = ownSchema('open_escalations', NOTIFICATION_TABLES);
  const [sender, rhone, provence, national] = freshIds(4);
  const [red, amber, green, cancelled, completed] = freshIds(5);

  async function escalation(
    id: string,
    options: { department: string; tlp: string; armedAt: string; status?: string; recipients: string[] },
  ): Promise<void> {
    const prefecture = options.department === '13' ? provence : rhone;
    await db.dataSource.query(
      `INSERT INTO escalations (id, alert_id, prefecture_id, alert, status, next_step, next_step_at, created_at)
       VALUES ($1, $1, $2, $3::jsonb, $4, 'deputy', $5::timestamptz + interval '15 minutes', $5)`,
      [
        id,
        prefecture,
        JSON.stringify({
          alertId: id,
          senderOrganisationId: sender,
          tlp: options.tlp,
          location: { department: options.department, commune: '69123', communeName: 'Lyon' },
          info: [{ eventCode: 'intrusion', severity: 'Severe', headline: `Alerte ${options.tlp}` }],
        }),
        options.status ?? 'armed',
        options.armedAt,
      ],
    );
    await insertRouted(
      db.dataSource,
      { id, kind: 'alert', senderOrganisationId: sender, routedAt: options.armedAt },
      { organisationIds: options.recipients, rule: 'test', reason: 'test' },
    );
  }

  const page = (
    readerId: string | null,
    departments: string[] | null = null,
    limit = 10,
    after?: OpenEscalationPosition,
  ) => openEscalations(db.dataSource.manager, { departments, readerId }, { after, limit });

  beforeAll(async () => {
    // RED and AMBER armed in the same millisecond, 100 µs apart; only the named prefecture receives the RED one.
    const seeded: SeededEscalation[] = [
      [red, '69', 'RED', '2026-12-04T20:00:00.000100Z', [rhone]],
      [amber, '69', 'AMBER', '2026-12-04T20:00:00.000200Z', [rhone, national]],
      [green, '13', 'GREEN', '2026-12-04T20:00:01Z', [national]],
      [cancelled, '69', 'GREEN', '2026-12-04T19:00:00Z', [national], 'cancelled'],
      [completed, '13', 'GREEN', '2026-12-04T19:00:00Z', [national], 'completed'],
    ];
    for (const [id, department, tlp, armedAt, recipients, status] of seeded) {
      await escalation(id, { department, tlp, armedAt, recipients, status });
    }
  });

  it('lists the armed ones only, oldest first, with a headline only for the sender and the recipients', async () => {
    const forNational = await page(national);
    expect(forNational.map((row) => row.originalAlertId)).toEqual([red, amber, green]);
    expect(forNational.map((row) => [row.tlp, row.headline, row.contentRestricted])).toEqual([
      ['RED', null, true],
      ['AMBER', 'Alerte AMBER', false],
      ['GREEN', 'Alerte GREEN', false],
    ]);
    expect(forNational[0]).toMatchObject({
      department: '69',
      commune: '69123',
      communeName: 'Lyon',
      eventCode: 'intrusion',
      severity: 'Severe',
      step: 'prefecture',
      prefectureId: rhone,
    });
    expect(forNational[0].deadline!.getTime() - forNational[0].armedAt.getTime()).toBe(15 * 60_000);
    // The prefecture named by the RED alert, and its sender, read it; an administrator (no organisation) does not.
    expect((await page(rhone)).map((row) => row.headline)).toEqual(['Alerte RED', 'Alerte AMBER', null]);
    expect((await page(sender)).every((row) => row.headline !== null)).toBe(true);
    expect((await page(null)).every((row) => row.headline === null && row.contentRestricted)).toBe(true);
  });

  it('keeps to the départements of the scope', async () => {
    expect((await page(provence, ['13'])).map((row) => row.originalAlertId)).toEqual([green]);
    expect((await page(rhone, ['69'])).map((row) => row.originalAlertId)).toEqual([red, amber]);
    expect(await page(rhone, [])).toEqual([]);
    expect(await openEscalationCounts(db.dataSource.manager, null)).toEqual([
      { department: '13', count: 1 },
      { department: '69', count: 2 },
    ]);
    expect(await openEscalationCounts(db.dataSource.manager, ['69'])).toEqual([{ department: '69', count: 2 }]);
  });

  it('pages by (armed at, id) to the microsecond: two escalations of one millisecond, each once', async () => {
    const [first] = await page(national, null, 1);
    expect(first.originalAlertId).toBe(red);
    expect(first.position).toEqual({ armedAt: '2026-12-04T20:00:00.000100Z', id: red });
    const [second] = await page(national, null, 1, first.position);
    expect(second.originalAlertId).toBe(amber);
    const [third] = await page(national, null, 1, second.position);
    expect(third.originalAlertId).toBe(green);
    expect(await page(national, null, 1, third.position)).toEqual([]);
  });

  it('disarms an armed escalation once, and says nothing was disarmed for a chain without one', async () => {
    const chain = randomUUID();
    await escalation(chain, { department: '69', tlp: 'GREEN', armedAt: '2026-12-01T08:00:00Z', recipients: [] });
    expect(await disarmEscalation(db.dataSource.manager, chain)).toBe(true);
    expect(await disarmEscalation(db.dataSource.manager, chain)).toBe(false);
    expect(await disarmEscalation(db.dataSource.manager, randomUUID())).toBe(false);
  });
});
