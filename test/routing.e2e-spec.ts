import {
  WebhookSink,
  issueKey,
  prefectureOf,
  registerActivePartner,
  request,
  waitFor,
  waitUntilAccepted,
  type Partner,
  type Stack,
} from '@vigie/testing';
import { newAdminKey } from './e2e.env';
import { startTestStack } from './test-stack';

const alertIn = (commune: string, tlp: string) => ({
  status: 'Actual',
  tlp,
  location: { commune },
  info: [
    {
      category: ['Security'],
      eventCode: 'intrusion',
      urgency: 'Immediate',
      severity: 'Moderate',
      certainty: 'Observed',
      headline: 'Intrusion dans un entrepôt',
    },
  ],
});

describe('routing: the right people, and only they, with the reasons', () => {
  const adminKey = newAdminKey();
  let stack: Stack;
  let registry: { registryUrl: string; adminKey: string };
  let sender: Partner;
  const sinks = new Map<string, WebhookSink>();

  /** A partner subscribed to intrusions in `department`, with its own webhook. */
  async function subscriber(
    organisation: { kind: string; name: string; departments: string[] },
    conventions: string[],
    department: string,
  ): Promise<Partner> {
    const partner = await registerActivePartner(registry, organisation, { conventions });
    const subscription = await request('POST', `${registry.registryUrl}/v1/organizations/${partner.id}/subscriptions`, {
      key: partner.key,
      body: { departments: [department], eventCodes: ['intrusion'], minimumSeverity: 'Minor' },
    });
    expect(subscription.status).toBe(201);
    partner.key = await issueKey(registry, partner.id); // a key issued after the subscription: known together
    await waitUntilAccepted(stack.url('notification'), partner.key);
    await waitUntilAccepted(stack.url('prefect-routing'), partner.key);
    const sink = await WebhookSink.start();
    sinks.set(partner.id, sink);
    const webhook = await request('POST', `${stack.url('notification')}/v1/webhooks`, {
      key: partner.key,
      body: { url: sink.url },
    });
    expect(webhook.status).toBe(201);
    return partner;
  }

  const received = (organisationId: string, alertId: string): boolean =>
    (sinks.get(organisationId)?.received ?? []).some(
      (r) => (JSON.parse(r.body) as { alert: { alertId: string } }).alert.alertId === alertId,
    );

  beforeAll(async () => {
    stack = await startTestStack('routing', 90, { adminKey });
    registry = { registryUrl: stack.url('partner-registry'), adminKey };
    sender = await registerActivePartner(
      registry,
      { kind: 'SECURITY_FIRM', name: 'Émetteur Sécurité Corse', departments: ['2A'] },
      { conventions: ['private-security-2019'] },
    );
    await waitUntilAccepted(stack.url('alert-ingestion'), sender.key);
  }, 120_000);

  afterAll(async () => {
    for (const sink of sinks.values()) await sink.close();
    await stack?.stop();
  }, 30_000);

  // In Corse-du-Sud, so that other files' organisations (in the Rhône) play no part.
  it('sends an AMBER alert to the prefecture and to subscribed members of the sender’s convention in the département only', async () => {
    const prefecture = await prefectureOf(registry, '2A');
    const member = await subscriber(
      { kind: 'SECURITY_FIRM', name: 'Membre Convention 2A', departments: ['2A'] },
      ['private-security-2019'],
      '2A',
    );
    const jeweller = await subscriber(
      { kind: 'JEWELLER', name: 'Bijouterie du Cours Napoléon', departments: ['2A'] },
      ['jewellery-2018'],
      '2A',
    );
    const isere = await subscriber(
      { kind: 'SECURITY_FIRM', name: 'Sécurité Grenobloise', departments: ['38'] },
      ['private-security-2019'],
      '38',
    );

    const posted = await request<any>('POST', `${stack.url('alert-ingestion')}/v1/alerts`, {
      key: sender.key,
      body: alertIn('2A004', 'AMBER'),
    });
    expect(posted.status).toBe(201);
    const alertId = posted.body.id as string;
    await waitFor(() => received(member.id, alertId), {
      what: 'the convention member to receive it',
      timeoutMs: 15000,
    });

    const decision = await request<any>('GET', `${stack.url('prefect-routing')}/v1/alerts/${alertId}/routing`, {
      key: sender.key,
    });
    expect(decision.status).toBe(200);
    const recipients = (decision.body.recipients as { organisationId: string; rule: string; reason: string }[]).map(
      (r) => r.organisationId,
    );
    expect(recipients.sort()).toEqual([prefecture.id, member.id].sort());
    const jewellerExclusion = (decision.body.excluded as { organisationId: string; reason: string }[]).find(
      (e) => e.organisationId === jeweller.id,
    );
    expect(jewellerExclusion?.reason).toMatch(/^TLP:AMBER — not a member of the sender's convention deployed in 2A/);
    expect(recipients).not.toContain(isere.id);
    expect(received(jeweller.id, alertId)).toBe(false);
    expect(received(isere.id, alertId)).toBe(false);

    // The same alert as GREEN reaches the wider community (any convention deployed there).
    const green = await request<any>('POST', `${stack.url('alert-ingestion')}/v1/alerts`, {
      key: sender.key,
      body: alertIn('2A004', 'GREEN'),
    });
    await waitFor(() => received(jeweller.id, green.body.id), {
      what: 'the GREEN alert to reach the jeweller',
      timeoutMs: 15000,
    });
    expect(received(isere.id, green.body.id)).toBe(false);
  }, 90_000);

  it('keeps an AMBER+STRICT alert to the sender and State recipients', async () => {
    const posted = await request<any>('POST', `${stack.url('alert-ingestion')}/v1/alerts`, {
      key: sender.key,
      body: alertIn('2A004', 'AMBER+STRICT'),
    });
    const decision = await waitFor(
      async () => {
        const result = await request<any>(
          'GET',
          `${stack.url('prefect-routing')}/v1/alerts/${posted.body.id}/routing`,
          {
            key: sender.key,
          },
        );
        return result.status === 200 ? result.body : undefined;
      },
      { what: 'the routing decision', timeoutMs: 15000 },
    );
    expect(decision.recipients.map((r: { rule: string }) => r.rule)).toEqual(['competent-prefecture']);
    expect(decision.excluded.length).toBeGreaterThan(0);
  }, 60_000);
});
