import { randomUUID } from 'node:crypto';
import { verifyWebhook, vigieClient, type AlertRoutedMessage } from '@vigie/client';
import {
  ApiContract,
  onExchange,
  request,
  SERVICES,
  WebhookSink,
  waitFor,
  type CheckedExchange,
  type Partner,
  type RecordedExchange,
  type ServiceName,
  type Stack,
} from '@vigie/testing';
import { newAdminKey } from './e2e.env';
import { intrusion, postAlert, registerWebhook, senderAndPrefecture } from './notification-fixtures';
import { startTestStack } from './test-stack';

// Loire (42): no other file's partners take part.
const SAINT_ETIENNE = '42218';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * docs/openapi.json against the running services. Every answer this file receives, through the
 * test client, is checked against the operation it came from (status documented, media type,
 * body valid against the schema); then every operation of the description is swept with and
 * without a credential, and each answer must carry the security headers.
 */
describe('the API description and the answers of the four services', () => {
  const adminKey = newAdminKey();
  const contract = new ApiContract();
  const checked: CheckedExchange[] = [];
  let stopRecording: () => void;
  let stack: Stack;
  let firm: Partner;
  let prefecture: Partner;
  let sink: WebhookSink;

  const serviceOf = (url: string): ServiceName | undefined =>
    SERVICES.find((service) => url.startsWith(`${stack.url(service)}/`));
  const mismatches = (): string[] =>
    checked
      .filter((entry) => entry.problems.length > 0)
      .map(
        (entry) =>
          `${entry.exchange.method} ${entry.exchange.url} → ${entry.exchange.status}: ${entry.problems.join('; ')}`,
      );

  beforeAll(async () => {
    stopRecording = onExchange((exchange) => checked.push(contract.check(exchange)));
    stack = await startTestStack('api-description', 480, { adminKey });
    const registry = { registryUrl: stack.url('partner-registry'), adminKey };
    ({ firm, prefecture } = await senderAndPrefecture(registry, stack, 'Forez Gardiennage', '42'));
    sink = await WebhookSink.start();
  }, 180_000);

  afterAll(async () => {
    stopRecording?.();
    await stack?.stop();
    await sink?.close();
  }, 60_000);

  it('answers as described: successes and problems of every service, and the webhook payload', async () => {
    const url = (service: ServiceName, path: string): string => `${stack.url(service)}${path}`;
    const webhook = await registerWebhook(stack, prefecture.key, sink.url);
    const alertId = await postAlert(
      stack,
      firm.key,
      intrusion(SAINT_ETIENNE, 'Severe', 'Intrusion, entrepôt du Marais'),
    );

    // partner-registry
    await request('GET', url('partner-registry', '/v1/me'), { key: firm.key });
    await request('GET', url('partner-registry', '/v1/departments/42'), { key: firm.key });
    await request('GET', url('partner-registry', `/v1/organizations/${firm.id}`), { key: adminKey });
    await request('GET', url('partner-registry', `/v1/organizations/${randomUUID()}`), { key: adminKey });
    await request('POST', url('partner-registry', '/v1/organizations'), { key: adminKey, body: { kind: 'NOPE' } });
    await request('GET', url('partner-registry', '/v1/organizations'), { key: firm.key });
    await request('GET', url('partner-registry', '/v1/organizations'));
    // alert-ingestion
    await request('GET', url('alert-ingestion', `/v1/alerts/${alertId}`), { key: firm.key });
    await request('GET', url('alert-ingestion', `/v1/alerts/${randomUUID()}`), { key: firm.key });
    await request('GET', url('alert-ingestion', '/v1/alerts/not-a-uuid'), { key: firm.key });
    await request('POST', url('alert-ingestion', '/v1/alerts'), {
      key: firm.key,
      rawBody: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    await request('POST', url('alert-ingestion', '/v1/alerts'), { key: firm.key, body: { status: 'Actual' } });
    // prefect-routing
    const routed = await waitFor(
      async () => {
        const decision = await request('GET', url('prefect-routing', `/v1/alerts/${alertId}/routing`), {
          key: firm.key,
        });
        return decision.status === 200 ? decision : undefined;
      },
      { what: 'the routing decision', timeoutMs: 30_000 },
    );
    expect(routed.body.department).toBe('42');
    await request('GET', url('prefect-routing', `/v1/alerts/${randomUUID()}/routing`), { key: firm.key });
    await request('GET', url('prefect-routing', '/v1/routing/rules'), { key: prefecture.key });
    await request('GET', url('prefect-routing', '/v1/routing/rules'), { key: 'vgk_malformed' });
    // notification
    await waitFor(async () => sink.received.length > 0, { what: 'the webhook delivery', timeoutMs: 30_000 });
    await request('GET', url('notification', `/v1/deliveries?alertId=${alertId}`), { key: prefecture.key });
    await request('GET', url('notification', `/v1/alerts/${alertId}/escalation`), { key: prefecture.key });
    await request('POST', url('notification', `/v1/alerts/${alertId}/acknowledgements`), {
      key: prefecture.key,
      body: { note: 'pris en compte' },
    });
    await request('GET', url('notification', `/v1/alerts/${alertId}/acknowledgements`), { key: prefecture.key });
    await request('DELETE', url('notification', `/v1/webhooks/${randomUUID()}`), { key: prefecture.key });
    await request('POST', url('notification', '/v1/webhooks'), { key: prefecture.key, body: { url: 'not a url' } });
    await request('GET', url('notification', '/v1/webhooks'), { key: prefecture.key });
    for (const service of SERVICES) {
      await request('GET', url(service, '/health/ready'));
      await request('GET', url(service, '/health/live'));
    }

    expect(mismatches()).toEqual([]);
    // Each service gave at least one described success and one described problem.
    for (const service of SERVICES) {
      const mine = checked.filter((entry) => serviceOf(entry.exchange.url) === service && entry.operation);
      expect({ service, success: mine.some((e) => e.exchange.status < 300) }).toEqual({ service, success: true });
      const problems = mine.filter((e) => e.exchange.status >= 400);
      expect({ service, problem: problems.length > 0 }).toEqual({ service, problem: true });
      for (const entry of problems) expect(entry.exchange.contentType).toMatch(/^application\/problem\+json/);
    }
    // What the prefecture's webhook received is the described alert.routed payload.
    const delivered = sink.received.map((received) => JSON.parse(received.body) as { type: string });
    expect(delivered.map((body) => body.type)).toContain('alert.routed');
    for (const body of delivered) expect(contract.checkWebhook(body.type, body)).toEqual([]);
    expect(webhook.id).toBeDefined();
  }, 120_000);

  it('lets the typed client (libs/client) publish an alert and verify the webhook it causes, as the README shows', async () => {
    const notification = vigieClient(stack.url('notification'), prefecture.key);
    const { data: webhook, error: refused } = await notification.POST('/v1/webhooks', { body: { url: sink.url } });
    expect(refused).toBeUndefined();
    const ingestion = vigieClient(stack.url('alert-ingestion'), firm.key);
    const { data: alert, response } = await ingestion.POST('/v1/alerts', {
      body: {
        status: 'Actual',
        location: { commune: SAINT_ETIENNE },
        info: [
          {
            category: ['Security'],
            eventCode: 'theft',
            urgency: 'Immediate',
            severity: 'Moderate',
            certainty: 'Observed',
            headline: 'Vol à l’étalage, galerie marchande',
          },
        ],
      },
    });
    expect(response.status).toBe(201);
    // Each webhook signs with its own secret, and the prefecture has another webhook on this sink
    // (the previous test's): wait for the copy sent to this one, which verifies with this one's.
    const mine = await waitFor(
      () => {
        const verified = sink.received.filter((received) => {
          try {
            return verifyWebhook(webhook!.secret, received.body, received.headers).alert.alertId === alert!.id;
          } catch {
            return false;
          }
        });
        return verified.length > 0 ? verified : undefined;
      },
      { what: "the delivery of the alert published with the client, to this client's webhook", timeoutMs: 30_000 },
    );
    const delivered = mine[0];
    expect((JSON.parse(delivered.body) as AlertRoutedMessage).alert.alertId).toBe(alert!.id);
    // The same bytes altered no longer verify.
    expect(() =>
      verifyWebhook(webhook!.secret, delivered.body.replace('étalage', 'etalage'), delivered.headers),
    ).toThrow();
    // A refusal is typed too: the problem details of the description.
    const { error } = await ingestion.GET('/v1/alerts/{id}', { params: { path: { id: randomUUID() } } });
    expect(error).toMatchObject({ status: 404, error: 'not_found' });
  }, 60_000);

  it('sweeps every described operation, with and without a credential: described answers, security headers on each', async () => {
    const operations: { service: ServiceName; method: string; template: string; operation: any }[] = [];
    for (const [template, item] of Object.entries<any>(contract.document.paths)) {
      for (const server of item.servers as { description: ServiceName }[]) {
        for (const method of METHODS) {
          if (item[method]) operations.push({ service: server.description, method, template, operation: item[method] });
        }
      }
    }
    expect(operations.length).toBeGreaterThan(70);
    const headerProblems: string[] = [];
    const sweep: CheckedExchange[] = [];
    for (const { service, method, template, operation } of operations) {
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'code' ? '42' : randomUUID()));
      for (const key of [undefined, adminKey]) {
        const headers: Record<string, string> = { accept: 'application/json' };
        if (key) headers.authorization = `Bearer ${key}`;
        const body = operation.requestBody ? '{}' : undefined;
        if (body) headers['content-type'] = 'application/json';
        const response = await fetch(`${stack.url(service)}${path}`, {
          method: method.toUpperCase(),
          headers,
          body,
          signal: AbortSignal.timeout(15_000),
        });
        const contentType = response.headers.get('content-type');
        let parsed: unknown;
        if (contentType?.startsWith('text/event-stream')) await response.body?.cancel();
        else {
          const text = await response.text();
          parsed = text ? (JSON.parse(text) as unknown) : undefined;
        }
        const exchange: RecordedExchange = {
          method: method.toUpperCase(),
          url: `${stack.url(service)}${path}`,
          status: response.status,
          contentType,
          body: parsed,
        };
        sweep.push(contract.check(exchange));
        const at = `${exchange.method} ${service}${path} (${key ? 'admin key' : 'no credential'}) → ${response.status}`;
        const expected: Record<string, (value: string | null) => boolean> = {
          'x-content-type-options': (value) => value === 'nosniff',
          'referrer-policy': (value) => value === 'no-referrer',
          'cache-control': (value) => value?.split(',').some((directive) => directive.trim() === 'no-store') === true,
          'content-security-policy': (value) => value?.startsWith("default-src 'none'") === true,
          'x-frame-options': (value) => value === 'DENY',
          'x-powered-by': (value) => value === null,
        };
        for (const [name, ok] of Object.entries(expected)) {
          if (!ok(response.headers.get(name))) headerProblems.push(`${at}: ${name}: ${response.headers.get(name)}`);
        }
      }
    }
    for (const service of SERVICES) {
      const described = await fetch(`${stack.url(service)}/openapi.json`);
      expect(described.status).toBe(200);
      expect(described.headers.get('x-content-type-options')).toBe('nosniff');
      expect(described.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    }
    expect(headerProblems).toEqual([]);
    expect(
      sweep
        .filter((entry) => entry.problems.length > 0)
        .map(
          (entry) =>
            `${entry.exchange.method} ${entry.exchange.url} → ${entry.exchange.status}: ${entry.problems.join('; ')}`,
        ),
    ).toEqual([]);
    // Without a credential, every protected operation answered a 401 problem.
    const unauthenticated = sweep.filter((entry, index) => index % 2 === 0 && entry.exchange.status === 401);
    expect(unauthenticated.length).toBeGreaterThan(50);
  }, 300_000);
});
