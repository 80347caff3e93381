import { prefectureWithKey, request, waitFor, waitUntilAccepted, type Partner } from '@vigie/testing';
import { intrusion, postAlert, senderAndPrefecture, subscriber } from './notification-fixtures';
import { useTestStack } from './test-stack';

const VILLEURBANNE = '69266';

// The read APIs the console uses so that a page needs one call per service, in the Rhône and the Bouches-du-Rhône.
describe('read APIs for the console: alert states, alert chains, broadcast preview, acknowledgement links', () => {
  const world = useTestStack('console-reads', 410);
  let firm: Partner;
  let rhone: { id: string; name: string; key: string };
  let provence: { id: string; key: string };
  let partner: Partner;

  beforeAll(async () => {
    ({ firm, prefecture: rhone } = await senderAndPrefecture(
      world.registry,
      world.stack,
      'Rhône Gardiennage Lecteur',
      '69',
    ));
    partner = await subscriber(world.registry, world.stack, 'Lyon Surveillance Abonnée', '69');
    provence = await prefectureWithKey(world.registry, '13');
    await waitUntilAccepted(world.stack.url('alert-ingestion'), rhone.key);
    await waitUntilAccepted(world.stack.url('alert-ingestion'), provence.key);
    await waitUntilAccepted(world.stack.url('prefect-routing'), rhone.key);
    await waitUntilAccepted(world.stack.url('notification'), provence.key);
  }, 180_000);

  const states = (key: string, ids: string[]) =>
    request<
      { alertId: string; reason: string | null; acknowledgedAt: string | null; escalation: { status: string } | null }[]
    >('GET', `${world.stack.url('notification')}/v1/alert-states?ids=${ids.join(',')}`, { key });

  it('gives, in one call, why each alert reached the caller, its acknowledgement and escalation; nothing of others', async () => {
    const severe = await postAlert(
      world.stack,
      firm.key,
      intrusion(VILLEURBANNE, 'Severe', 'Intrusion grave, Villeurbanne'),
    );
    const minor = await postAlert(
      world.stack,
      firm.key,
      intrusion(VILLEURBANNE, 'Minor', 'Intrusion mineure, Villeurbanne'),
    );
    const seen = await waitFor(
      async () => {
        const answer = await states(rhone.key, [severe, minor]);
        return answer.body.length === 2 ? answer.body : undefined;
      },
      { what: 'both alerts to be known to notification' },
    );
    const bySevere = seen.find((state) => state.alertId === severe)!;
    expect(bySevere.reason).toContain('69');
    expect(bySevere).toMatchObject({ rule: 'competent-prefecture' });
    expect(bySevere.acknowledgedAt).toBeNull();
    expect(bySevere.escalation).toMatchObject({ status: 'armed' });
    expect(seen.find((state) => state.alertId === minor)!.escalation).toBeNull();

    const acknowledged = await request(
      'POST',
      `${world.stack.url('notification')}/v1/alerts/${severe}/acknowledgements`,
      {
        key: rhone.key,
      },
    );
    expect(acknowledged.status).toBe(201);
    const after = (await states(rhone.key, [severe])).body[0];
    expect(after.acknowledgedAt).not.toBeNull();
    expect(after.escalation).toMatchObject({ status: 'cancelled' });

    // The sender sees its alerts (no reason: it was not routed to it); another prefecture sees none.
    expect((await states(firm.key, [severe])).body).toMatchObject([{ alertId: severe, reason: null }]);
    expect((await states(provence.key, [severe, minor])).body).toEqual([]);
    expect((await states(rhone.key, ['not-a-uuid'])).status).toBe(400);
    expect(
      (
        await states(
          rhone.key,
          Array.from({ length: 201 }, () => severe),
        )
      ).status,
    ).toBe(400);
  }, 60_000);

  it('lists the chain of an alert to its recipients, filters by severity, and hides it from others', async () => {
    const original = await postAlert(
      world.stack,
      firm.key,
      intrusion(VILLEURBANNE, 'Moderate', 'Intrusion, entrepôt de Villeurbanne'),
    );
    const update = await request<{ id: string }>(
      'POST',
      `${world.stack.url('alert-ingestion')}/v1/alerts/${original}/updates`,
      {
        key: firm.key,
        body: intrusion(VILLEURBANNE, 'Severe', 'Intrusion en cours, entrepôt de Villeurbanne'),
      },
    );
    expect(update.status).toBe(201);
    const chain = await waitFor(
      async () => {
        const answer = await request<{ id: string; msgType: string }[]>(
          'GET',
          `${world.stack.url('alert-ingestion')}/v1/alerts/${update.body.id}/chain`,
          {
            key: rhone.key,
          },
        );
        return answer.status === 200 && answer.body.length === 2 ? answer.body : undefined;
      },
      { what: 'the prefecture to have received both messages' },
    );
    expect(chain.map((message) => [message.id, message.msgType])).toEqual([
      [original, 'Alert'],
      [update.body.id, 'Update'],
    ]);
    const chainFor = (key: string) =>
      request('GET', `${world.stack.url('alert-ingestion')}/v1/alerts/${original}/chain`, { key });
    expect((await chainFor(provence.key)).status).toBe(404);

    const severeOnly = await request<{ alerts: { alertId: string; info: { severity: string }[] }[] }>(
      'GET',
      `${world.stack.url('alert-ingestion')}/v1/alerts?severity=Severe`,
      { key: rhone.key },
    );
    expect(severeOnly.status).toBe(200);
    expect(severeOnly.body.alerts.length).toBeGreaterThan(0);
    expect(severeOnly.body.alerts.every((alert) => alert.info[0].severity === 'Severe')).toBe(true);
    expect(severeOnly.body.alerts.map((alert) => alert.alertId)).toContain(update.body.id);
    expect(
      (await request('GET', `${world.stack.url('alert-ingestion')}/v1/alerts?severity=Terrible`, { key: rhone.key }))
        .status,
    ).toBe(400);
  }, 60_000);

  it('previews a broadcast by name without storing or sending it, for State organisations only', async () => {
    const draft = { headline: 'Vigilance vols', description: 'Soyez attentifs.', status: 'Actual', tlp: 'GREEN' };
    const preview = await request<{
      departments: string[];
      recipients: { organisationId: string; name: string; reason: string }[];
    }>('POST', `${world.stack.url('prefect-routing')}/v1/broadcasts/preview`, { key: rhone.key, body: draft });
    expect(preview.status).toBe(200);
    expect(preview.body.departments).toEqual(['69']);
    const named = preview.body.recipients.find((recipient) => recipient.organisationId === partner.id);
    expect(named).toMatchObject({ name: 'Lyon Surveillance Abonnée', rule: 'broadcast-audience' });
    expect(named!.reason.length).toBeGreaterThan(0);
    // Partners that have not opted in to exercises are named among the excluded, with why.
    const exercise = await request<{
      recipients: unknown[];
      excluded: { organisationId: string; name: string; reason: string }[];
    }>('POST', `${world.stack.url('prefect-routing')}/v1/broadcasts/preview`, {
      key: rhone.key,
      body: { ...draft, status: 'Exercise' },
    });
    expect(exercise.body.excluded.find((exclusion) => exclusion.organisationId === partner.id)).toMatchObject({
      name: 'Lyon Surveillance Abonnée',
      reason: expect.stringContaining('exercises'),
    });
    const listed = await request<unknown[]>('GET', `${world.stack.url('prefect-routing')}/v1/broadcasts`, {
      key: rhone.key,
    });
    expect(listed.body).toEqual([]);
    expect(
      (
        await request('POST', `${world.stack.url('prefect-routing')}/v1/broadcasts/preview`, {
          key: firm.key,
          body: draft,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await request('POST', `${world.stack.url('prefect-routing')}/v1/broadcasts/preview`, {
          key: rhone.key,
          body: { ...draft, departments: ['13'] },
        })
      ).status,
    ).toBe(403);
  }, 60_000);

  it('answers an invalid acknowledgement link with a JSON 404, never acknowledging anything', async () => {
    for (const token of ['nonsense', 'a.b', 'x'.repeat(1001)]) {
      const read = await request<{ error: string }>(
        'GET',
        `${world.stack.url('notification')}/v1/acknowledgement-links/${token}`,
      );
      expect(read.status).toBe(404);
      expect(read.body.error).toBe('not_found');
      expect(
        (await request('POST', `${world.stack.url('notification')}/v1/acknowledgement-links/${token}`)).status,
      ).toBe(404);
    }
  }, 30_000);

  it('searches communes the way people type them, for any authenticated caller', async () => {
    const communes = (q: string, key?: string) =>
      request<{ code: string; name: string; department: string; departmentName: string; postalCodes: string[] }[]>(
        'GET',
        `${world.stack.url('partner-registry')}/v1/communes?q=${encodeURIComponent(q)}`,
        { key },
      );
    const saintEtienne = await communes('st etienne', firm.key);
    expect(saintEtienne.status).toBe(200);
    expect(saintEtienne.body[0]).toEqual({
      code: '42218',
      name: 'Saint-Étienne',
      department: '42',
      departmentName: 'Loire',
      postalCodes: expect.arrayContaining(['42000', '42100']) as string[],
    });
    // A postal code shared by several communes lists them all, for a prefecture's key too.
    const shared = await communes('01400', rhone.key);
    expect(shared.body.length).toBeGreaterThan(1);
    // Five digits are also an INSEE code: that commune comes after those the postal code serves.
    const served = shared.body.filter((commune) => commune.code !== '01400');
    expect(served.length).toBeGreaterThan(1);
    expect(served.every((commune) => commune.postalCodes.includes('01400'))).toBe(true);

    expect((await communes('st etienne')).status).toBe(401);
    expect((await communes('x'.repeat(101), firm.key)).status).toBe(400);
    const missing = await request('GET', `${world.stack.url('partner-registry')}/v1/communes`, { key: firm.key });
    expect(missing.status).toBe(400);
    const tooMany = await request('GET', `${world.stack.url('partner-registry')}/v1/communes?q=saint&limit=500`, {
      key: firm.key,
    });
    expect(tooMany.status).toBe(400);
  });
});
