import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { components } from '@vigie/client';
import { ROUTED_RECIPIENTS_PER_EVENT, Topics, type AlertRoutedV1Payload, type EventEnvelope } from '@vigie/contracts';
import {
  WebhookSink,
  issueKey,
  prefectureWithKey,
  randomSiret,
  registerActivePartner,
  request,
  waitFor,
  waitUntilAccepted,
  withIdentity,
  messagesWithKey,
  type Partner,
} from '@vigie/testing';
import { e2eEnv } from './e2e.env';
import { intrusion, postAlert, senderAndPrefecture } from './notification-fixtures';
import { useTestStack } from './test-stack';

type Report = components['schemas']['ImportReportView'];
type WebhookReport = components['schemas']['WebhookImportReportView'];

const run = randomUUID().slice(0, 8);
const PERIGUEUX = '24322';
const CNAPS = 'AUT-024-2118-05-23-20190371234';

/** An import row: a security firm of the Dordogne in the private-security convention, subscribed to intrusions. */
const subscribedFirmRow = (name: string) => ({
  kind: 'SECURITY_FIRM',
  name,
  departments: ['24'],
  siret: randomSiret(),
  cnapsNumber: CNAPS,
  conventions: ['private-security-2019'],
  eventCodes: ['intrusion'],
  minimumSeverity: 'Minor',
});

describe('partner registry: bulk import of organisations and their webhooks', () => {
  const world = useTestStack('registry-import', 500, { startTimeoutMs: 300_000 });
  let sink: WebhookSink;
  let sender: Partner;
  let dordogne: string;
  let gironde: string;
  let outsiderFirm: Partner;

  const upload = (key: string, body: { json?: unknown; csv?: string }, query = '') =>
    request<Report>('POST', `${world.registry.registryUrl}/v1/organizations/import${query}`, {
      key,
      ...(body.csv !== undefined
        ? { rawBody: body.csv, headers: { 'content-type': 'text/csv' } }
        : { body: body.json }),
    });
  const importWebhooks = (key: string, webhooks: unknown[]) =>
    request<WebhookReport>('POST', `${world.stack.url('notification')}/v1/webhooks/import`, {
      key,
      body: { webhooks },
    });
  const organisationsNamed = async (prefix: string) =>
    (
      await request<{ id: string; name: string; status: string }[]>(
        'GET',
        `${world.registry.registryUrl}/v1/organizations?department=24`,
        { key: world.adminKey },
      )
    ).body.filter((organisation) => organisation.name.startsWith(prefix));

  beforeAll(async () => {
    sink = await WebhookSink.start();
    ({ firm: sender } = await senderAndPrefecture(world.registry, world.stack, `Import émettrice ${run}`, '24'));
    dordogne = (await prefectureWithKey(world.registry, '24', ['operator'])).key;
    gironde = (await prefectureWithKey(world.registry, '33', ['operator'])).key;
    outsiderFirm = await registerActivePartner(world.registry, {
      kind: 'SECURITY_FIRM',
      name: `Import intrus ${run}`,
      departments: ['24'],
    });
    await waitUntilAccepted(world.stack.url('notification'), dordogne);
    await waitUntilAccepted(world.stack.url('notification'), gironde);
  }, 600_000);

  afterAll(async () => {
    await sink?.close();
  }, 30_000);

  it('imports a CSV file: good rows created, bad rows reported by line, field and reason', async () => {
    const siret = randomSiret();
    const csv = [
      'kind;name;departments;siret;cnapsNumber;conventions;subscriptionDepartments',
      `SECURITY_FIRM;CSV Gardiennage ${run};24;${siret};${CNAPS};private-security-2019;24`,
      `SECURITY_FIRM;CSV Sans SIRET ${run};24;;${CNAPS};;`,
      `JEWELLER;CSV Bijoux Bordeaux ${run};33;;;;`,
      `TOBACCONIST;CSV Tabac ${run};24;;;tobacco;33`,
    ].join('\n');
    const report = await upload(dordogne, { csv });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ format: 'csv', rows: 4, created: 1, updated: 0, unchanged: 0, refused: 3 });
    expect(report.body.results).toEqual([
      expect.objectContaining({ row: 2, outcome: 'created', key: `siret:${siret}` }),
    ]);
    expect(report.body.problems).toEqual([
      {
        row: 3,
        field: 'siret',
        code: 'invalid_value',
        message: 'La valeur du champ « siret » n’est pas valide.',
        detail: 'a security firm needs its SIRET',
      },
      expect.objectContaining({ row: 4, field: 'departments', code: 'outside_competence' }),
      // Every problem of a row is reported: the tobacco convention is not signed yet, and the
      // firm does not operate in the Gironde.
      expect.objectContaining({ row: 5, field: 'conventions', code: 'convention_refused' }),
      expect.objectContaining({ row: 5, field: 'subscriptionDepartments', code: 'subscription_refused' }),
    ]);
    const created = await organisationsNamed('CSV ');
    expect(created.filter((organisation) => organisation.name.endsWith(run)).map((o) => o.status)).toEqual(['PENDING']);
    const audit = await request<{ action: string }[]>(
      'GET',
      `${world.registry.registryUrl}/v1/audit?organisationId=${report.body.results[0].organisationId}`,
      { key: world.adminKey },
    );
    expect(audit.body.map((entry) => entry.action)).toContain('organisation.imported');
  });

  it('imports JSON, and the same file again creates nothing', async () => {
    const rows = [
      subscribedFirmRow(`JSON Surveillance ${run}`),
      { kind: 'JEWELLER', name: `JSON Bijouterie ${run}`, departments: ['24'], conventions: ['jewellery-2018'] },
    ];
    const first = await upload(dordogne, { json: rows }, '?activate=true');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ format: 'json', rows: 2, created: 2, unchanged: 0, refused: 0 });
    const again = await upload(dordogne, { json: { rows } }, '?activate=true');
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, refused: 0 });
    expect(again.body.results.map((result) => result.organisationId)).toEqual(
      first.body.results.map((result) => result.organisationId),
    );
    expect((await organisationsNamed('JSON ')).filter((o) => o.name.endsWith(run)).length).toBe(2);
    // The row with one more subscription completes the organisation rather than duplicating it.
    const completed = await upload(dordogne, { json: [{ ...rows[0], minimumSeverity: 'Severe' }] });
    expect(completed.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const subscriptions = await request<unknown[]>(
      'GET',
      `${world.registry.registryUrl}/v1/organizations/${first.body.results[0].organisationId}/subscriptions`,
      { key: world.adminKey },
    );
    expect(subscriptions.body).toHaveLength(2);
  });

  it('lets only administrators and prefectures import, each prefecture for its own départements', async () => {
    const row = { kind: 'JEWELLER', name: `Scope Bijoux ${run}`, departments: ['24'] };
    const firm = await upload(outsiderFirm.key, { json: [row] });
    expect(firm.status).toBe(403);
    expect(firm.headers.get('content-type')).toContain('application/problem+json');
    const other = await upload(gironde, { json: [row] });
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ created: 0, refused: 1 });
    expect(other.body.problems[0]).toMatchObject({ row: 1, code: 'outside_competence' });
    const webhooks = await importWebhooks(outsiderFirm.key, [{ organisationId: outsiderFirm.id, url: sink.url }]);
    expect(webhooks.status).toBe(403);
  });

  it('refuses a malformed file with problem details', async () => {
    const broken = await upload(dordogne, { csv: 'kind,name,departments\n"JEWELLER,unterminated\n' });
    expect(broken.status).toBe(400);
    expect(broken.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(broken.body)).toContain('the CSV file cannot be read');
    const notRows = await upload(dordogne, { json: { organisations: [] } });
    expect(notRows.status).toBe(400);
    expect(JSON.stringify(notRows.body)).not.toContain('at ');
  });

  it('delivers an alert to the webhook of an imported partner', async () => {
    const imported = await upload(
      dordogne,
      {
        json: [subscribedFirmRow(`Webhook Sécurité ${run}`)],
      },
      '?activate=true',
    );
    expect(imported.body.created).toBe(1);
    const organisationId = imported.body.results[0].organisationId;
    const rows = [
      { organisationId, url: sink.url },
      { organisationId, url: 'ftp://example.org/hook' },
    ];
    // Notification learns of the organisation from partner.changed.v1: the file is sent again until it does.
    const registered = await waitFor(
      async () => {
        const report = await importWebhooks(dordogne, rows);
        return report.body.created === 1 ? report.body : undefined;
      },
      { what: 'the imported organisation to be known to notification', timeoutMs: 30_000 },
    );
    expect(registered.problems).toEqual([expect.objectContaining({ row: 2, field: 'url', code: 'invalid_value' })]);
    const secret = registered.results[0].secret!;
    expect(secret).toMatch(/^whsec_/);
    const again = await importWebhooks(dordogne, rows);
    expect(again.body).toMatchObject({ created: 0, unchanged: 1 });
    expect(again.body.results[0].secret).toBeUndefined();
    expect((await importWebhooks(gironde, rows)).body.problems[0]).toMatchObject({ code: 'unknown_organisation' });

    const alertId = await postAlert(world.stack, sender.key, intrusion(PERIGUEUX, 'Severe', `Import ${run}`));
    const received = await waitFor(() => sink.received.find((r) => r.body.includes(alertId)), {
      what: 'the alert at the imported partner’s webhook',
      timeoutMs: 30_000,
    });
    expect(new Webhook(secret).verify(received.body, received.headers as Record<string, string>)).toBeTruthy();
  }, 90_000);

  it('routes an alert to more partners than one routed event carries: every one of them receives it', async () => {
    // Landes: no other test of this file publishes there.
    const partners = ROUTED_RECIPIENTS_PER_EVENT + 5;
    const rows = Array.from({ length: partners }, (_, index) => ({
      ...withIdentity({ kind: 'SECURITY_FIRM', name: `Landes abonnée ${run} ${index}`, departments: ['40'] }),
      conventions: ['private-security-2019'],
      subscriptionDepartments: ['40'],
    }));
    const imported = await upload(world.adminKey, { json: rows }, '?activate=true');
    expect(imported.body).toMatchObject({ created: partners, refused: 0 });
    const { firm } = await senderAndPrefecture(world.registry, world.stack, `Landes émettrice ${run}`, '40');
    // Routing knows every imported partner (partner.changed.v1) before the alert is sent.
    await waitFor(
      async () => {
        const preview = await request<{ recipients: unknown[] }>(
          'POST',
          `${world.stack.url('prefect-routing')}/v1/routing/preview`,
          {
            key: firm.key,
            body: { commune: '40192', eventCode: 'intrusion', severity: 'Severe', tlp: 'GREEN' },
          },
        );
        return preview.status === 200 && preview.body.recipients.length > partners;
      },
      { what: 'routing to know every imported partner', timeoutMs: 60_000, intervalMs: 500 },
    );

    const alertId = await postAlert(
      world.stack,
      firm.key,
      intrusion('40192', 'Severe', `Intrusion à Mont-de-Marsan ${run}`),
    );

    const brokers = e2eEnv.kafkaBrokers.split(',');
    const routed = await waitFor(
      async () => {
        const messages = await messagesWithKey(brokers, Topics.AlertRoutedV1, alertId);
        return messages.length >= 2 ? messages : undefined;
      },
      { what: 'the routed events of the alert', timeoutMs: 60_000, intervalMs: 500 },
    );
    const payloads = routed.map(
      (message) => (JSON.parse(message.value!.toString()) as EventEnvelope<AlertRoutedV1Payload>).payload,
    );
    expect(payloads.map((payload) => [payload.part, payload.recipients.length])).toEqual([
      [{ index: 1, count: 2 }, ROUTED_RECIPIENTS_PER_EVENT],
      [{ index: 2, count: 2 }, expect.any(Number)],
    ]);
    expect(new Set(payloads.map((payload) => payload.decisionId)).size).toBe(1);
    const everyone = new Set(payloads.flatMap((payload) => payload.recipients.map((r) => r.organisationId)));
    for (const result of imported.body.results) expect(everyone.has(result.organisationId)).toBe(true);
    // The second event was handled too: a partner only it names reads the alert.
    const importedIds = new Set(imported.body.results.map((result) => result.organisationId));
    const inSecond = payloads[1].recipients.map((r) => r.organisationId).find((id) => importedIds.has(id))!;
    const inSecondKey = await issueKey(world.registry, inSecond);
    await waitUntilAccepted(world.stack.url('alert-ingestion'), inSecondKey);
    const read = await request<{ id: string }>('GET', `${world.stack.url('alert-ingestion')}/v1/alerts/${alertId}`, {
      key: inSecondKey,
    });
    expect(read.status).toBe(200);
  }, 120_000);
});
