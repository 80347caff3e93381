import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { components } from '@vigie/client';
import { request, waitFor, waitUntilAccepted, type Partner } from '@vigie/testing';
import { e2eEnv } from './e2e.env';
import { intrusion, nationalLevel, postAlert, senderAndPrefecture } from './notification-fixtures';
import { useTestStack } from './test-stack';

const VILLEURBANNE = '69266';
const MARSEILLE = '13055';
const RED_HEADLINE = 'Menace ciblée sur un dépôt de fonds, Villeurbanne';
const RED_ESCALATED = 'Menace armée sur un convoi de fonds, Villeurbanne';
const SEEDED_HEADLINE = 'Escalade ancienne, semée en base';

type OpenEscalation = components['schemas']['OpenEscalationView'];
type OpenEscalationPage = components['schemas']['OpenEscalationPageView'];

type Figures = components['schemas']['AlertStatisticsView'];

// Counts of alerts for the national level (every département) and a prefecture (its own), computed in PostgreSQL.
describe('statistics scoped to the caller', () => {
  const world = useTestStack('statistics', 730);
  let rhoneFirm: Partner;
  let rhone: { id: string; key: string };
  let provence: { id: string; key: string };
  let national: Partner;
  let since: string;

  const figures = (key: string | undefined, query = '') =>
    request<Figures>('GET', `${world.stack.url('alert-ingestion')}/v1/statistics/alerts?from=${since}${query}`, {
      key,
    });
  const escalations = (key: string) =>
    request<{ departments: string[] | null; total: number; byDepartment: { department: string; count: number }[] }>(
      'GET',
      `${world.stack.url('notification')}/v1/statistics/escalations`,
      { key },
    );

  beforeAll(async () => {
    ({ firm: rhoneFirm, prefecture: rhone } = await senderAndPrefecture(
      world.registry,
      world.stack,
      'Rhône Comptage Gardiennage',
      '69',
    ));
    let provenceFirm: Partner;
    ({ firm: provenceFirm, prefecture: provence } = await senderAndPrefecture(
      world.registry,
      world.stack,
      'Provence Comptage Sécurité',
      '13',
    ));
    national = await nationalLevel(world.registry, ['subscriber']);
    for (const key of [rhone.key, provence.key, national.key]) {
      await waitUntilAccepted(world.stack.url('alert-ingestion'), key);
      await waitUntilAccepted(world.stack.url('notification'), key);
    }
    since = new Date(Date.now() - 1000).toISOString();
    await postAlert(world.stack, rhoneFirm.key, intrusion(VILLEURBANNE, 'Severe', 'Intrusion grave, Villeurbanne'));
    await postAlert(world.stack, rhoneFirm.key, intrusion(VILLEURBANNE, 'Minor', RED_HEADLINE, 'RED'));
    await postAlert(world.stack, provenceFirm.key, intrusion(MARSEILLE, 'Moderate', 'Intrusion, Marseille'));
  }, 180_000);

  it('gives the national level every département, grouped by département, event, severity and day, without content', async () => {
    const answer = await figures(national.key);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      departments: null,
      total: 3,
      byDepartment: [
        { department: '13', count: 1 },
        { department: '69', count: 2 },
      ],
      byEventCode: [{ eventCode: 'intrusion', count: 3 }],
    });
    expect(answer.body.bySeverity).toEqual(
      expect.arrayContaining([
        { severity: 'Severe', count: 1 },
        { severity: 'Minor', count: 1 },
        { severity: 'Moderate', count: 1 },
      ]),
    );
    const today = answer.body.byDayAndEventCode;
    expect(today).toHaveLength(1);
    expect(today[0]).toMatchObject({ eventCode: 'intrusion', count: 3 });
    expect(today[0].day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(answer.body.byDayAndSeverity.reduce((sum, row) => sum + row.count, 0)).toBe(3);
    // The TLP:RED alert is counted, but nothing of it is told.
    expect(JSON.stringify(answer.body)).not.toContain('Villeurbanne');
    expect(JSON.stringify(answer.body)).not.toContain('RED');
  });

  it('gives a prefecture its own département only, and nothing of another', async () => {
    const own = await figures(rhone.key);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ departments: ['69'], total: 2, byDepartment: [{ department: '69', count: 2 }] });
    const other = await figures(rhone.key, '&department=13');
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ departments: [], total: 0, byDepartment: [], byEventCode: [] });
    const narrowed = await figures(national.key, '&department=13');
    expect(narrowed.body).toMatchObject({ departments: ['13'], total: 1 });
  });

  it('refuses a firm (403), an anonymous caller (401) and bad windows (400), as problem+json', async () => {
    const firm = await figures(rhoneFirm.key);
    expect(firm.status).toBe(403);
    expect(firm.headers.get('content-type')).toContain('application/problem+json');
    expect((await figures(undefined)).status).toBe(401);
    for (const query of ['&to=yesterday', '&department=999', `&to=${encodeURIComponent('2020-01-01T00:00:00Z')}`]) {
      const refused = await figures(national.key, query);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(refused.body)).not.toMatch(/at .*\.js/);
    }
    const tooLong = await request(
      'GET',
      `${world.stack.url('alert-ingestion')}/v1/statistics/alerts?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
      { key: national.key },
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ details: [{ field: 'from', problems: ['the window is at most 366 days'] }] });
  });

  it('counts open escalations by département, scoped the same way', async () => {
    // The escalations table holds other specs' escalations too: assert the scope, and ours among them.
    const seen = await waitFor(
      async () => {
        const answer = await escalations(national.key);
        return answer.body.byDepartment?.some((row) => row.department === '69') ? answer : undefined;
      },
      { what: 'the Severe alert of the Rhône to arm an escalation' },
    );
    expect(seen.status).toBe(200);
    expect(seen.body.departments).toBeNull();
    expect(seen.body.total).toBe(seen.body.byDepartment.reduce((sum, row) => sum + row.count, 0));
    const own = await escalations(rhone.key);
    expect(own.body.departments).toEqual(['69']);
    expect(own.body.byDepartment.map((row) => row.department)).toEqual(['69']);
    expect(own.body.total).toBeGreaterThanOrEqual(1);
    const other = await escalations(provence.key);
    expect(other.body.departments).toEqual(['13']);
    expect(other.body.byDepartment.every((row) => row.department === '13')).toBe(true);
    const firm = await escalations(rhoneFirm.key);
    expect(firm.status).toBe(403);
    expect(firm.headers.get('content-type')).toContain('application/problem+json');
  });

  it('lists the open escalations oldest first, a page at a time, scoped, with a TLP:RED headline only for its addressees', async () => {
    const list = (key: string | undefined, query = '') =>
      request<OpenEscalationPage>('GET', `${world.stack.url('notification')}/v1/escalations${query}`, { key });
    const everyPage = async (key: string, limit: number): Promise<OpenEscalation[]> => {
      const seen: OpenEscalation[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof list>> = await list(
          key,
          `?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.status).toBe(200);
        expect(page.body.escalations.length).toBeLessThanOrEqual(limit);
        seen.push(...page.body.escalations);
        cursor = page.body.nextCursor;
      } while (cursor);
      return seen;
    };
    // Three escalations armed long ago (before any other spec's), two of them in the same millisecond;
    // their next step is tomorrow, so that the scheduler leaves these partial snapshots alone.
    const seeded = [randomUUID(), randomUUID(), randomUUID()];
    const database = new Client({ connectionString: e2eEnv.databaseUrl });
    await database.connect();
    try {
      const armedAt = ['2015-01-01T00:00:00.000100Z', '2015-01-01T00:00:00.000200Z', '2015-01-02T00:00:00Z'];
      for (const [index, id] of seeded.entries()) {
        await database.query(
          `INSERT INTO notification.escalations (id, alert_id, prefecture_id, alert, status, next_step, next_step_at, created_at)
           VALUES ($1, $1, $2, $3::jsonb, 'armed', 'deputy', now() + interval '1 day', $4)`,
          [
            id,
            index === 1 ? provence.id : rhone.id,
            JSON.stringify({
              alertId: id,
              senderOrganisationId: rhoneFirm.id,
              tlp: 'AMBER',
              location: { department: index === 1 ? '13' : '69', commune: null, communeName: null },
              info: [{ eventCode: 'theft', severity: 'Extreme', headline: SEEDED_HEADLINE }],
            }),
            armedAt[index],
          ],
        );
      }
    } finally {
      await database.end();
    }
    // A Severe TLP:RED alert naming the Rhône prefecture alone: armed for it, not addressed to the national level.
    const redId = await postAlert(world.stack, rhoneFirm.key, {
      ...intrusion(VILLEURBANNE, 'Severe', RED_ESCALATED, 'RED'),
      addresses: [rhone.id],
    });
    const all = await waitFor(
      async () => {
        const escalations = await everyPage(national.key, 2);
        return escalations.some((row) => row.alertId === redId) ? escalations : undefined;
      },
      { what: 'the TLP:RED alert naming the Rhône prefecture to arm an escalation' },
    );

    // Oldest first across pages, each once; the seeded ones first, to the microsecond.
    expect(all.slice(0, 3).map((row) => row.alertId)).toEqual(seeded);
    expect(new Set(all.map((row) => row.alertId)).size).toBe(all.length);
    const times = all.map((row) => Date.parse(row.armedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const one = await list(national.key, '?limit=1');
    expect(one.body.escalations.map((row) => row.alertId)).toEqual([seeded[0]]);
    const second = await list(national.key, `?limit=1&cursor=${one.body.nextCursor}`);
    expect(second.body.escalations.map((row) => row.alertId)).toEqual([seeded[1]]);

    // The national level: every département; the RED alert by its metadata only.
    const red = all.find((row) => row.alertId === redId)!;
    expect(red).toMatchObject({
      department: '69',
      commune: VILLEURBANNE,
      eventCode: 'intrusion',
      severity: 'Severe',
      tlp: 'RED',
      step: 'prefecture',
      headline: null,
      contentRestricted: true,
    });
    expect(Date.parse(red.deadline!)).toBeGreaterThan(Date.parse(red.armedAt));
    expect(JSON.stringify(all)).not.toContain(RED_ESCALATED);
    // The seeded alerts were routed to no one here: restricted to all but their sender.
    expect(all[0]).toMatchObject({ headline: null, contentRestricted: true, tlp: 'AMBER', severity: 'Extreme' });
    // The Severe GREEN alert was routed to the national level: its headline is shown.
    expect(all.find((row) => row.headline === 'Intrusion grave, Villeurbanne')).toMatchObject({
      department: '69',
      contentRestricted: false,
    });

    // The Rhône prefecture, to which the RED alert was addressed: its own département, the headline shown.
    const own = await list(rhone.key, '?limit=200');
    expect(own.body.departments).toEqual(['69']);
    expect(own.body.escalations.every((row) => row.department === '69')).toBe(true);
    expect(own.body.escalations.find((row) => row.alertId === redId)).toMatchObject({
      headline: RED_ESCALATED,
      contentRestricted: false,
    });
    expect(own.body.escalations.map((row) => row.alertId)).not.toContain(seeded[1]);
    // Provence sees its own only: nothing of the Rhône's. (Other spec files share the database, and
    // one may have left an escalation armed in the Bouches-du-Rhône: it belongs here too.)
    const other = await list(provence.key, '?limit=200');
    expect(other.body.departments).toEqual(['13']);
    const provenceIds = other.body.escalations.map((row) => row.alertId);
    expect(provenceIds[0]).toBe(seeded[1]);
    expect(other.body.escalations.every((row) => row.department === '13')).toBe(true);
    for (const rhoneId of [seeded[0], seeded[2], redId]) expect(provenceIds).not.toContain(rhoneId);
    expect(JSON.stringify(other.body)).not.toContain('Villeurbanne');

    // The sender, a firm, reads no board; no key, no board; a forged cursor or a bad limit is a 400.
    const firm = await list(rhoneFirm.key);
    expect(firm.status).toBe(403);
    expect(firm.headers.get('content-type')).toContain('application/problem+json');
    expect((await list(undefined)).status).toBe(401);
    const forged = Buffer.from(`2015-01-01T00:00:00Z|${seeded[0]}`).toString('base64url');
    for (const query of ['?limit=0', '?limit=201', '?limit=ten', `?cursor=${forged}`, '?cursor=%2E%2E%2F']) {
      const refused = await list(national.key, query);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(refused.body)).not.toMatch(/at .*\.js/);
    }
  });

  it('gives the time to acknowledge per prefecture (median, p90, unacknowledged), scoped the same way', async () => {
    // Escalations armed on a day of their own, long ago, so that no other escalation falls in the period.
    const start = new Date(Date.now() - 500 * 86_400_000);
    const end = new Date(start.getTime() + 86_400_000);
    const database = new Client({ connectionString: e2eEnv.databaseUrl });
    await database.connect();
    try {
      // Rhône: acknowledged after 60 s and 120 s, one not acknowledged; Provence: after 300 s.
      const seeded: [string, string, number | null][] = [
        [rhone.id, '69', 60],
        [rhone.id, '69', 120],
        [rhone.id, '69', null],
        [provence.id, '13', 300],
      ];
      for (const [prefectureId, department, delay] of seeded) {
        const alertId = randomUUID();
        await database.query(
          `INSERT INTO notification.escalations (id, alert_id, prefecture_id, alert, status, created_at)
           VALUES ($1, $2, $3, jsonb_build_object('location', jsonb_build_object('department', $4::text)), 'completed', $5)`,
          [randomUUID(), alertId, prefectureId, department, start],
        );
        if (delay !== null) {
          await database.query(
            `INSERT INTO notification.acknowledgements (alert_id, organisation_id, channel, acknowledged_at)
             VALUES ($1, $2, 'api', $3::timestamptz + $4 * interval '1 second')`,
            [alertId, prefectureId, start, delay],
          );
        }
      }
    } finally {
      await database.end();
    }
    type Delays = components['schemas']['TimeToAcknowledgeView'];
    const delays = (key: string, query = `from=${start.toISOString()}&to=${end.toISOString()}`) =>
      request<Delays>('GET', `${world.stack.url('notification')}/v1/statistics/time-to-acknowledge?${query}`, { key });
    const all = await delays(national.key);
    expect(all.status).toBe(200);
    expect(all.body.departments).toBeNull();
    expect(all.body.prefectures).toEqual([
      {
        prefectureId: provence.id,
        department: '13',
        escalations: 1,
        unacknowledged: 0,
        medianSeconds: 300,
        p90Seconds: 300,
      },
      {
        prefectureId: rhone.id,
        department: '69',
        escalations: 3,
        unacknowledged: 1,
        medianSeconds: 90,
        p90Seconds: 114,
      },
    ]);
    const own = await delays(rhone.key);
    expect(own.body.prefectures.map((row) => row.prefectureId)).toEqual([rhone.id]);
    const other = await delays(provence.key);
    expect(other.body.prefectures.map((row) => row.prefectureId)).toEqual([provence.id]);
    const firm = await delays(rhoneFirm.key);
    expect(firm.status).toBe(403);
    const inverted = await delays(national.key, `from=${end.toISOString()}&to=${start.toISOString()}`);
    expect(inverted.status).toBe(400);
    expect(inverted.headers.get('content-type')).toContain('application/problem+json');
  });

  it('counts 100,000 alerts of a 90-day window', async () => {
    // A history of 100,000 alerts, written straight into ingestion's table, long before the alerts above.
    const database = new Client({ connectionString: e2eEnv.databaseUrl });
    await database.connect();
    const windowEnd = new Date(Date.now() - 200 * 86_400_000);
    const windowStart = new Date(windowEnd.getTime() - 90 * 86_400_000);
    try {
      await database.query(
        `INSERT INTO ingestion.alerts (id, original_alert_id, sender_organisation_id, identifier, sent, status, msg_type,
                department, event_code, severity, tlp, personal_data, snapshot)
         SELECT id, id, $3, id::text, $1::timestamptz + (n % 90) * interval '1 day' + (n % 86400) * interval '1 second',
                'Actual', 'Alert', (ARRAY['69', '13', '2A', '974', '75'])[1 + n % 5],
                (ARRAY['intrusion', 'theft', 'fire'])[1 + n % 3], (ARRAY['Minor', 'Moderate', 'Severe'])[1 + n % 3],
                'GREEN', false, '{}'::jsonb
           FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, 100000) AS n) AS seeded
          WHERE $1::timestamptz < $2::timestamptz`,
        [windowStart, windowEnd, rhoneFirm.id],
      );
    } finally {
      await database.end();
    }
    const query = `from=${windowStart.toISOString()}&to=${windowEnd.toISOString()}`;
    // Render times are measured by the bench (npm run bench -- --console N), not asserted here.
    const answer = await request<Figures>(
      'GET',
      `${world.stack.url('alert-ingestion')}/v1/statistics/alerts?${query}`,
      {
        key: national.key,
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.total).toBe(100_000);
  }, 120_000);
});
