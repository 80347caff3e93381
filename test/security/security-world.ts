import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Stack,
  WebhookSink,
  issueKey,
  prefectureWithKey,
  recordReliability,
  registerActivePartner,
  request,
  waitFor,
  waitUntilAccepted,
  type Partner,
  type ReliabilityRow,
  type ServiceName,
} from '@vigie/testing';
import { e2eEnv, newAdminKey } from '../e2e.env';
import { startTestStack } from '../test-stack';
import { AuditedClient, leakingExchanges, type CallOptions, type Exchange } from './audited-client';
import type { Targets } from './object-routes';
import { routeInventory, type Route } from './route-inventory';

/**
 * The shared set-up of the security suite (test/security/*.e2e-spec.ts): one stack per spec
 * file, an attacker and a victim in départements no other file works in, and — for the files
 * that attack them — the victim's records, each written with a marker that must never reach
 * the attacker. Every test audits only its own exchanges.
 */
export const PRIVATE_SECURITY = 'private-security-2019';
export const JEWELLERY = 'jewellery-2018';
/** The attacker's département, and the victim's (no other test file works there). */
export const ATTACKER_DEPARTMENT = '48';
export const VICTIM_DEPARTMENT = '23';
export const NOTES = {
  common:
    'For attacks: sent = attempts made; accepted = attempts answered 2xx that must have been refused; delivered = ' +
    "foreign records returned to the attacker; duplicate effects = changes made to the victim's records; lost = 0 (nothing to lose).",
};

/**
 * One security scenario in the reliability table: an attack has nothing in transit, so it counts no
 * transport duplicates and loses nothing; what it did not deliver or change counts as 0.
 */
export function recordAttack(
  row: Pick<ReliabilityRow, 'scenario' | 'sent' | 'accepted' | 'notes'> &
    Partial<Pick<ReliabilityRow, 'delivered' | 'duplicateEffects'>>,
): void {
  recordReliability({
    suite: 'security',
    scenario: row.scenario,
    sent: row.sent,
    accepted: row.accepted,
    delivered: row.delivered ?? 0,
    transportDuplicates: 0,
    duplicateEffects: row.duplicateEffects ?? 0,
    lost: 0,
    notes: row.notes,
  });
}

export const alertIn = (commune: string, tlp: string, headline: string, severity = 'Moderate') => ({
  status: 'Actual',
  tlp,
  location: { commune },
  info: [
    {
      category: ['Security'],
      eventCode: 'theft',
      urgency: 'Immediate',
      severity,
      certainty: 'Observed',
      headline,
    },
  ],
});

export const keyIdOf = (key: string): string => /^vgk_([0-9a-f-]{36})_/.exec(key)![1];
export const is2xx = (exchange: Exchange): boolean => exchange.status >= 200 && exchange.status < 300;

/** What a spec file attacks: the parties alone, or the victim's records too. */
export interface WorldOptions {
  /** Referents, sites, a subscription, a person, webhooks, alerts, a broadcast and a rule of the victim. */
  victimRecords: boolean;
}

export class SecurityWorld {
  readonly adminKey = newAdminKey();
  /** Written into every text field of the victim's records: it must never reach the attacker. */
  readonly marker = `bravo-${randomUUID()}`;
  readonly tag = randomUUID().slice(0, 8);
  /** This test's exchanges (a new client before each test). */
  client = new AuditedClient();
  stack!: Stack;
  routes!: Route[];
  registry!: { registryUrl: string; adminKey: string };
  attacker!: Partner;
  victim!: Partner;
  sender!: Partner;
  lozereOperator!: string;
  creuseOperator!: string;
  /** An organisation of no convention: entitled nowhere. */
  outsider!: Partner;
  conventions!: Record<string, string>;
  targets!: Targets;
  victimSink?: WebhookSink;
  victimSecret!: string;
  redirector?: Server;
  redirectTarget?: WebhookSink;
  redirectWebhookId?: string;

  url = (service: ServiceName, path: string) => `${this.stack.url(service)}${path}`;
  call = (service: ServiceName, method: string, path: string, options?: CallOptions) =>
    this.client.call(method, this.url(service, path), options);
  registryCall = (method: string, path: string, key: string, json?: unknown) =>
    this.call('partner-registry', method, path, { key, json });

  /** Ids of the victim (and of alerts it sent or received) that the attacker never named. */
  foreignRecordsIn(exchange: Exchange, named: string): boolean {
    const ids = Object.values(this.targets?.victim ?? {}).filter((id) => id !== this.targets.victim.conventionId);
    return exchange.text.includes(this.marker) || ids.some((id) => exchange.text.includes(id) && !named.includes(id));
  }

  /** Everything the victim can read about itself: any change made by someone else shows here. */
  async victimState(): Promise<string> {
    const v = this.targets.victim;
    const key = this.victim.key;
    const reads = await Promise.all([
      this.registryCall('GET', `/v1/organizations/${v.organisationId}`, key),
      this.registryCall('GET', `/v1/organizations/${v.organisationId}/api-keys`, key),
      this.registryCall('GET', `/v1/organizations/${v.organisationId}/referents`, key),
      this.registryCall('GET', `/v1/organizations/${v.organisationId}/sites`, key),
      this.registryCall('GET', `/v1/organizations/${v.organisationId}/subscriptions`, key),
      this.registryCall('GET', `/v1/organizations/${v.organisationId}/people`, key),
      this.registryCall('GET', `/v1/conventions/${v.conventionId}/members`, this.adminKey),
      this.call('alert-ingestion', 'GET', `/v1/alerts/${v.alertId}/history`, { key }),
      this.call('notification', 'GET', '/v1/webhooks', { key }),
      this.call('notification', 'GET', `/v1/alerts/${v.receivedAlertId}/acknowledgements`, { key }),
      this.call('prefect-routing', 'GET', `/v1/broadcasts/${v.broadcastId}`, { key }),
      this.call('notification', 'GET', `/v1/broadcasts/${v.broadcastId}/acknowledgements`, { key }),
      this.call('prefect-routing', 'GET', `/v1/routing/rules/${this.targets.victimPrefectureRuleId}`, {
        key: this.creuseOperator,
      }),
    ]);
    for (const read of reads) expect(read.status).toBe(200);
    return JSON.stringify(reads.map((read) => read.body));
  }

  /**
   * This test's answers, searched for a stack trace, SQL text, an internal address or the host
   * name, and for server errors; recorded with the test's scenario.
   */
  expectNothingDisclosed(scenario: string, minimum = 1): void {
    const database = new URL(e2eEnv.databaseUrl);
    const leaks = leakingExchanges(this.client.exchanges, [database.host, e2eEnv.kafkaBrokers]);
    const serverErrors = this.client.exchanges.filter((exchange) => exchange.status >= 500);
    recordAttack({
      scenario: `disclosure: every answer of ${scenario} searched for stack traces, SQL, exception names, paths, internal addresses`,
      sent: this.client.exchanges.length,
      accepted: serverErrors.length,
      delivered: leaks.length,
      notes:
        'Here sent = answers examined; accepted = 5xx answers; delivered = answers disclosing something (all must be 0).',
    });
    expect(this.client.exchanges.length).toBeGreaterThanOrEqual(minimum);
    expect(leaks).toEqual([]);
    expect(serverErrors.map((exchange) => `${exchange.method} ${exchange.url}: ${exchange.status}`)).toEqual([]);
  }

  async start(name: string, portOffset: number, options: WorldOptions): Promise<void> {
    this.stack = await startTestStack(name, portOffset, { adminKey: this.adminKey });
    this.registry = { registryUrl: this.stack.url('partner-registry'), adminKey: this.adminKey };
    this.routes = await routeInventory(this.stack);
    const listed = await request<{ id: string; code: string }[]>('GET', `${this.registry.registryUrl}/v1/conventions`, {
      key: this.adminKey,
    });
    this.conventions = Object.fromEntries(listed.body.map((convention) => [convention.code, convention.id]));
    await this.registerParties();
    if (options.victimRecords) await this.writeVictimRecords();
  }

  private async registerParties(): Promise<void> {
    const { registry, tag, marker } = this;
    this.attacker = await registerActivePartner(
      registry,
      { kind: 'SECURITY_FIRM', name: `Alpha Sécurité Lozère ${tag}`, departments: [ATTACKER_DEPARTMENT] },
      { conventions: [PRIVATE_SECURITY] },
    );
    this.victim = await registerActivePartner(
      registry,
      { kind: 'JEWELLER', name: `Bijouterie ${marker}`, departments: [VICTIM_DEPARTMENT] },
      { conventions: [JEWELLERY] },
    );
    this.sender = await registerActivePartner(
      registry,
      { kind: 'SECURITY_FIRM', name: `Gardiennage Creusois ${tag}`, departments: [VICTIM_DEPARTMENT] },
      { conventions: [PRIVATE_SECURITY] },
    );
    this.lozereOperator = (await prefectureWithKey(registry, ATTACKER_DEPARTMENT, ['operator'])).key;
    this.creuseOperator = (await prefectureWithKey(registry, VICTIM_DEPARTMENT, ['operator'])).key;
    this.outsider = await registerActivePartner(registry, {
      kind: 'SECURITY_FIRM',
      name: `Hors convention ${tag}`,
      departments: [ATTACKER_DEPARTMENT],
    });
    for (const service of ['alert-ingestion', 'prefect-routing', 'notification'] as const) {
      await waitUntilAccepted(this.stack.url(service), this.victim.key);
      await waitUntilAccepted(this.stack.url(service), this.attacker.key);
    }
  }

  private async writeVictimRecords(): Promise<void> {
    const { registry, tag, marker, victim } = this;
    const own = (path: string, json: unknown) =>
      this.registryCall('POST', `/v1/organizations/${victim.id}${path}`, victim.key, json);
    const referent = await own('/referents', {
      department: VICTIM_DEPARTMENT,
      role: 'PRIMARY',
      fullName: `Brigitte ${marker}`,
      email: `brigitte@${marker}.example.fr`,
      phone: '+33 5 55 52 00 00',
    });
    const site = await own('/sites', { name: `Boutique ${marker}`, kind: 'JEWELLERY_SHOP', commune: '23096' });
    const subscription = await own('/subscriptions', { departments: [VICTIM_DEPARTMENT] });
    for (const created of [referent, site, subscription]) expect(created.status).toBe(201);
    // A key issued after the subscription: a service that knows it knows the subscription.
    const firstKey = victim.key;
    victim.key = await issueKey(registry, victim.id);
    for (const service of ['alert-ingestion', 'prefect-routing', 'notification'] as const)
      await waitUntilAccepted(this.stack.url(service), victim.key);
    await waitUntilAccepted(this.stack.url('alert-ingestion'), this.sender.key);
    for (const key of [this.creuseOperator, this.lozereOperator, this.outsider.key])
      await waitUntilAccepted(this.stack.url('prefect-routing'), key);

    this.victimSink = await WebhookSink.start();
    const hook = await this.call('notification', 'POST', '/v1/webhooks', {
      key: victim.key,
      json: { url: `${this.victimSink.url}?${marker}` },
    });
    expect(hook.status).toBe(201);
    this.victimSecret = hook.body.secret;
    this.redirectTarget = await WebhookSink.start();
    this.redirector = await startRedirector(this.redirectTarget.url);
    const redirecting = await this.call('notification', 'POST', '/v1/webhooks', {
      key: victim.key,
      json: { url: `http://127.0.0.1:${(this.redirector.address() as AddressInfo).port}/hooks/${marker}` },
    });
    expect(redirecting.status).toBe(201);
    this.redirectWebhookId = redirecting.body.id;

    const sent = await this.call('alert-ingestion', 'POST', '/v1/alerts', {
      key: victim.key,
      json: alertIn('23096', 'AMBER', `Vol à main armée ${marker}`, 'Severe'),
    });
    expect(sent.status).toBe(201);
    const received = await this.call('alert-ingestion', 'POST', '/v1/alerts', {
      key: this.sender.key,
      json: alertIn('23096', 'CLEAR', `Individus suspects ${marker}`),
    });
    expect(received.status).toBe(201);
    const sink = this.victimSink;
    await waitFor(() => sink.received.some((hit) => hit.body.includes(received.body.id)), {
      what: "the alert routed to the victim at the victim's webhook",
      timeoutMs: 30_000,
    });
    const readable = async (service: ServiceName, path: string, key: string) =>
      (await request('GET', this.url(service, path), { key })).status === 200;
    await waitFor(() => readable('alert-ingestion', `/v1/alerts/${received.body.id}`, victim.key), {
      what: 'ingestion to learn that the alert was routed to the victim',
      timeoutMs: 20_000,
    });
    for (const [alertId, key] of [
      [sent.body.id, victim.key],
      [received.body.id, this.sender.key],
    ]) {
      await waitFor(() => readable('prefect-routing', `/v1/alerts/${alertId}/routing`, key), {
        what: `the routing decision of ${alertId}`,
        timeoutMs: 20_000,
      });
    }
    await waitFor(() => readable('notification', `/v1/alerts/${sent.body.id}/escalation`, victim.key), {
      what: "the escalation of the victim's Severe alert",
      timeoutMs: 20_000,
    });
    // The victim's prefecture writes a rule and broadcasts to its partners, the victim among them.
    const broadcast = await this.call('prefect-routing', 'POST', '/v1/broadcasts', {
      key: this.creuseOperator,
      json: { headline: `Vigilance ${marker}`, description: `Repérages près des bijouteries ${marker}` },
    });
    expect(broadcast.status).toBe(201);
    const rule = await this.call('prefect-routing', 'POST', '/v1/routing/rules', {
      key: this.creuseOperator,
      json: {
        id: `creuse-${tag}`,
        description: `Drones signalés à ${marker}`,
        when: [{ departments: [VICTIM_DEPARTMENT], eventCodes: ['drone-overflight'] }],
        select: { type: 'organisations', organisationIds: [victim.id] },
      },
    });
    expect(rule.status).toBe(201);

    const invitation = await this.registryCall('POST', `/v1/organizations/${victim.id}/invitations`, victim.key, {
      email: `vendeuse.${tag}@bijouterie.example`,
      fullName: `Vendeuse ${marker}`,
      roles: ['DUTY_OFFICER'],
    });
    expect(invitation.status).toBe(201);
    const person = await this.registryCall('POST', '/v1/invitations/accept', victim.key, {
      token: invitation.body.token,
      password: `mot de passe ${marker}`,
    });
    expect(person.status).toBe(201);

    this.targets = {
      victimPrefectureRuleId: rule.body.id,
      victim: {
        organisationId: victim.id,
        conventionId: this.conventions[JEWELLERY],
        siteId: site.body.id,
        referentId: referent.body.id,
        apiKeyId: keyIdOf(firstKey),
        webhookId: hook.body.id,
        subscriptionId: subscription.body.id,
        personId: person.body.personId,
        alertId: sent.body.id,
        receivedAlertId: received.body.id,
        broadcastId: broadcast.body.broadcast.broadcastId,
      },
      attacker: { organisationId: this.attacker.id, conventionId: this.conventions[PRIVATE_SECURITY] },
      victimDepartment: VICTIM_DEPARTMENT,
      alert: alertIn('23096', 'AMBER', 'Mise à jour usurpée'),
    };
  }

  async stop(): Promise<void> {
    if (this.targets) {
      await request('DELETE', this.url('prefect-routing', `/v1/routing/rules/${this.targets.victimPrefectureRuleId}`), {
        key: this.creuseOperator,
      });
    }
    // Deliveries to the victim's endpoints are retried: stop them before leaving, so that no
    // later file's notification service keeps trying closed sinks.
    for (const webhookId of [this.redirectWebhookId, this.targets?.victim.webhookId]) {
      if (this.victim && webhookId)
        await request('DELETE', this.url('notification', `/v1/webhooks/${webhookId}`), { key: this.victim.key });
    }
    await this.victimSink?.close();
    await this.redirectTarget?.close();
    const redirector = this.redirector;
    await new Promise((resolve) => (redirector ? redirector.close(resolve) : resolve(undefined)));
    await this.stack?.stop();
  }
}

/** A server that answers every request with a redirect to `location`. */
async function startRedirector(location: string): Promise<Server> {
  const server = createServer((incoming, response) => {
    incoming.resume();
    response.writeHead(307, { location }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/**
 * One world for the spec file that calls it: its stack started before the file's tests and
 * stopped after them, and a fresh exchange log before each test.
 */
export function useSecurityWorld(name: string, portOffset: number, options: WorldOptions): SecurityWorld {
  const world = new SecurityWorld();
  beforeAll(() => world.start(name, portOffset, options), 180_000);
  beforeEach(() => {
    world.client = new AuditedClient();
  });
  afterAll(() => world.stop(), 60_000);
  return world;
}
