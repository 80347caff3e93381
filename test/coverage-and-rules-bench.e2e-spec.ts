import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { components } from '@vigie/client';
import {
  issueKey,
  prefectureOf,
  registerActivePartner,
  request,
  waitFor,
  waitUntilAccepted,
  type Partner,
} from '@vigie/testing';
import { e2eEnv } from './e2e.env';
import { PRIVATE_SECURITY, privateSecurityFirm } from './notification-fixtures';
import { useTestStack } from './test-stack';

const PORT_OFFSET = 870;
const MENDE = '48095';
const AURILLAC = '15014';
/** Names are unique per kind: every run brings its own. */
const run = randomUUID().slice(0, 8);

type Coverage = components['schemas']['CoverageView'];
type Preview = components['schemas']['RoutingPreviewView'];

// Convention coverage (registry) and the rules test bench (routing's preview as another organisation).
describe('convention coverage and the rules test bench', () => {
  const world = useTestStack('coverage-and-rules-bench', PORT_OFFSET, { startTimeoutMs: 240_000 });
  let db: Client;
  let national: { operator: string; subscriber: string };
  let lozere: { id: string; operator: string; subscriber: string };
  /** Members of the private-security convention: in 48 and 15, in 48; a firm of 48 that is not; a suspended member. */
  let both: Partner;
  let lozereOnly: Partner;
  let outsider: Partner;
  let suspended: Partner;
  let before: Coverage;

  const registryCall = <T>(path: string, key: string | undefined) =>
    request<T>('GET', `${world.registry.registryUrl}${path}`, key ? { key } : {});
  const routing = (path: string) => `${world.stack.url('prefect-routing')}${path}`;
  const preview = (key: string, body: Record<string, unknown>) =>
    request<Preview>('POST', routing('/v1/routing/preview'), { key, body });
  const draft = (senderOrganisationId: string, commune = MENDE) => ({
    senderOrganisationId,
    commune,
    eventCode: 'intrusion',
    severity: 'Severe',
    tlp: 'AMBER',
  });
  const figuresOf = (coverage: Coverage, department: string) =>
    coverage.conventions
      .find((convention) => convention.code === PRIVATE_SECURITY)!
      .departments.find((entry) => entry.department === department)!;
  const totalsOf = (coverage: Coverage) =>
    coverage.conventions.find((convention) => convention.code === PRIVATE_SECURITY)!;
  const addSite = async (organisationId: string, commune: string) => {
    const created = await request('POST', `${world.registry.registryUrl}/v1/organizations/${organisationId}/sites`, {
      key: world.adminKey,
      body: { name: `Entrepôt ${randomUUID().slice(0, 6)}`, kind: 'WAREHOUSE', commune },
    });
    expect(created.status).toBe(201);
  };

  beforeAll(async () => {
    db = new Client({ connectionString: e2eEnv.databaseUrl });
    await db.connect();
    const nationalLevel = (
      await registryCall<{ id: string }[]>('/v1/organizations?kind=NATIONAL_LEVEL', world.adminKey)
    ).body[0];
    national = {
      operator: await issueKey(world.registry, nationalLevel.id, ['operator']),
      subscriber: await issueKey(world.registry, nationalLevel.id, ['subscriber']),
    };
    const lozerePrefecture = await prefectureOf(world.registry, '48');
    lozere = {
      id: lozerePrefecture.id,
      operator: await issueKey(world.registry, lozerePrefecture.id, ['operator']),
      subscriber: await issueKey(world.registry, lozerePrefecture.id, ['subscriber']),
    };
    // The test database is shared by every run: figures are compared with those read before.
    before = (await registryCall<Coverage>('/v1/conventions/coverage', national.operator)).body;

    both = await privateSecurityFirm(world.registry, `Gardiennage des Causses ${run}`, ['48', '15']);
    lozereOnly = await privateSecurityFirm(world.registry, `Sûreté de Mende ${run}`, ['48']);
    outsider = await registerActivePartner(world.registry, {
      kind: 'SECURITY_FIRM',
      name: `Surveillance de l’Aubrac ${run}`,
      departments: ['48'],
    });
    suspended = await privateSecurityFirm(world.registry, `Vigiles de la Margeride ${run}`, ['48']);
    await addSite(both.id, MENDE);
    await addSite(both.id, MENDE);
    await addSite(both.id, AURILLAC);
    await addSite(lozereOnly.id, MENDE);
    await addSite(outsider.id, MENDE);
    await addSite(suspended.id, MENDE);
    const suspension = await request('POST', `${world.registry.registryUrl}/v1/organizations/${suspended.id}/suspend`, {
      key: world.adminKey,
      body: { reason: 'contrôle CNAPS' },
    });
    expect(suspension.status).toBe(200);
    for (const key of [national.operator, national.subscriber, lozere.operator, lozere.subscriber, both.key]) {
      await waitUntilAccepted(world.stack.url('prefect-routing'), key);
    }
  }, 300_000);

  afterAll(async () => {
    await db?.end();
  }, 60_000);

  describe('convention coverage', () => {
    it('counts, for the national level, active members and their sites per convention and département, totals distinct', async () => {
      const answer = await registryCall<Coverage>('/v1/conventions/coverage', national.subscriber);
      expect(answer.status).toBe(200);
      const after = answer.body;
      expect(after.departments).toBeNull();
      // Every seeded convention, each with every département where it is deployed.
      expect(after.conventions.map((convention) => convention.code).sort()).toEqual(
        ['jewellery-2018', 'large-retail-2019', 'private-security-2019', 'social-housing', 'tobacco'].sort(),
      );
      const deployed = await registryCall<{ departments: string[] }>(
        `/v1/conventions/${PRIVATE_SECURITY}`,
        world.adminKey,
      );
      expect(
        totalsOf(after)
          .departments.map((entry) => entry.department)
          .sort(),
      ).toEqual([...deployed.body.departments].sort());
      // In 48: the two active members (not the firm outside the convention, not the suspended member) and their 3 sites there.
      expect(figuresOf(after, '48').members - figuresOf(before, '48').members).toBe(2);
      expect(figuresOf(after, '48').sites - figuresOf(before, '48').sites).toBe(3);
      expect(figuresOf(after, '15').members - figuresOf(before, '15').members).toBe(1);
      expect(figuresOf(after, '15').sites - figuresOf(before, '15').sites).toBe(1);
      // The member operating in both counts once in the total.
      expect(totalsOf(after).members - totalsOf(before).members).toBe(2);
      expect(totalsOf(after).sites - totalsOf(before).sites).toBe(4);
    });

    it('keeps a prefecture to its départements and refuses partners', async () => {
      const own = await registryCall<Coverage>('/v1/conventions/coverage', lozere.subscriber);
      expect(own.status).toBe(200);
      expect(own.body.departments).toEqual(['48']);
      for (const convention of own.body.conventions) {
        expect(convention.departments.map((entry) => entry.department)).toEqual(['48']);
      }
      const national48 = (await registryCall<Coverage>('/v1/conventions/coverage', national.operator)).body;
      expect(figuresOf(own.body, '48')).toEqual(figuresOf(national48, '48'));
      expect(totalsOf(own.body).members).toBe(figuresOf(national48, '48').members);

      const elsewhere = await registryCall<Coverage>('/v1/conventions/coverage?department=15', lozere.operator);
      expect(elsewhere.status).toBe(200);
      expect(elsewhere.body.departments).toEqual([]);
      expect(elsewhere.body.conventions.every((c) => c.departments.length === 0 && c.members === 0)).toBe(true);

      const one = await registryCall<Coverage>('/v1/conventions/coverage?department=15', national.operator);
      expect(one.body.departments).toEqual(['15']);
      expect(figuresOf(one.body, '15')).toEqual(figuresOf(national48, '15'));

      expect((await registryCall('/v1/conventions/coverage', both.key)).status).toBe(403);
      expect((await registryCall('/v1/conventions/coverage', undefined)).status).toBe(401);
      const invalid = await registryCall('/v1/conventions/coverage?department=999', national.operator);
      expect(invalid.status).toBe(400);
      // "coverage" is not taken for a convention's code.
      expect((await registryCall(`/v1/conventions/${PRIVATE_SECURITY}`, both.key)).status).toBe(200);
    });
  });

  describe('the rules test bench', () => {
    it('offers a prefecture the organisations that may publish in its département, active ones only', async () => {
      const senders = await waitFor(
        async () => {
          const answer = await request<{ organisationId: string; name: string; kind: string }[]>(
            'GET',
            routing('/v1/routing/preview/senders?department=48'),
            { key: lozere.operator },
          );
          const ids = answer.body.map((sender) => sender.organisationId);
          return answer.status === 200 && ids.includes(both.id) && ids.includes(lozereOnly.id) ? ids : undefined;
        },
        { what: 'routing to know the members of 48', timeoutMs: 30_000 },
      );
      expect(senders).toContain(lozere.id);
      expect(senders).not.toContain(outsider.id); // no convention: may not publish
      expect(senders).not.toContain(suspended.id);
      // Without a département: the prefecture's scope.
      const scoped = await request<{ organisationId: string }[]>('GET', routing('/v1/routing/preview/senders'), {
        key: lozere.operator,
      });
      expect(scoped.body.map((sender) => sender.organisationId)).toEqual(
        expect.arrayContaining([both.id, lozereOnly.id]),
      );
      const everywhere = await request<{ organisationId: string; departments: string[] }[]>(
        'GET',
        routing('/v1/routing/preview/senders?department=15'),
        { key: national.operator },
      );
      expect(everywhere.status).toBe(200);
      expect(everywhere.body.map((sender) => sender.organisationId)).toContain(both.id);
      expect(everywhere.body.map((sender) => sender.organisationId)).not.toContain(outsider.id);
      const anywhere = await request<{ organisationId: string }[]>('GET', routing('/v1/routing/preview/senders'), {
        key: national.operator,
      });
      expect(anywhere.body.map((sender) => sender.organisationId)).toEqual(
        expect.arrayContaining([both.id, lozereOnly.id, lozere.id]),
      );
      expect(anywhere.body.map((sender) => sender.organisationId)).not.toContain(outsider.id); // may publish nowhere

      for (const [key, path] of [
        [lozere.operator, '/v1/routing/preview/senders?department=15'],
        [lozere.subscriber, '/v1/routing/preview/senders?department=48'],
        [national.subscriber, '/v1/routing/preview/senders'],
        [both.key, '/v1/routing/preview/senders?department=48'],
      ]) {
        expect((await request('GET', routing(path), { key })).status).toBe(403);
      }
      expect(
        (await request('GET', routing('/v1/routing/preview/senders?department=4'), { key: lozere.operator })).status,
      ).toBe(400);
    }, 60_000);

    it('shows every recipient with the rules that chose it, as any organisation, and sends nothing', async () => {
      const counts = async () => ({
        alerts: Number(
          (
            await db.query(
              'SELECT count(*) AS n FROM ingestion.alerts WHERE sender_organisation_id = ANY ($1::uuid[])',
              [[both.id, lozereOnly.id, outsider.id]],
            )
          ).rows[0].n,
        ),
        decisions: Number((await db.query('SELECT count(*) AS n FROM routing.routing_decisions')).rows[0].n),
        deliveries: Number((await db.query('SELECT count(*) AS n FROM notification.deliveries')).rows[0].n),
        outbox: Number(
          (
            await db.query(`SELECT count(*) AS n FROM routing.outbox WHERE envelope::text LIKE '%' || $1 || '%'`, [
              both.id,
            ])
          ).rows[0].n,
        ),
      });
      const start = await counts();

      for (const key of [national.operator, lozere.operator]) {
        const tried = await preview(key, draft(both.id));
        expect(tried.status).toBe(200);
        expect(tried.body.department).toBe('48');
        const prefecture = tried.body.recipients.find((recipient) => recipient.organisationId === lozere.id);
        expect(prefecture).toMatchObject({ kind: 'PREFECTURE', rules: ['competent-prefecture'] });
        expect(prefecture!.reasons).toHaveLength(1);
        for (const recipient of tried.body.recipients) expect(recipient.reasons).toHaveLength(recipient.rules.length);
        expect(tried.body.warnings).toEqual([]);
      }

      // An organisation that may not publish there is tried all the same, and the answer says so.
      const outside = await preview(national.operator, draft(outsider.id));
      expect(outside.status).toBe(200);
      expect(outside.body.warnings).toContain(
        `${outsider.name} may not publish in département 48: ingestion would refuse this alert`,
      );

      expect((await preview(national.operator, draft(randomUUID()))).status).toBe(400);
      // A prefecture tries nothing outside its départements; nobody else tries as another organisation.
      expect((await preview(lozere.operator, draft(both.id, AURILLAC))).status).toBe(403);
      expect((await preview(lozere.subscriber, draft(both.id))).status).toBe(403);
      expect((await preview(national.subscriber, draft(both.id))).status).toBe(403);
      expect((await preview(both.key, draft(lozereOnly.id))).status).toBe(403);
      // An organisation still previews its own alerts where it may publish.
      expect((await preview(both.key, draft(both.id, AURILLAC))).status).toBe(200);

      expect(await counts()).toEqual(start);
      expect(start.alerts).toBe(0);
      const sent = await request<unknown[]>('GET', `${world.stack.url('alert-ingestion')}/v1/sent-alerts`, {
        key: both.key,
      });
      expect(sent.status).toBe(200);
      expect(sent.body).toEqual([]);
    }, 60_000);
  });
});
