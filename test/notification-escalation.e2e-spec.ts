import { Client } from 'pg';
import type { components } from '@vigie/client';
import { Topics } from '@vigie/contracts';
import {
  SmtpSink,
  WebhookSink,
  issueKey,
  messagesWithKey,
  prefectureOf,
  request,
  waitFor,
  waitUntilAccepted,
  type Partner,
  type ReceivedEmail,
} from '@vigie/testing';
import { e2eEnv } from './e2e.env';
import { intrusion, nationalLevel, postAlert, privateSecurityFirm, registerWebhook } from './notification-fixtures';
import { useTestStack } from './test-stack';

const BREST = '29019';
const PRIMARY = 'astreinte.prefecture@finistere.test';
const DEPUTY = 'sous-prefet.permanence@finistere.test';
const DEADLINE_SECONDS = 10;
const brokers = [e2eEnv.kafkaBrokers];

type Escalation = Pick<components['schemas']['EscalationView'], 'status' | 'nextStep' | 'steps'>;

// In the Finistère, so that other files' organisations play no part.
describe('notification e-mail, acknowledgement and escalation', () => {
  const world = useTestStack('notification-escalation', 140, async () => {
    smtp = await SmtpSink.start();
    return {
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Vigie <vigie@finistere.test>',
        ESCALATION_DEADLINE_SECONDS: String(DEADLINE_SECONDS),
        ESCALATION_POLL_INTERVAL_MS: '200',
        DELIVERY_RETRY_BASE_MS: '100',
      },
    };
  });
  let smtp: SmtpSink;
  let nationalSink: WebhookSink;
  let firm: Partner;
  let prefecture: Partner;
  let national: Partner;
  let db: Client;

  const notification = (path: string, key: string, method = 'GET') =>
    request<any>(method, `${world.stack.url('notification')}${path}`, { key });
  const mailAbout = (address: string, headline: string): ReceivedEmail[] =>
    smtp.to(address).filter((mail) => mail.subject.includes(headline));
  const linkIn = (mail: ReceivedEmail): string => /https?:\/\/\S+\/v1\/acknowledgements\/[\w.-]+/.exec(mail.text)![0];
  const escalationOf = async (alertId: string): Promise<Escalation> => {
    const result = await notification(`/v1/alerts/${alertId}/escalation`, firm.key);
    if (result.status !== 200) throw new Error(`escalation: ${result.status}`);
    return result.body as Escalation;
  };
  const escalatedToNational = (alertId: string) =>
    nationalSink.received
      .map((r) => JSON.parse(r.body))
      .filter((body) => body.type === 'alert.escalated' && body.alert.alertId === alertId);

  async function referent(role: string, fullName: string, email: string): Promise<void> {
    const created = await request('POST', `${world.registry.registryUrl}/v1/organizations/${prefecture.id}/referents`, {
      key: world.adminKey,
      body: { department: '29', role, fullName, email, phone: '+33 2 98 76 29 29' },
    });
    expect(created.status).toBe(201);
  }

  /** A Severe alert in Brest, once its primary referent was e-mailed (its deadline is then armed). */
  async function severeAlert(headline: string): Promise<string> {
    const alertId = await postAlert(world.stack, firm.key, intrusion(BREST, 'Severe', headline));
    await waitFor(() => mailAbout(PRIMARY, headline).length === 1, {
      what: `the prefecture's referent to be e-mailed about "${headline}"`,
      timeoutMs: 30000,
    });
    return alertId;
  }

  beforeAll(async () => {
    nationalSink = await WebhookSink.start();
    firm = await privateSecurityFirm(world.registry, 'Armor Gardiennage Émetteur', ['29']);
    const finistere = await prefectureOf(world.registry, '29');
    prefecture = { ...finistere, key: '' };
    await referent('PRIMARY', 'Astreinte Préfecture', PRIMARY);
    await referent('DEPUTY', 'Sous-préfet de permanence', DEPUTY);
    // Issued after the referents: once notification knows the key, it knows them.
    prefecture.key = await issueKey(world.registry, prefecture.id);
    national = await nationalLevel(world.registry, ['subscriber']);
    await waitUntilAccepted(world.stack.url('alert-ingestion'), firm.key);
    await waitUntilAccepted(world.stack.url('notification'), firm.key);
    await waitUntilAccepted(world.stack.url('notification'), prefecture.key);
    await waitUntilAccepted(world.stack.url('notification'), national.key);
    await registerWebhook(world.stack, national.key, nationalSink.url);
    db = new Client({ connectionString: e2eEnv.databaseUrl });
    await db.connect();
  }, 180_000);

  world.beforeStop(async () => {
    await db?.end();
  });
  afterAll(async () => {
    await nationalSink?.close();
    await smtp?.close();
  }, 60_000);

  let acknowledged: string;

  it('e-mails the referent a plain-text and HTML message whose link acknowledges, once, for the originator to see', async () => {
    const headline = 'Intrusion, port de commerce de Brest';
    acknowledged = await severeAlert(headline);
    const [mail] = mailAbout(PRIMARY, headline);
    expect(mail.from).toBe('vigie@finistere.test');
    expect(mail.text).toContain('Lieu : Brest (29)');
    expect(mail.text).toContain('Préfecture du Finistère');
    const link = linkIn(mail);
    expect(mail.html).toContain(`<a href="${link}">`);
    expect(mail.html).toContain(headline);

    // Opening the link only asks for confirmation (mail scanners open links).
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post">');
    expect((await notification(`/v1/alerts/${acknowledged}/acknowledgements`, firm.key)).body).toEqual([]);

    const confirmed = await fetch(link, { method: 'POST' });
    expect(confirmed.status).toBe(200);
    const [seen] = (await notification(`/v1/alerts/${acknowledged}/acknowledgements`, firm.key)).body;
    expect(seen).toMatchObject({
      alertId: acknowledged,
      organisationId: prefecture.id,
      organisationName: 'Préfecture du Finistère',
      channel: 'email',
      referentName: 'Astreinte Préfecture',
    });

    // Again, through the API: the same answer, nothing new.
    const again = await notification(`/v1/alerts/${acknowledged}/acknowledgements`, prefecture.key, 'POST');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(seen);
    expect((await fetch(link, { method: 'POST' })).status).toBe(200);
    expect((await fetch(`${link.slice(0, -3)}xyz`, { method: 'POST' })).status).toBe(404);

    // Not a recipient: as if the alert did not exist.
    const outsider = await privateSecurityFirm(world.registry, 'Gardiennage Morbihannais', ['56']);
    await waitUntilAccepted(world.stack.url('notification'), outsider.key);
    expect((await notification(`/v1/alerts/${acknowledged}/acknowledgements`, outsider.key, 'POST')).status).toBe(404);
    expect((await notification(`/v1/alerts/${acknowledged}/acknowledgements`, outsider.key)).status).toBe(404);
    expect((await notification(`/v1/alerts/${acknowledged}/escalation`, outsider.key)).status).toBe(404);

    const escalation = await escalationOf(acknowledged);
    expect(escalation).toMatchObject({ status: 'cancelled', nextStep: null });
    expect(escalation.steps.map((s) => s.step)).toEqual(['armed', 'cancelled']);
    expect(escalation.steps[1].detail).toBe('acknowledged by the competent prefecture');

    // One alert.acknowledged.v1; a later acknowledgement's event proves the relay went past.
    const moderate = await postAlert(world.stack, firm.key, intrusion(BREST, 'Moderate', 'Intrusion, Recouvrance'));
    const first = await waitFor(
      async () =>
        (await notification(`/v1/alerts/${moderate}/acknowledgements`, prefecture.key, 'POST')).status === 201,
      { what: 'the moderate alert to be acknowledged', timeoutMs: 30000 },
    );
    expect(first).toBe(true);
    await waitFor(async () => (await messagesWithKey(brokers, Topics.AlertAcknowledgedV1, moderate)).length === 1, {
      what: 'the later acknowledgement on Kafka',
      timeoutMs: 30000,
    });
    const events = await messagesWithKey(brokers, Topics.AlertAcknowledgedV1, acknowledged);
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0].value!.toString()).payload).toMatchObject({
      alertId: acknowledged,
      organisationId: prefecture.id,
      senderOrganisationId: firm.id,
      channel: 'email',
    });
  }, 120_000);

  it('escalates an unacknowledged Severe alert to the deputy, then to the national level; the acknowledged one never', async () => {
    const headline = 'Intrusion, arsenal de Brest';
    const alertId = await severeAlert(headline);
    const deputyMail = await waitFor(() => mailAbout(DEPUTY, headline)[0], {
      what: 'the deputy referent to be e-mailed',
      timeoutMs: DEADLINE_SECONDS * 1000 + 30000,
    });
    expect(deputyMail.subject).toMatch(/^\[Vigie\] ESCALADE Severe — /);
    expect(deputyMail.text).toContain(`not acknowledged by Préfecture du Finistère within ${DEADLINE_SECONDS} s`);
    expect(deputyMail.text).toMatch(/\/v1\/acknowledgements\//);

    const [reached] = await waitFor(
      () => {
        const found = escalatedToNational(alertId);
        return found.length > 0 ? found : undefined;
      },
      { what: 'the national level to receive the escalation', timeoutMs: DEADLINE_SECONDS * 1000 + 30000 },
    );
    expect(reached).toMatchObject({
      escalation: { step: 'national' },
      recipient: { organisationId: national.id, rule: 'escalation-national' },
    });
    const escalation = await escalationOf(alertId);
    expect(escalation.status).toBe('completed');
    expect(escalation.steps.map((s) => s.step)).toEqual(['armed', 'deputy', 'national']);
    expect(escalation.steps[1].detail).toMatch(/1 deputy referent\(s\) e-mailed$/);

    // The originator sees the escalation deliveries too.
    const deliveries = (await notification(`/v1/deliveries?alertId=${alertId}`, firm.key)).body as {
      type: string;
      channel: string;
      status: string;
    }[];
    expect(deliveries.filter((d) => d.type === 'alert.escalated').map((d) => d.channel)).toEqual(
      expect.arrayContaining(['email', 'webhook']),
    );

    // The acknowledged alert's deadlines have long passed: still nothing for it.
    expect(mailAbout(DEPUTY, 'port de commerce de Brest')).toEqual([]);
    expect(escalatedToNational(acknowledged)).toEqual([]);
    expect((await escalationOf(acknowledged)).status).toBe('cancelled');
    expect(mailAbout(DEPUTY, headline)).toHaveLength(1);
  }, 120_000);

  it('keeps a deadline across a restart of the service', async () => {
    const headline = 'Intrusion, pont de Recouvrance';
    const alertId = await severeAlert(headline);
    await world.stack.stopService('notification');
    await waitFor(
      async () => {
        const { rows } = await db.query(
          'SELECT next_step_at < now() AS due FROM notification.escalations WHERE id = $1',
          [alertId],
        );
        return rows[0]?.due === true;
      },
      { what: 'the deadline to pass while the service is stopped', timeoutMs: DEADLINE_SECONDS * 1000 + 10000 },
    );
    expect(mailAbout(DEPUTY, headline)).toEqual([]);
    await world.stack.startService('notification');
    await waitFor(() => mailAbout(DEPUTY, headline).length === 1, {
      what: 'the deputy to be e-mailed after the restart',
      timeoutMs: 30000,
    });
    const escalation = await escalationOf(alertId);
    expect(escalation.steps.map((s) => s.step)).toEqual(['armed', 'deputy']);
    expect(escalation).toMatchObject({ status: 'armed', nextStep: 'national' });
  }, 120_000);

  it('disarms the deadline when the alert is cancelled', async () => {
    const alertId = await severeAlert('Intrusion, base navale, fausse alerte');
    const cancelled = await request('POST', `${world.stack.url('alert-ingestion')}/v1/alerts/${alertId}/cancel`, {
      key: firm.key,
      body: { note: 'Déclenchement intempestif' },
    });
    expect(cancelled.status).toBe(201);
    const escalation = await waitFor(
      async () => {
        const found = await escalationOf(alertId);
        return found.status === 'cancelled' ? found : undefined;
      },
      { what: 'the cancellation to disarm the escalation', timeoutMs: 30000 },
    );
    expect(escalation.steps.map((s) => [s.step, s.detail])).toEqual([
      ['armed', expect.stringContaining('Severe alert')],
      ['cancelled', 'the alert was cancelled'],
    ]);
  }, 90_000);
});
