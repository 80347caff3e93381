import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { WebhookSink, request, waitFor, type Partner } from '@vigie/testing';
import { e2eEnv } from './e2e.env';
import { senderAndPrefectureWebhook } from './notification-fixtures';
import { useTestStack } from './test-stack';

const report = (personalData: boolean) => ({
  status: 'Actual',
  personalData,
  note: 'Témoin : Mme Claire Fontaine, 06 11 22 33 44',
  location: { commune: '69123' },
  info: [
    {
      category: ['Security'],
      eventCode: 'theft',
      urgency: 'Past',
      severity: 'Minor',
      certainty: 'Observed',
      headline: 'Vol à l’arraché par un homme en scooter immatriculé AB-123-CD',
      description: 'Victime : Mme Claire Fontaine, domiciliée 3 rue Mercière',
      area: [
        {
          areaDesc: '3 rue Mercière, Lyon 2e',
          circle: ['45.7620,4.8320 0.01'],
          geocode: [{ valueName: 'INSEE', value: '69123' }],
        },
      ],
    },
  ],
});

describe('retention: personal data is erased after its period, the facts stay', () => {
  const world = useTestStack('retention', 80, {
    env: {
      PERSONAL_DATA_RETENTION_SECONDS: '2',
      // The floor: topics keep alerts for at least an hour (libs/messaging topic.retention.ts).
      KAFKA_TOPIC_RETENTION_SECONDS: '3600',
      RETENTION_SWEEP_INTERVAL_MS: '300',
      OUTBOX_RETENTION_SECONDS: '2',
      HANDLED_EVENTS_RETENTION_SECONDS: '2',
    },
  });
  let firm: Partner;
  let sink: WebhookSink;

  beforeAll(async () => {
    ({ firm, sink } = await senderAndPrefectureWebhook(world.registry, world.stack, 'Rétention Sécurité', '69'));
  }, 120_000);

  afterAll(async () => {
    await sink?.close();
  }, 30_000);

  it('erases the free text of an alert flagged as personal data, and only of that one', async () => {
    const url = `${world.stack.url('alert-ingestion')}/v1/alerts`;
    const flagged = await request<any>('POST', url, { key: firm.key, body: report(true) });
    const unflagged = await request<any>('POST', url, { key: firm.key, body: report(false) });
    expect([flagged.status, unflagged.status]).toEqual([201, 201]);
    expect(JSON.stringify(flagged.body)).toContain('Fontaine');

    const erased = await waitFor(
      async () => {
        const result = await request<any>('GET', `${url}/${flagged.body.id}`, { key: firm.key });
        return JSON.stringify(result.body).includes('Fontaine') ? undefined : result.body;
      },
      { what: 'the personal data to be erased', timeoutMs: 20_000, intervalMs: 250 },
    );
    expect(JSON.stringify(erased)).not.toMatch(/Fontaine|AB-123-CD|Mercière|06 11|45\.7620/);
    expect(erased).toMatchObject({
      status: 'Actual',
      location: { commune: '69123', department: '69' },
      info: [{ headline: 'Vol', eventCode: 'theft', severity: 'Minor', area: [{ areaDesc: 'Lyon' }] }],
    });

    const kept = await request<any>('GET', `${url}/${unflagged.body.id}`, { key: firm.key });
    expect(kept.body.info[0].description).toBe('Victime : Mme Claire Fontaine, domiciliée 3 rue Mercière');

    // The copy kept by notification with the delivery is erased too, once delivered.
    const db = new Client({ connectionString: e2eEnv.databaseUrl });
    await db.connect();
    try {
      // Other files' webhooks of the same prefecture may still be retrying: look at finished deliveries only.
      const finished = async (alertId: string): Promise<{ body: unknown }[]> =>
        (
          await db.query(
            `SELECT coalesce(c.data || d.body, d.body) AS body
             FROM notification.deliveries d LEFT JOIN notification.message_contents c ON c.id = d.content_id
             WHERE d.alert_id = $1 AND d.status IN ('sent', 'dead')`,
            [alertId],
          )
        ).rows;
      await waitFor(
        async () => {
          const copies = await finished(flagged.body.id);
          return copies.length > 0 && copies.every((copy) => !JSON.stringify(copy.body).includes('Fontaine'));
        },
        { what: 'the delivered copies to lose their personal data', timeoutMs: 20_000, intervalMs: 250 },
      );
      const [copy] = (await finished(flagged.body.id)) as { body: { alert: { info: { headline: string }[] } } }[];
      expect(copy.body.alert.info[0].headline).toBe('Vol');
      const unflaggedCopies = await waitFor(
        async () => {
          const copies = await finished(unflagged.body.id);
          return copies.length > 0 ? copies : undefined;
        },
        { what: 'the unflagged alert to be delivered', timeoutMs: 20_000 },
      );
      expect(JSON.stringify(unflaggedCopies)).toContain('Fontaine');
    } finally {
      await db.end();
    }
  }, 60_000);

  it("leaves no copy of an erased alert's free text in any table of any service, published events included", async () => {
    const witness = `Témoin ${randomUUID()}`;
    const body = report(true) as { info: { description: string }[] };
    body.info[0].description = witness;
    const posted = await request<any>('POST', `${world.stack.url('alert-ingestion')}/v1/alerts`, {
      key: firm.key,
      body,
    });
    expect(posted.status).toBe(201);
    await waitFor(() => sink.received.some((received) => received.body.includes(posted.body.id)), {
      what: 'the alert delivered',
      timeoutMs: 20_000,
    });

    const db = new Client({ connectionString: e2eEnv.databaseUrl });
    await db.connect();
    try {
      const tables = (
        await db.query<{ schema: string; name: string }>(
          `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
           WHERE table_schema IN ('registry', 'ingestion', 'routing', 'notification') AND table_type = 'BASE TABLE'`,
        )
      ).rows;
      expect(tables.length).toBeGreaterThan(20);
      const holding = async (): Promise<string[]> => {
        const found: string[] = [];
        for (const { schema, name } of tables) {
          const { rows } = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "${schema}"."${name}" t WHERE t::text LIKE '%' || $1 || '%'`,
            [witness],
          );
          if (rows[0].n > 0) found.push(`${schema}.${name}`);
        }
        return found;
      };
      // Before the periods end, the text is where the alert went: the check can see it.
      expect(await holding()).toEqual(expect.arrayContaining(['ingestion.alerts', 'ingestion.outbox']));
      await waitFor(async () => ((await holding()).length === 0 ? true : undefined), {
        what: 'every copy of the description to be erased or deleted',
        timeoutMs: 30_000,
        intervalMs: 500,
      }).catch(async (error: Error) => {
        throw new Error(`${error.message}; still in ${(await holding()).join(', ')}`);
      });
      // Handled-event records are deleted after their own period.
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM routing.handled_events WHERE handled_at < now() - interval '10 seconds'",
      );
      expect(rows[0].n).toBe(0);
    } finally {
      await db.end();
    }
  }, 60_000);
});
