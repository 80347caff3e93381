import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import {
  Stack,
  WebhookSink,
  issueKey,
  prefectureOf,
  recordReliability,
  registerActivePartner,
  request,
  waitFor,
  waitUntilAccepted,
  withIdentity,
  type Partner,
  type ServiceName,
} from '@vigie/testing';
import { verifyWebhook } from '../apps/notification/src/channels/webhook/webhook.signer';
import { e2eEnv, newAdminKey, newSecretsKey } from './e2e.env';
import { capFixture } from './fixtures/cap';
import { AuditedClient, leakingExchanges, type CallOptions, type Exchange } from './security/audited-client';
import {
  LIST_QUERIES,
  OBJECT_ROUTES,
  ROUTES_NOT_OWNED_BY_AN_ORGANISATION,
  type Targets,
} from './security/object-routes';
import { readmeVerify } from './security/readme-recipe';
import { fillPath, routeInventory, routeName, type Route } from './security/route-inventory';
import { startTestStack } from './test-stack';

const PRIVATE_SECURITY = 'private-security-2019';
const JEWELLERY = 'jewellery-2018';
/** The attacker's département, and the victim's (no other test file works there). */
const ATTACKER_DEPARTMENT = '48';
const VICTIM_DEPARTMENT = '23';
/** The rate limit of the hardened notification instance. */
const LIMIT = 40;
const NOTES = {
  common:
    'For attacks: sent = attempts made; accepted = attempts answered 2xx that must have been refused; delivered = ' +
    "foreign records returned to the attacker; duplicate effects = changes made to the victim's records; lost = 0 (nothing to lose).",
};

const alertIn = (commune: string, tlp: string, headline: string, severity = 'Moderate') => ({
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

const keyIdOf = (key: string): string => /^vgk_([0-9a-f-]{36})_/.exec(key)![1];
const is2xx = (exchange: Exchange): boolean => exchange.status >= 200 && exchange.status < 300;

describe('security: hostile requests against the four services', () => {
  const adminKey = newAdminKey();
  const client = new AuditedClient();
  /** Written into every text field of the victim's records: it must never reach the attacker. */
  const marker = `bravo-${randomUUID()}`;
  let stack: Stack;
  let routes: Route[];
  let registry: { registryUrl: string; adminKey: string };
  let attacker: Partner;
  let victim: Partner;
  let sender: Partner;
  let lozereOperator: string;
  let creuseOperator: string;
  /** An organisation of no convention: entitled nowhere. */
  let outsider: Partner;
  let conventions: Record<string, string>;
  let targets: Targets;
  let victimSink: WebhookSink;
  let victimSecret: string;
  let redirector: Server;
  let redirectTarget: WebhookSink;
  let redirectWebhookId: string;

  const url = (service: ServiceName, path: string) => `${stack.url(service)}${path}`;
  const call = (service: ServiceName, method: string, path: string, options?: CallOptions) =>
    client.call(method, url(service, path), options);
  const registryCall = (method: string, path: string, key: string, json?: unknown) =>
    call('partner-registry', method, path, { key, json });

  /** Ids of the victim (and of alerts it sent or received) that the attacker never named. */
  function foreignRecordsIn(exchange: Exchange, named: string): boolean {
    const ids = Object.values(targets.victim).filter((id) => id !== targets.victim.conventionId);
    return exchange.text.includes(marker) || ids.some((id) => exchange.text.includes(id) && !named.includes(id));
  }

  /** Everything the victim can read about itself: any change made by someone else shows here. */
  async function victimState(): Promise<string> {
    const v = targets.victim;
    const reads = await Promise.all([
      registryCall('GET', `/v1/organizations/${v.organisationId}`, victim.key),
      registryCall('GET', `/v1/organizations/${v.organisationId}/api-keys`, victim.key),
      registryCall('GET', `/v1/organizations/${v.organisationId}/referents`, victim.key),
      registryCall('GET', `/v1/organizations/${v.organisationId}/sites`, victim.key),
      registryCall('GET', `/v1/organizations/${v.organisationId}/subscriptions`, victim.key),
      registryCall('GET', `/v1/organizations/${v.organisationId}/people`, victim.key),
      registryCall('GET', `/v1/conventions/${v.conventionId}/members`, adminKey),
      call('alert-ingestion', 'GET', `/v1/alerts/${v.alertId}/history`, { key: victim.key }),
      call('notification', 'GET', '/v1/webhooks', { key: victim.key }),
      call('notification', 'GET', `/v1/alerts/${v.receivedAlertId}/acknowledgements`, { key: victim.key }),
      call('prefect-routing', 'GET', `/v1/broadcasts/${v.broadcastId}`, { key: victim.key }),
      call('prefect-routing', 'GET', `/v1/routing/rules/${targets.victimPrefectureRuleId}`, { key: creuseOperator }),
    ]);
    for (const read of reads) expect(read.status).toBe(200);
    return JSON.stringify(reads.map((read) => read.body));
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

  beforeAll(async () => {
    stack = await startTestStack('security', 160, { adminKey });
    registry = { registryUrl: stack.url('partner-registry'), adminKey };
    routes = await routeInventory(stack);
    const tag = randomUUID().slice(0, 8);
    const listed = await request<{ id: string; code: string }[]>('GET', `${registry.registryUrl}/v1/conventions`, {
      key: adminKey,
    });
    conventions = Object.fromEntries(listed.body.map((convention) => [convention.code, convention.id]));

    attacker = await registerActivePartner(
      registry,
      { kind: 'SECURITY_FIRM', name: `Alpha Sécurité Lozère ${tag}`, departments: [ATTACKER_DEPARTMENT] },
      { conventions: [PRIVATE_SECURITY] },
    );
    victim = await registerActivePartner(
      registry,
      { kind: 'JEWELLER', name: `Bijouterie ${marker}`, departments: [VICTIM_DEPARTMENT] },
      { conventions: [JEWELLERY] },
    );
    sender = await registerActivePartner(
      registry,
      { kind: 'SECURITY_FIRM', name: `Gardiennage Creusois ${tag}`, departments: [VICTIM_DEPARTMENT] },
      { conventions: [PRIVATE_SECURITY] },
    );
    lozereOperator = await issueKey(registry, (await prefectureOf(registry, ATTACKER_DEPARTMENT)).id, ['operator']);
    creuseOperator = await issueKey(registry, (await prefectureOf(registry, VICTIM_DEPARTMENT)).id, ['operator']);
    outsider = await registerActivePartner(registry, {
      kind: 'SECURITY_FIRM',
      name: `Hors convention ${tag}`,
      departments: [ATTACKER_DEPARTMENT],
    });

    const own = (path: string, json: unknown) =>
      registryCall('POST', `/v1/organizations/${victim.id}${path}`, victim.key, json);
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
    for (const service of ['alert-ingestion', 'prefect-routing', 'notification'] as const) {
      await waitUntilAccepted(stack.url(service), victim.key);
      await waitUntilAccepted(stack.url(service), attacker.key);
    }
    await waitUntilAccepted(stack.url('alert-ingestion'), sender.key);
    for (const key of [creuseOperator, lozereOperator, outsider.key])
      await waitUntilAccepted(stack.url('prefect-routing'), key);

    victimSink = await WebhookSink.start();
    const hook = await call('notification', 'POST', '/v1/webhooks', {
      key: victim.key,
      json: { url: `${victimSink.url}?${marker}` },
    });
    expect(hook.status).toBe(201);
    victimSecret = hook.body.secret;
    redirectTarget = await WebhookSink.start();
    redirector = await startRedirector(redirectTarget.url);
    const redirecting = await call('notification', 'POST', '/v1/webhooks', {
      key: victim.key,
      json: { url: `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/hooks/${marker}` },
    });
    expect(redirecting.status).toBe(201);
    redirectWebhookId = redirecting.body.id;

    const sent = await call('alert-ingestion', 'POST', '/v1/alerts', {
      key: victim.key,
      json: alertIn('23096', 'AMBER', `Vol à main armée ${marker}`, 'Severe'),
    });
    expect(sent.status).toBe(201);
    const received = await call('alert-ingestion', 'POST', '/v1/alerts', {
      key: sender.key,
      json: alertIn('23096', 'CLEAR', `Individus suspects ${marker}`),
    });
    expect(received.status).toBe(201);
    await waitFor(() => victimSink.received.some((hit) => hit.body.includes(received.body.id)), {
      what: "the alert routed to the victim at the victim's webhook",
      timeoutMs: 30_000,
    });
    await waitFor(
      async () =>
        (await request('GET', url('alert-ingestion', `/v1/alerts/${received.body.id}`), { key: victim.key })).status ===
        200,
      { what: 'ingestion to learn that the alert was routed to the victim', timeoutMs: 20_000 },
    );
    for (const [alertId, key] of [
      [sent.body.id, victim.key],
      [received.body.id, sender.key],
    ]) {
      await waitFor(
        async () =>
          (await request('GET', url('prefect-routing', `/v1/alerts/${alertId}/routing`), { key })).status === 200,
        { what: `the routing decision of ${alertId}`, timeoutMs: 20_000 },
      );
    }

    await waitFor(
      async () =>
        (await request('GET', url('notification', `/v1/alerts/${sent.body.id}/escalation`), { key: victim.key }))
          .status === 200,
      { what: "the escalation of the victim's Severe alert", timeoutMs: 20_000 },
    );
    // The victim's prefecture writes a rule and broadcasts to its partners, the victim among them.
    const broadcast = await call('prefect-routing', 'POST', '/v1/broadcasts', {
      key: creuseOperator,
      json: { headline: `Vigilance ${marker}`, description: `Repérages près des bijouteries ${marker}` },
    });
    expect(broadcast.status).toBe(201);
    const rule = await call('prefect-routing', 'POST', '/v1/routing/rules', {
      key: creuseOperator,
      json: {
        id: `creuse-${tag}`,
        description: `Drones signalés à ${marker}`,
        when: [{ departments: [VICTIM_DEPARTMENT], eventCodes: ['drone-overflight'] }],
        select: { type: 'organisations', organisationIds: [victim.id] },
      },
    });
    expect(rule.status).toBe(201);

    const invitation = await registryCall('POST', `/v1/organizations/${victim.id}/invitations`, victim.key, {
      email: `vendeuse.${tag}@bijouterie.example`,
      fullName: `Vendeuse ${marker}`,
      roles: ['DUTY_OFFICER'],
    });
    expect(invitation.status).toBe(201);
    const person = await registryCall('POST', '/v1/invitations/accept', victim.key, {
      token: invitation.body.token,
      password: `mot de passe ${marker}`,
    });
    expect(person.status).toBe(201);

    targets = {
      victimPrefectureRuleId: rule.body.id,
      victim: {
        organisationId: victim.id,
        conventionId: conventions[JEWELLERY],
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
      attacker: { organisationId: attacker.id, conventionId: conventions[PRIVATE_SECURITY] },
      victimDepartment: VICTIM_DEPARTMENT,
      alert: alertIn('23096', 'AMBER', 'Mise à jour usurpée'),
    };
  }, 180_000);

  afterAll(async () => {
    if (targets) {
      await request('DELETE', url('prefect-routing', `/v1/routing/rules/${targets.victimPrefectureRuleId}`), {
        key: creuseOperator,
      });
    }
    // Deliveries to the redirecting endpoint are retried: stop them before leaving.
    if (victim && redirectWebhookId) {
      await request('DELETE', url('notification', `/v1/webhooks/${redirectWebhookId}`), { key: victim.key });
    }
    await victimSink?.close();
    await redirectTarget?.close();
    await new Promise((resolve) => (redirector ? redirector.close(resolve) : resolve(undefined)));
    await stack?.stop();
  }, 60_000);

  it('finds every route of the four services in their OpenAPI documents, only health and the links public', () => {
    const services = new Set(routes.map((route) => route.service));
    expect([...services].sort()).toEqual(['alert-ingestion', 'notification', 'partner-registry', 'prefect-routing']);
    expect(routes.length).toBeGreaterThan(40);
    // A new public route is a decision: add it here once it is meant to be public.
    const publicRoutes = routes.filter((route) => route.public);
    const health = ['GET /health', 'GET /health/live', 'GET /health/ready'];
    for (const name of health) expect(publicRoutes.filter((route) => routeName(route) === name)).toHaveLength(4);
    // E-mailed acknowledgement links: the signed, expiring link is the credential.
    const links = ['GET /v1/acknowledgement-links/{token}', 'POST /v1/acknowledgement-links/{token}'];
    // Person accounts: the invitation link's or the session's own token is the credential; the JWKS is public by design.
    links.push(
      'POST /v1/invitations/lookup',
      'POST /v1/invitations/accept',
      'POST /v1/sessions',
      'POST /v1/sessions/refresh',
      'DELETE /v1/sessions/current',
      'GET /.well-known/jwks.json',
    );
    expect(publicRoutes.map(routeName).filter((name) => ![...health, ...links].includes(name))).toEqual([]);
  });

  it('refuses every other route without a valid key: missing, malformed, unknown, expired or revoked → 401; organisation suspended → 403', async () => {
    const spare = await issueKey(registry, attacker.id);
    const rotated = await request('POST', `${registry.registryUrl}/v1/api-keys/${keyIdOf(spare)}/rotate`, {
      key: adminKey,
      body: { graceSeconds: 0 },
    });
    expect(rotated.status).toBe(201);
    const revoked = await issueKey(registry, attacker.id);
    expect(
      (await request('DELETE', `${registry.registryUrl}/v1/api-keys/${keyIdOf(revoked)}`, { key: adminKey })).status,
    ).toBe(204);
    const suspendedOrganisation = await registerActivePartner(
      registry,
      { kind: 'SECURITY_FIRM', name: `Suspendue ${randomUUID().slice(0, 8)}`, departments: [ATTACKER_DEPARTMENT] },
      { conventions: [PRIVATE_SECURITY] },
    );
    const suspension = await request(
      'POST',
      `${registry.registryUrl}/v1/organizations/${suspendedOrganisation.id}/suspend`,
      { key: adminKey, body: { reason: 'security test' } },
    );
    expect(suspension.status).toBe(200);

    const credentials: {
      name: string;
      key?: string;
      headers?: Record<string, string>;
      status: number;
      message: RegExp;
    }[] = [
      { name: 'no key', headers: {}, status: 401, message: /^missing API key/ },
      { name: 'a malformed key', headers: { authorization: 'Bearer vigie-admin' }, status: 401, message: /malformed/ },
      { name: 'another scheme', headers: { authorization: 'Basic YWRtaW46YWRtaW4=' }, status: 401, message: /missing/ },
      { name: 'an unknown key', key: newAdminKey(), status: 401, message: /^unknown API key$/ },
      { name: 'an expired key', key: spare, status: 401, message: /^API key expired$/ },
      { name: 'a revoked key', key: revoked, status: 401, message: /^API key revoked$/ },
      { name: 'a suspended organisation', key: suspendedOrganisation.key, status: 403, message: /suspended/ },
    ];
    // Every service must know of the expiry, revocation and suspension before the sweep.
    for (const service of ['partner-registry', 'alert-ingestion', 'prefect-routing', 'notification'] as const) {
      for (const credential of credentials.filter((c) => c.key)) {
        await waitFor(
          async () => {
            const me = await request('GET', url(service, '/v1/me'), { key: credential.key });
            return me.status === credential.status && credential.message.test(me.body.detail);
          },
          { what: `${service} to refuse ${credential.name}`, timeoutMs: 20_000 },
        );
      }
    }

    const protectedRoutes = routes.filter((route) => !route.public);
    const refused: string[] = [];
    let sent = 0;
    let accepted = 0;
    for (const route of protectedRoutes) {
      const path = fillPath(
        route,
        Object.fromEntries(route.pathParameters.map((p) => [p, p === 'code' ? '23' : randomUUID()])),
      );
      for (const credential of credentials) {
        const answer = await call(route.service, route.method, path, {
          key: credential.key,
          headers: credential.headers,
          json: route.takesBody ? {} : undefined,
        });
        sent += 1;
        if (is2xx(answer)) accepted += 1;
        const ok =
          answer.status === credential.status &&
          credential.message.test(answer.body?.detail) &&
          answer.headers.get('content-type')?.startsWith('application/problem+json') === true &&
          typeof answer.body === 'object' &&
          answer.body?.status === credential.status &&
          Object.keys(answer.body ?? {}).every((field) =>
            ['type', 'title', 'status', 'detail', 'instance', 'error'].includes(field),
          );
        if (!ok)
          refused.push(`${route.service} ${routeName(route)} with ${credential.name}: ${answer.status} ${answer.text}`);
      }
    }
    recordReliability({
      suite: 'security',
      scenario: `authentication: ${credentials.map((c) => c.name).join(', ')} on each of ${protectedRoutes.length} routes`,
      sent,
      accepted,
      delivered: 0,
      transportDuplicates: 0,
      duplicateEffects: 0,
      lost: 0,
      notes: `${NOTES.common} Routes read from each service's OpenAPI document; expected 401 (403 for the suspended organisation).`,
    });
    expect(refused).toEqual([]);
    expect(accepted).toBe(0);
  }, 180_000);

  it("never lets organisation A read or change B's records through any route: 404/403, nothing of B returned or changed", async () => {
    const classified = new Set([...Object.keys(OBJECT_ROUTES), ...Object.keys(ROUTES_NOT_OWNED_BY_AN_ORGANISATION)]);
    const unclassified = routes
      .filter((route) => route.pathParameters.length > 0 && !classified.has(routeName(route)))
      .map((route) => `${route.service} ${routeName(route)}`);
    expect(unclassified).toEqual([]); // add each new route to test/security/object-routes.ts

    const before = await victimState();
    const problems: string[] = [];
    let sent = 0;
    let accepted = 0;
    let foreign = 0;
    const attempt = async (route: Route, path: string, json: unknown, allowed: number[]) => {
      const answer = await call(route.service, route.method, path, { key: attacker.key, json });
      sent += 1;
      if (is2xx(answer) && !allowed.includes(answer.status)) accepted += 1;
      const named = `${path} ${JSON.stringify(json ?? null)}`;
      if (foreignRecordsIn(answer, named)) foreign += 1;
      if (!allowed.includes(answer.status) || foreignRecordsIn(answer, named)) {
        problems.push(`${routeName(route)} → ${path}: ${answer.status} ${answer.text.slice(0, 300)}`);
      }
      return answer;
    };

    for (const route of routes.filter((candidate) => OBJECT_ROUTES[routeName(candidate)])) {
      for (const { params, body } of OBJECT_ROUTES[routeName(route)](targets)) {
        const path = fillPath(route, params);
        await attempt(route, path, body ?? (route.takesBody ? {} : undefined), [403, 404]);
        // The ids are real: their owner reads them.
        if (route.method === 'GET') {
          const owner = await call(route.service, 'GET', path, { key: victim.key });
          if (owner.status !== 200) problems.push(`control: the victim cannot read ${path} (${owner.status})`);
        }
      }
    }
    // Lists, reference data and scoped views: whatever they answer, nothing of B is in it.
    for (const route of routes.filter((candidate) => candidate.method === 'GET' && !candidate.public)) {
      const name = routeName(route);
      if (OBJECT_ROUTES[name]) continue;
      const params = ROUTES_NOT_OWNED_BY_AN_ORGANISATION[name]?.(targets) ?? {};
      await attempt(
        route,
        `${fillPath(route, params)}${LIST_QUERIES[name]?.(targets) ?? ''}`,
        undefined,
        [200, 403, 404],
      );
    }
    const after = await victimState();
    const changed = before === after ? 0 : 1;
    recordReliability({
      suite: 'security',
      scenario: `object-level authorisation: B's organisation, keys, convention, referents, sites, subscriptions, alerts, routing decisions, acknowledgements, escalations, deliveries, broadcasts, webhooks tried by A on ${Object.keys(OBJECT_ROUTES).length} routes + every list`,
      sent,
      accepted,
      delivered: foreign,
      transportDuplicates: 0,
      duplicateEffects: changed,
      lost: 0,
      notes: NOTES.common,
    });
    expect(problems).toEqual([]);
    expect(after).toEqual(before);
  }, 180_000);

  it('keeps partner keys to their roles and out of admin, prefecture and broadcast routes, and each prefecture to its départements', async () => {
    const [publisherOnly, subscriberOnly, operatorOnly] = await Promise.all(
      [['publisher'], ['subscriber'], ['operator']].map((roles) => issueKey(registry, attacker.id, roles)),
    );
    const creuse = await prefectureOf(registry, VICTIM_DEPARTMENT);
    const lozere = await prefectureOf(registry, ATTACKER_DEPARTMENT);
    for (const key of [publisherOnly, subscriberOnly, operatorOnly]) {
      for (const service of ['alert-ingestion', 'notification'] as const)
        await waitUntilAccepted(stack.url(service), key);
    }
    const firmIn = (department: string) =>
      withIdentity({
        kind: 'SECURITY_FIRM',
        name: `Société usurpée ${randomUUID().slice(0, 8)}`,
        departments: [department],
      });
    const v = targets.victim;
    const rule = targets.victimPrefectureRuleId;
    const R = 'partner-registry';
    const P = 'prefect-routing';
    const ruleIn = (department: string) => ({
      id: `usurpee-${randomUUID().slice(0, 8)}`,
      description: 'Règle usurpée',
      when: [{ departments: [department] }],
      select: { type: 'organisations', organisationIds: [attacker.id] },
    });
    const vigilance = { headline: 'Fausse vigilance', description: 'Message usurpé' };
    const draft = { commune: '23096', eventCode: 'theft', severity: 'Moderate', tlp: 'CLEAR' };
    type Case = [who: string, key: string, service: ServiceName, method: string, path: string, json?: unknown];
    const cases: Case[] = [
      // a partner with every partner role
      ['partner', attacker.key, R, 'GET', '/v1/audit'],
      ['partner', attacker.key, R, 'GET', `/v1/audit?organisationId=${attacker.id}`],
      ['partner', attacker.key, R, 'POST', '/v1/organizations', firmIn(ATTACKER_DEPARTMENT)],
      ['partner', attacker.key, R, 'POST', `/v1/organizations/${attacker.id}/activate`, { reason: 'self' }],
      ['partner', attacker.key, R, 'POST', `/v1/organizations/${attacker.id}/suspend`, { reason: 'self' }],
      ['partner', attacker.key, R, 'POST', `/v1/organizations/${attacker.id}/revoke`, { reason: 'self' }],
      ['partner', attacker.key, R, 'POST', `/v1/organizations/${sender.id}/suspend`, { reason: 'rival' }],
      [
        'partner',
        attacker.key,
        R,
        'POST',
        `/v1/conventions/${conventions[JEWELLERY]}/members`,
        { organisationId: attacker.id },
      ],
      [
        'partner',
        attacker.key,
        R,
        'POST',
        `/v1/conventions/${conventions[PRIVATE_SECURITY]}/members`,
        { organisationId: v.organisationId },
      ],
      ['partner', attacker.key, R, 'DELETE', `/v1/conventions/${conventions[PRIVATE_SECURITY]}/members/${sender.id}`],
      ['partner', attacker.key, R, 'GET', `/v1/departments/${ATTACKER_DEPARTMENT}/compliance`],
      ['partner', attacker.key, R, 'POST', `/v1/organizations/${attacker.id}/api-keys`, { roles: ['admin'] }],
      // keys limited to one role
      ['publisher key', publisherOnly, 'notification', 'POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hook' }],
      ['publisher key', publisherOnly, 'notification', 'GET', '/v1/webhooks'],
      [
        'publisher key',
        publisherOnly,
        R,
        'POST',
        `/v1/organizations/${attacker.id}/sites`,
        {
          name: 'Site sans rôle',
          kind: 'OFFICE',
          commune: '48095',
        },
      ],
      [
        'publisher key',
        publisherOnly,
        R,
        'POST',
        `/v1/organizations/${attacker.id}/api-keys`,
        { roles: ['publisher'] },
      ],
      [
        'subscriber key',
        subscriberOnly,
        'alert-ingestion',
        'POST',
        '/v1/alerts',
        alertIn('48095', 'AMBER', 'Sans rôle'),
      ],
      ['operator key', operatorOnly, 'alert-ingestion', 'POST', '/v1/alerts', alertIn('48095', 'AMBER', 'Sans rôle')],
      ['operator key', operatorOnly, 'notification', 'POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hook' }],
      // the Lozère prefecture, outside the Lozère
      ['prefecture 48', lozereOperator, R, 'POST', '/v1/organizations', firmIn(VICTIM_DEPARTMENT)],
      ['prefecture 48', lozereOperator, R, 'POST', '/v1/organizations', firmIn('69')],
      ['prefecture 48', lozereOperator, R, 'GET', `/v1/organizations/${v.organisationId}`],
      ['prefecture 48', lozereOperator, R, 'POST', `/v1/organizations/${v.organisationId}/suspend`, { reason: 'x' }],
      ['prefecture 48', lozereOperator, R, 'POST', `/v1/organizations/${sender.id}/revoke`, { reason: 'x' }],
      [
        'prefecture 48',
        lozereOperator,
        R,
        'POST',
        `/v1/organizations/${v.organisationId}/api-keys`,
        { roles: ['operator'] },
      ],
      ['prefecture 48', lozereOperator, R, 'GET', `/v1/organizations/${v.organisationId}/sites`],
      ['prefecture 48', lozereOperator, R, 'GET', `/v1/departments/${VICTIM_DEPARTMENT}/compliance`],
      [
        'prefecture 48',
        lozereOperator,
        R,
        'POST',
        `/v1/conventions/${conventions[JEWELLERY]}/members`,
        { organisationId: sender.id },
      ],
      [
        'prefecture 48',
        lozereOperator,
        R,
        'DELETE',
        `/v1/conventions/${conventions[JEWELLERY]}/members/${v.organisationId}`,
      ],
      ['prefecture 48', lozereOperator, R, 'GET', '/v1/audit'],
      // State organisations are the administrator's, even in the prefecture's own département
      ['prefecture 48', lozereOperator, R, 'POST', `/v1/organizations/${creuse.id}/suspend`, { reason: 'x' }],
      ['prefecture 48', lozereOperator, R, 'POST', `/v1/organizations/${lozere.id}/revoke`, { reason: 'x' }],
      // routing rules: the State's, each prefecture within its départements, default rules the administrator's
      ['partner', attacker.key, P, 'GET', '/v1/routing/rules'],
      ['partner', attacker.key, P, 'POST', '/v1/routing/rules', ruleIn(ATTACKER_DEPARTMENT)],
      ['partner', attacker.key, P, 'DELETE', '/v1/routing/rules/competent-prefecture'],
      ['prefecture 48', lozereOperator, P, 'POST', '/v1/routing/rules', ruleIn(VICTIM_DEPARTMENT)],
      [
        'prefecture 48',
        lozereOperator,
        P,
        'PUT',
        `/v1/routing/rules/${rule}`,
        { ...ruleIn(ATTACKER_DEPARTMENT), id: undefined },
      ],
      ['prefecture 48', lozereOperator, P, 'DELETE', `/v1/routing/rules/${rule}`],
      ['prefecture 48', lozereOperator, P, 'DELETE', '/v1/routing/rules/competent-prefecture'],
      // broadcasts and previews
      [
        'prefecture 48',
        lozereOperator,
        P,
        'POST',
        '/v1/broadcasts',
        { ...vigilance, departments: [VICTIM_DEPARTMENT] },
      ],
      ['prefecture 48', lozereOperator, P, 'GET', `/v1/broadcasts/${v.broadcastId}`],
      [
        'prefecture 48',
        lozereOperator,
        P,
        'POST',
        '/v1/routing/preview',
        { ...draft, senderOrganisationId: v.organisationId },
      ],
      ['no convention', outsider.key, P, 'POST', '/v1/routing/preview', draft],
    ];
    // Broadcasts are the State's: no partner key may send one, whatever routes exist for it.
    for (const route of routes.filter((r) => r.path.includes('/broadcasts') && r.method !== 'GET')) {
      const path = fillPath(route, Object.fromEntries(route.pathParameters.map((p) => [p, randomUUID()])));
      cases.push(['partner', attacker.key, route.service, route.method, path, vigilance]);
    }

    const before = await victimState();
    const senderBefore = await registryCall('GET', `/v1/organizations/${sender.id}`, adminKey);
    const problems: string[] = [];
    let accepted = 0;
    let foreign = 0;
    for (const [who, key, service, method, path, json] of cases) {
      const answer = await call(service, method, path, { key, json });
      if (is2xx(answer)) accepted += 1;
      const named = `${path} ${JSON.stringify(json ?? null)}`;
      if (foreignRecordsIn(answer, named)) foreign += 1;
      // A refused privilege is a 403, or a 404 when the caller may not even see the target; a
      // role the body asks for and the caller may not grant is a 400.
      if (![400, 403, 404].includes(answer.status) || foreignRecordsIn(answer, named)) {
        problems.push(`${who}: ${method} ${path} → ${answer.status} ${answer.text.slice(0, 200)}`);
      }
    }
    // The Lozère prefecture's list of the Creuse holds nothing.
    const lozereView = await registryCall('GET', `/v1/organizations?department=${VICTIM_DEPARTMENT}`, lozereOperator);
    expect(lozereView.status).toBe(200);
    expect(lozereView.body).toEqual([]);
    const senderAfter = await registryCall('GET', `/v1/organizations/${sender.id}`, adminKey);
    const members = await registryCall('GET', `/v1/conventions/${conventions[JEWELLERY]}/members`, adminKey);
    const effects =
      (before === (await victimState()) ? 0 : 1) +
      (senderAfter.body.status === senderBefore.body.status ? 0 : 1) +
      (members.body.some((member: { organisationId: string }) => member.organisationId === attacker.id) ? 1 : 0);
    recordReliability({
      suite: 'security',
      scenario: `privilege: partner keys on admin, prefecture and broadcast routes; single-role keys; a prefecture outside its départements (${cases.length} attempts)`,
      sent: cases.length,
      accepted,
      delivered: foreign,
      transportDuplicates: 0,
      duplicateEffects: effects,
      lost: 0,
      notes: NOTES.common,
    });
    expect(problems).toEqual([]);
    expect(effects).toBe(0);
  }, 120_000);

  it('refuses mass assignment, oversized, deep and wrongly typed bodies on every route that takes a body', async () => {
    const bodyRoutes = routes.filter((route) => route.takesBody);
    expect(bodyRoutes.length).toBeGreaterThan(15);
    let nested: unknown = 'leaf';
    for (let level = 0; level < 40; level++) nested = { nested };
    const hostile: { name: string; options: CallOptions; status: number; check?: (answer: Exchange) => boolean }[] = [
      {
        name: 'unknown and privileged fields',
        options: {
          json: {
            vigieInjected: true,
            isAdmin: true,
            organisationId: targets.victim.organisationId,
            status: 'ACTIVE',
            roles: ['admin'],
          },
        },
        status: 400,
        check: (answer) => answer.body.details?.some((d: { field: string }) => d.field === 'vigieInjected'),
      },
      {
        name: 'a prototype key',
        options: { raw: '{"__proto__":{"isAdmin":true}}', contentType: 'application/json' },
        status: 400,
      },
      { name: 'JSON nested 40 deep', options: { json: { nested } }, status: 400 },
      { name: 'a body over 256 KiB', options: { json: { padding: 'x'.repeat(300 * 1024) } }, status: 413 },
      { name: 'text/plain', options: { raw: 'isAdmin=true', contentType: 'text/plain' }, status: 415 },
      {
        name: 'a form',
        options: { raw: 'isAdmin=true', contentType: 'application/x-www-form-urlencoded' },
        status: 415,
      },
      { name: 'XML on a JSON route', options: { raw: '<a>1</a>', contentType: 'application/xml' }, status: 415 },
      { name: 'malformed JSON', options: { raw: '{"name": "x",', contentType: 'application/json' }, status: 400 },
      {
        name: 'a NUL character',
        options: { raw: '{"name":"a\\u0000b"}', contentType: 'application/json' },
        status: 400,
      },
    ];
    const problems: string[] = [];
    let sent = 0;
    let accepted = 0;
    for (const route of bodyRoutes) {
      const path = fillPath(
        route,
        Object.fromEntries(route.pathParameters.map((p) => [p, p === 'code' ? '23' : randomUUID()])),
      );
      const key = route.service === 'partner-registry' ? adminKey : attacker.key;
      for (const attack of hostile) {
        const answer = await call(route.service, route.method, path, { key, ...attack.options });
        sent += 1;
        if (is2xx(answer)) accepted += 1;
        if (answer.status !== attack.status || !answer.body?.error || (attack.check && !attack.check(answer))) {
          problems.push(`${routeName(route)} with ${attack.name}: ${answer.status} ${answer.text.slice(0, 200)}`);
        }
      }
    }
    // Query strings are as strict as bodies.
    for (const route of routes.filter(
      (r) => r.method === 'GET' && /\/(alerts|organizations|audit|deliveries)$/.test(r.path),
    )) {
      const key = route.service === 'partner-registry' ? adminKey : attacker.key;
      const answer = await call(
        route.service,
        'GET',
        `${route.path}?isAdmin=true&organisationId=${targets.victim.organisationId}`,
        { key },
      );
      sent += 1;
      if (is2xx(answer)) accepted += 1;
      if (answer.status !== 400) problems.push(`${routeName(route)} with unknown query fields: ${answer.status}`);
    }
    recordReliability({
      suite: 'security',
      scenario: `mass assignment, oversized (413), deep (400), prototype keys, NUL, wrong content types (415) on ${bodyRoutes.length} routes with a body`,
      sent,
      accepted,
      delivered: 0,
      transportDuplicates: 0,
      duplicateEffects: 0,
      lost: 0,
      notes: NOTES.common,
    });
    expect(problems).toEqual([]);
  }, 180_000);

  it('answers malformed identifiers on every route with a 4xx and a JSON error', async () => {
    const values = [
      'not-a-uuid',
      "' OR '1'='1",
      '../../etc/passwd',
      '%',
      '１２３',
      'ö'.repeat(1000),
      '00000000-0000-0000-0000-000000000000',
    ];
    const problems: string[] = [];
    let sent = 0;
    for (const route of routes.filter((r) => r.pathParameters.length > 0)) {
      for (const value of values) {
        const path = fillPath(route, Object.fromEntries(route.pathParameters.map((p) => [p, value])));
        const answer = await call(route.service, route.method, path, {
          key: attacker.key,
          json: route.takesBody ? {} : undefined,
        });
        sent += 1;
        if (answer.status < 400 || answer.status >= 500 || !answer.body?.error) {
          problems.push(
            `${route.service} ${route.method} ${path.slice(0, 120)}: ${answer.status} ${answer.text.slice(0, 200)}`,
          );
        }
      }
    }
    for (const [service, path] of [
      ['partner-registry', '/v1/sites/%E0%A4%A'],
      ['alert-ingestion', '/v1/alerts/%00'],
      ['notification', '/v1/nowhere'],
      ['prefect-routing', '/v1/alerts/%ff/routing'],
      ['alert-ingestion', '/v1/alerts?limit=%ff&limit=2'],
    ] as const) {
      const answer = await call(service, 'GET', path, { key: attacker.key });
      sent += 1;
      if (answer.status < 400 || answer.status >= 500 || !answer.body?.error)
        problems.push(`${path}: ${answer.status}`);
    }
    recordReliability({
      suite: 'security',
      scenario:
        'malformed identifiers (injection, traversal, bad encoding, NUL, oversized) on every route with a path parameter',
      sent,
      accepted: 0,
      delivered: 0,
      transportDuplicates: 0,
      duplicateEffects: 0,
      lost: 0,
      notes: `${NOTES.common} Each answer must be a 4xx with a JSON error.`,
    });
    expect(problems).toEqual([]);
  }, 180_000);

  it('refuses CAP XML with external entities, entity expansion or external DTDs, and includes nothing', async () => {
    const minimal = capFixture('minimal')
      .replace('<identifier>GRA-2026-11-28-0001</identifier>', `<identifier>SEC-${randomUUID()}</identifier>`)
      .replaceAll('69123', '48095')
      .replace('<areaDesc>Lyon</areaDesc>', '<areaDesc>Mende</areaDesc>');
    const documents = [
      capFixture('external-entity'),
      capFixture('entity-expansion'),
      minimal.replace('<alert ', '<!DOCTYPE alert SYSTEM "http://127.0.0.1:9/evil.dtd">\n<alert '),
      minimal.replace('<alert ', '<!DOCTYPE alert [<!ENTITY % remote SYSTEM "file:///etc/passwd"> %remote;]>\n<alert '),
    ];
    let accepted = 0;
    for (const document of documents) {
      const answer = await call('alert-ingestion', 'POST', '/v1/alerts', {
        key: attacker.key,
        raw: document,
        contentType: 'application/cap+xml',
      });
      if (is2xx(answer)) accepted += 1;
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        status: 400,
        error: 'bad_request',
        detail: 'DOCTYPE and ENTITY declarations are refused',
      });
    }
    // XInclude is not processed: the element is another tool's, nothing is read.
    const xinclude = await call('alert-ingestion', 'POST', '/v1/alerts', {
      key: attacker.key,
      raw: minimal.replace(
        '<scope>Restricted</scope>',
        '<scope>Restricted</scope><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>',
      ),
      contentType: 'application/cap+xml',
    });
    expect(xinclude.status).toBeLessThan(500);
    expect(xinclude.text).not.toMatch(/root:/);
    recordReliability({
      suite: 'security',
      scenario: 'CAP XML: external entity, entity expansion (billion laughs), external DTD, parameter entity',
      sent: documents.length,
      accepted,
      delivered: 0,
      transportDuplicates: 0,
      duplicateEffects: 0,
      lost: 0,
      notes: `${NOTES.common} Also in test/cap.e2e-spec.ts (nothing refused reaches Kafka); XInclude is never processed.`,
    });
  }, 60_000);

  it('signs each delivery so that the README recipe refuses a tampered body, a replayed timestamp and another secret', async () => {
    const delivery = victimSink.received.find((hit) => hit.body.includes(targets.victim.receivedAlertId))!;
    const timestamp = String(delivery.headers['vigie-timestamp']);
    const signature = String(delivery.headers['vigie-signature']);
    const sentAt = Number(timestamp) * 1000;
    let now = sentAt;
    const verify = readmeVerify(() => now);
    const tampered = delivery.body.replace('"CLEAR"', '"RED"');
    expect(tampered).not.toBe(delivery.body);

    expect(verify(victimSecret, delivery.body, timestamp, signature)).toBe(true);
    const forgeries: [string, () => boolean, Parameters<typeof verifyWebhook>[0]][] = [
      [
        'a tampered body',
        () => verify(victimSecret, tampered, timestamp, signature),
        { secret: victimSecret, body: tampered, timestamp, signature, now: new Date(now) },
      ],
      [
        'a body with a byte added',
        () => verify(victimSecret, `${delivery.body} `, timestamp, signature),
        { secret: victimSecret, body: `${delivery.body} `, timestamp, signature, now: new Date(now) },
      ],
      [
        'another secret',
        () => verify(newSecretsKey(), delivery.body, timestamp, signature),
        { secret: newSecretsKey(), body: delivery.body, timestamp, signature, now: new Date(now) },
      ],
      [
        'a fresh timestamp on the old signature',
        () => verify(victimSecret, delivery.body, String(Number(timestamp) + 60), signature),
        {
          secret: victimSecret,
          body: delivery.body,
          timestamp: String(Number(timestamp) + 60),
          signature,
          now: new Date(now),
        },
      ],
      [
        'no signature',
        () => verify(victimSecret, delivery.body, timestamp, 'v1='),
        { secret: victimSecret, body: delivery.body, timestamp, signature: 'v1=', now: new Date(now) },
      ],
    ];
    const verified = forgeries.filter(([, recipe, input]) => recipe() || verifyWebhook(input)).map(([name]) => name);
    // The captured request replayed: fine within five minutes, refused after.
    now = sentAt + 299_000;
    expect(verify(victimSecret, delivery.body, timestamp, signature)).toBe(true);
    now = sentAt + 301_000;
    const replayed = verify(victimSecret, delivery.body, timestamp, signature);
    if (
      replayed ||
      verifyWebhook({ secret: victimSecret, body: delivery.body, timestamp, signature, now: new Date(now) })
    ) {
      verified.push('a replay after five minutes');
    }
    recordReliability({
      suite: 'security',
      scenario:
        'HMAC: tampered body, added byte, other secret, re-stamped signature, empty signature, replay after 5 min',
      sent: forgeries.length + 1,
      accepted: verified.length,
      delivered: 0,
      transportDuplicates: 0,
      duplicateEffects: 0,
      lost: 0,
      notes: `${NOTES.common} Here accepted = forgeries that the README recipe or verifyWebhook() accepted; checked on a real delivery.`,
    });
    expect(verified).toEqual([]);
  }, 60_000);

  it('does not follow a webhook that redirects, even to loopback', async () => {
    const delivery = await waitFor(
      async () => {
        const deliveries = await call(
          'notification',
          'GET',
          `/v1/deliveries?alertId=${targets.victim.receivedAlertId}`,
          {
            key: victim.key,
          },
        );
        return deliveries.body.find(
          (entry: { webhookId: string; attempts: number }) =>
            entry.webhookId === redirectWebhookId && entry.attempts > 0,
        );
      },
      { what: 'an attempt on the redirecting webhook', timeoutMs: 30_000 },
    );
    // Not delivered: retried (and in the end given up) like any other failure.
    expect(delivery).toMatchObject({ lastError: 'HTTP 307 (redirects are not followed)' });
    expect(delivery.status).not.toBe('sent');
    expect(redirectTarget.received).toEqual([]);
  }, 60_000);

  describe('a notification instance with private targets refused and a low rate limit', () => {
    let hardened: Stack;
    let ssrfKey: string;
    let rateKeys: string[];

    beforeAll(async () => {
      const database = `${e2eEnv.databaseUrl.split('/').pop()}_hardened`;
      const admin = new Client({ connectionString: e2eEnv.databaseUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database}`);
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.end();
      [ssrfKey, ...rateKeys] = await Promise.all([1, 2, 3].map(() => issueKey(registry, attacker.id)));
      const probe = await issueKey(registry, attacker.id); // issued last: once known, the others are too
      hardened = await startTestStack(
        'security-hardened',
        170,
        { adminKey },
        {
          databaseUrl: e2eEnv.databaseUrl.replace(/\/[^/]+$/, `/${database}`),
          services: ['notification'],
          env: {
            KAFKA_GROUP_ID: `notification-hardened-${randomUUID()}`,
            WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false',
            RATE_LIMIT_PER_MINUTE: String(LIMIT),
          },
        },
      );
      // Slow polling: the probe key has a budget of LIMIT requests a minute too.
      await waitFor(
        async () => (await request('GET', `${hardened.url('notification')}/v1/me`, { key: probe })).status === 200,
        {
          what: 'the hardened instance to know the keys',
          timeoutMs: LIMIT * 1000,
          intervalMs: 1000,
        },
      );
    }, 120_000);

    afterAll(async () => {
      await hardened?.stop();
    }, 30_000);

    it('refuses webhooks to loopback however it is spelt, and registers none', async () => {
      const port = (redirector.address() as AddressInfo).port;
      const targetsOfAttack = [
        `http://127.0.0.1:${port}/hook`,
        `http://localhost:${port}/hook`,
        'https://127.0.0.1/hook',
        'https://127.1/hook',
        'https://0177.0.0.1/hook',
        'https://2130706433/hook',
        'https://0x7f000001/hook',
        'https://0.0.0.0/hook',
        'https://[::1]/hook',
        'https://[::]/hook',
        'https://[::ffff:127.0.0.1]/hook',
        'https://[::ffff:7f00:1]/hook',
        'https://[0:0:0:0:0:ffff:127.0.0.1]/hook',
        'https://localhost/hook',
      ];
      const registered: string[] = [];
      for (const target of targetsOfAttack) {
        const answer = await client.call('POST', `${hardened.url('notification')}/v1/webhooks`, {
          key: ssrfKey,
          json: { url: target },
        });
        if (answer.status !== 400 || answer.body.error !== 'invalid_webhook_target')
          registered.push(`${target}: ${answer.status}`);
      }
      const listed = await client.call('GET', `${hardened.url('notification')}/v1/webhooks`, { key: ssrfKey });
      expect(listed.body).toEqual([]);
      recordReliability({
        suite: 'security',
        scenario: `webhook SSRF: loopback in ${targetsOfAttack.length} spellings (decimal, hex, octal, IPv4-mapped IPv6, localhost) refused; a redirect to loopback not followed`,
        sent: targetsOfAttack.length + 1,
        accepted: registered.length,
        delivered: redirectTarget.received.length,
        transportDuplicates: 0,
        duplicateEffects: 0,
        lost: 0,
        notes:
          `${NOTES.common} Here delivered = requests that reached the redirect's loopback target. 169.254.169.254, private ` +
          'and other non-public ranges are refused by the same check, tested without any connection in webhook-target.policy.spec.ts.',
      });
      expect(registered).toEqual([]);
    }, 60_000);

    it('limits each API key, and key-less requests by address, answering 429 with Retry-After', async () => {
      const webhooks = `${hardened.url('notification')}/v1/webhooks`;
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 3; i++)
        statuses.push((await client.call('GET', webhooks, { key: rateKeys[0] })).status);
      const refused = await client.call('GET', webhooks, { key: rateKeys[0] });
      const other = await client.call('GET', webhooks, { key: rateKeys[1] });
      const anonymous: number[] = [];
      for (let i = 0; i < LIMIT + 1; i++) anonymous.push((await client.call('GET', webhooks)).status);
      const health = await client.call('GET', `${hardened.url('notification')}/health`);
      const overLimit = statuses.slice(LIMIT).filter((status) => status !== 429).length;
      recordReliability({
        suite: 'security',
        scenario: `rate limiting: ${LIMIT + 4} requests with one key and ${LIMIT + 1} without a key, limit ${LIMIT}/min`,
        sent: statuses.length + 1 + anonymous.length,
        accepted: overLimit,
        delivered: 0,
        transportDuplicates: 0,
        duplicateEffects: 0,
        lost: 0,
        notes: `${NOTES.common} Here accepted = requests beyond the limit that were not answered 429.`,
      });
      expect(statuses).toEqual([...Array(LIMIT).fill(200), 429, 429, 429]);
      expect(refused.body).toMatchObject({ error: 'too_many_requests' });
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(other.status).toBe(200);
      expect(anonymous).toEqual([...Array(LIMIT).fill(401), 429]);
      expect(health.status).toBe(200);
    }, 60_000);
  });

  it('answered nothing that shows a stack trace, SQL text, an internal address or the host name', () => {
    const database = new URL(e2eEnv.databaseUrl);
    const leaks = leakingExchanges(client.exchanges, [database.host, e2eEnv.kafkaBrokers]);
    const serverErrors = client.exchanges.filter((exchange) => exchange.status >= 500);
    recordReliability({
      suite: 'security',
      scenario:
        'disclosure: every answer of this suite searched for stack traces, SQL, exception names, paths, internal addresses',
      sent: client.exchanges.length,
      accepted: serverErrors.length,
      delivered: leaks.length,
      transportDuplicates: 0,
      duplicateEffects: 0,
      lost: 0,
      notes:
        'Here sent = answers examined; accepted = 5xx answers; delivered = answers disclosing something (all must be 0).',
    });
    expect(client.exchanges.length).toBeGreaterThan(500);
    expect(leaks).toEqual([]);
    expect(serverErrors.map((exchange) => `${exchange.method} ${exchange.url}: ${exchange.status}`)).toEqual([]);
  });
});
