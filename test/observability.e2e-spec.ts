import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  OtlpCollector,
  WebhookSink,
  declaredMetrics,
  metricNamesIn,
  repoRoot,
  request,
  sampleSum,
  waitFor,
} from '@vigie/testing';
import { intrusion, senderAndPrefectureWebhook } from './notification-fixtures';
import { testBroker, useTestStack } from './test-stack';

const SAINT_BRIEUC = '22278';
const ALERT_PATH = ['alert-ingestion', 'prefect-routing', 'notification'] as const;
const SERVICES = ['partner-registry', ...ALERT_PATH] as const;

interface LogLine {
  level: number;
  msg: string;
  name: string;
  requestId?: string;
  correlationId?: string;
  [field: string]: unknown;
}

// In the Côtes-d'Armor, so that other files' prefecture webhooks play no part.
describe('observability: request ids across services, metrics, one trace per alert, live and ready', () => {
  const world = useTestStack('observability', 440, async () => {
    collector = await OtlpCollector.start();
    return {
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
        OTEL_BSP_SCHEDULE_DELAY: '100',
        OTEL_METRICS_EXPORTER: 'none',
        OTEL_LOGS_EXPORTER: 'none',
      },
    };
  });
  let collector: OtlpCollector;
  let sink: WebhookSink;
  let firm: { id: string; key: string };

  const logLines = (service: (typeof SERVICES)[number]): LogLine[] =>
    readFileSync(world.stack.logFile(service), 'utf8')
      .split('\n')
      // Node's own warnings go to stderr as text; everything the service logs is a JSON line.
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  const metrics = async (service: (typeof SERVICES)[number]): Promise<string> => {
    const response = await fetch(world.stack.metricsUrl(service));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };
  const post = (headline: string, headers: Record<string, string> = {}) =>
    request<{ id: string }>('POST', `${world.stack.url('alert-ingestion')}/v1/alerts`, {
      key: firm.key,
      headers,
      body: intrusion(SAINT_BRIEUC, 'Severe', headline),
    });
  const deliveredAlert = (alertId: string) =>
    sink.received.find(
      (received) => (JSON.parse(received.body) as { alert?: { alertId: string } }).alert?.alertId === alertId,
    );

  beforeAll(async () => {
    ({ firm, sink } = await senderAndPrefectureWebhook(world.registry, world.stack, 'Armor Veille Observée', '22'));
  }, 120_000);

  world.beforeStop(async () => {
    await testBroker('up');
  });
  afterAll(async () => {
    await sink?.close();
    await collector?.close();
  }, 60_000);

  it('carries a given request id through the services that handle the alert, in JSON log lines', async () => {
    const requestId = `obs-${randomUUID()}`;
    const posted = await post('Intrusion suivie de bout en bout', { 'X-Request-Id': requestId });
    expect(posted.status).toBe(201);
    expect(posted.headers.get('x-request-id')).toBe(requestId);
    const alertId = posted.body.id;
    await waitFor(() => deliveredAlert(alertId), { what: 'the alert at the prefecture webhook', timeoutMs: 20_000 });

    // The request's own line: method, route template, status, duration, organisation, ids.
    const requestLine = await waitFor(
      () => logLines('alert-ingestion').find((line) => line.requestId === requestId && line.route === '/v1/alerts'),
      { what: "ingestion's request line", timeoutMs: 5000 },
    );
    expect(requestLine).toMatchObject({
      name: 'alert-ingestion',
      req: { method: 'POST' },
      res: { statusCode: 201 },
      organisationId: firm.id,
      correlationId: alertId,
    });
    expect(typeof requestLine.durationMs).toBe('number');

    // Every later service logs its handling of the alert under the same request and correlation ids.
    for (const service of ['prefect-routing', 'notification'] as const) {
      const handled = await waitFor(
        () => logLines(service).find((line) => line.requestId === requestId && /^handled alert\./.test(line.msg)),
        { what: `${service} to log the alert under the request id`, timeoutMs: 10_000 },
      );
      expect(handled.correlationId).toBe(alertId);
      expect(handled.name).toBe(service);
    }
    // Generated when the client gives none (or gives one that is not acceptable).
    const unnamed = await post('Intrusion sans identifiant', { 'X-Request-Id': 'contient des espaces' });
    expect(unnamed.status).toBe(201);
    expect(unnamed.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  }, 60_000);

  it('never writes a key, a token or an alert description to a log line', async () => {
    const description = `Description personnelle ${randomUUID()}`;
    const body = intrusion(SAINT_BRIEUC, 'Severe', 'Intrusion avec description') as {
      info: { description: string }[];
    };
    body.info[0].description = description;
    const posted = await request<{ id: string }>('POST', `${world.stack.url('alert-ingestion')}/v1/alerts`, {
      key: firm.key,
      body,
    });
    expect(posted.status).toBe(201);
    await waitFor(() => deliveredAlert(posted.body.id), { what: 'the alert delivered', timeoutMs: 20_000 });
    // Lines are written by the kilobyte (ADR 65): look once each service's lines of this alert are out.
    for (const service of ['alert-ingestion', 'prefect-routing', 'notification'] as const) {
      await waitFor(() => logLines(service).find((line) => line.correlationId === posted.body.id), {
        what: `${service}'s lines of the alert`,
        timeoutMs: 5000,
      });
    }
    for (const service of SERVICES) {
      const text = readFileSync(world.stack.logFile(service), 'utf8');
      expect(text).not.toContain(description);
      expect(text).not.toContain(firm.key);
      expect(text).not.toContain(world.adminKey);
    }
  }, 60_000);

  it('exposes Prometheus metrics on a separate port, and they move as alerts flow', async () => {
    const before = {
      accepted: sampleSum(await metrics('alert-ingestion'), 'vigie_alerts_accepted_total', { kind: 'submit' }),
      refused: sampleSum(await metrics('alert-ingestion'), 'vigie_alerts_refused_total', { reason: 'invalid' }),
      routed: sampleSum(await metrics('prefect-routing'), 'vigie_events_handled_total', {
        topic: 'alert.submitted.v1',
      }),
      sent: sampleSum(await metrics('notification'), 'vigie_delivery_attempts_total', {
        channel: 'webhook',
        outcome: 'sent',
      }),
    };
    const posted = await post('Intrusion comptée');
    expect(posted.status).toBe(201);
    const refused = await request('POST', `${world.stack.url('alert-ingestion')}/v1/alerts`, {
      key: firm.key,
      body: {},
    });
    expect(refused.status).toBe(400);
    await waitFor(() => deliveredAlert(posted.body.id), { what: 'the alert delivered', timeoutMs: 20_000 });

    const ingestion = await metrics('alert-ingestion');
    expect(sampleSum(ingestion, 'vigie_alerts_accepted_total', { kind: 'submit' })).toBe(before.accepted + 1);
    expect(sampleSum(ingestion, 'vigie_alerts_refused_total', { reason: 'invalid' })).toBe(before.refused + 1);
    expect(
      sampleSum(ingestion, 'http_request_duration_seconds_count', { route: '/v1/alerts', status_code: '201' }),
    ).toBeGreaterThan(0);
    expect(
      sampleSum(ingestion, 'vigie_outbox_published_events_total', { topic: 'alert.submitted.v1' }),
    ).toBeGreaterThan(0);
    await waitFor(
      async () =>
        sampleSum(await metrics('prefect-routing'), 'vigie_events_handled_total', { topic: 'alert.submitted.v1' }) >=
        before.routed + 1,
      { what: 'routing to count the event handled', timeoutMs: 5000 },
    );
    await waitFor(
      async () =>
        sampleSum(await metrics('notification'), 'vigie_delivery_attempts_total', {
          channel: 'webhook',
          outcome: 'sent',
        }) >=
        before.sent + 1,
      { what: 'notification to count the delivery', timeoutMs: 5000 },
    );
    const notification = await metrics('notification');
    expect(sampleSum(notification, 'vigie_delivery_latency_seconds_count', { channel: 'webhook' })).toBeGreaterThan(0);
    for (const name of [
      'vigie_consumer_lag_messages',
      'vigie_deliveries_waiting',
      'vigie_escalations_open',
      'vigie_sse_connections',
      'process_cpu_seconds_total',
    ]) {
      expect(declaredMetrics(notification)).toContain(name);
    }
    // Every consumer reports its lag per partition; nothing waits once the alert is delivered.
    await waitFor(
      async () => {
        const text = await metrics('notification');
        return sampleSum(text, 'vigie_consumer_lag_messages', { topic: 'alert.routed.v1' }) === 0 &&
          text.includes('vigie_consumer_lag_messages{group="notification",topic="alert.routed.v1",partition="0"}')
          ? true
          : undefined;
      },
      { what: 'notification to report no lag on alert.routed.v1', timeoutMs: 10_000 },
    );
    // Not on the public port.
    expect((await fetch(`${world.stack.url('alert-ingestion')}/metrics`)).status).toBe(404);
  }, 60_000);

  it('names in its alerting rules and dashboard only metrics the services expose, with a runbook for each rule', async () => {
    const exposed = new Set<string>();
    for (const service of SERVICES) for (const name of declaredMetrics(await metrics(service))) exposed.add(name);
    // Prometheus's own series about its targets.
    exposed.add('up');
    const read = (path: string) => readFileSync(join(repoRoot(), path), 'utf8');

    const rules = (
      parse(read('infra/prometheus/alerts.yml')) as {
        groups: {
          rules: { alert: string; expr: string; labels: { severity: string }; annotations: Record<string, string> }[];
        }[];
      }
    ).groups.flatMap((group) => group.rules);
    expect(rules.length).toBeGreaterThanOrEqual(7);
    const runbook = read('docs/operations.md');
    for (const rule of rules) {
      for (const name of metricNamesIn(rule.expr))
        expect(`${rule.alert}: ${name} ${exposed.has(name)}`).toBe(`${rule.alert}: ${name} true`);
      expect(['critical', 'warning']).toContain(rule.labels.severity);
      expect(rule.annotations.runbook_url).toBe(`docs/operations.md#${rule.alert.toLowerCase()}`);
      expect(runbook).toMatch(new RegExp(`^### ${rule.alert}$`, 'm'));
    }

    const dashboard = JSON.parse(read('infra/grafana/dashboards/vigie.json')) as {
      panels: { title: string; targets?: { expr: string }[] }[];
    };
    const expressions = dashboard.panels.flatMap((panel) =>
      (panel.targets ?? []).map((target) => [panel.title, target.expr]),
    );
    expect(expressions.length).toBeGreaterThan(15);
    for (const [title, expression] of expressions) {
      for (const name of metricNamesIn(expression))
        expect(`${title}: ${name} ${exposed.has(name)}`).toBe(`${title}: ${name} true`);
    }
  });

  it('makes one trace of an alert, from the POST to the webhook request, across the services', async () => {
    const posted = await post('Intrusion tracée');
    expect(posted.status).toBe(201);
    const received = await waitFor(() => deliveredAlert(posted.body.id), {
      what: 'the alert delivered',
      timeoutMs: 20_000,
    });
    // The webhook request carries the trace context (W3C traceparent: version-trace-parent-flags).
    const traceparent = String(received.headers.traceparent ?? '');
    const [, traceId, webhookParent] = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/.exec(traceparent) ?? [];
    expect(traceId).toBeDefined();

    const expected = [
      ['alert-ingestion', 'POST /v1/alerts'],
      ['alert-ingestion', 'publish alert.submitted.v1'],
      ['prefect-routing', 'process alert.submitted.v1'],
      ['prefect-routing', 'publish alert.routed.v1'],
      ['notification', 'process alert.routed.v1'],
      ['notification', 'deliver webhook'],
    ];
    const spans = await waitFor(
      () => {
        const trace = collector.trace(traceId);
        const complete =
          expected.every(([service, name]) => trace.some((s) => s.service === service && s.name.startsWith(name))) &&
          trace.some((s) => s.spanId === webhookParent);
        return complete ? trace : undefined;
      },
      { what: `the spans of trace ${traceId}`, timeoutMs: 15_000, intervalMs: 200 },
    ).catch((error: Error) => {
      const seen = collector.trace(traceId).map((s) => `${s.service}: ${s.name} (${s.spanId} < ${s.parentSpanId})`);
      throw new Error(`${error.message}; spans seen:\n${seen.join('\n')}`);
    });
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const find = (service: string, name: string) =>
      spans.find((s) => s.service === service && s.name.startsWith(name))!;
    const parentOf = (span: { parentSpanId: string }) => byId.get(span.parentSpanId);

    // One root: the request that submitted the alert; every other span's parent is in the trace.
    const roots = spans.filter((span) => span.parentSpanId === '');
    expect(roots.map((root) => `${root.service} ${root.name}`)).toEqual(['alert-ingestion POST /v1/alerts']);
    for (const span of spans.filter((s) => s.parentSpanId !== '')) expect(byId.has(span.parentSpanId)).toBe(true);
    // The hops, each the child of the one before.
    const chain = expected.map(([service, name]) => find(service, name));
    for (let i = 1; i < chain.length; i++) {
      let ancestor = parentOf(chain[i]);
      while (ancestor && ancestor !== chain[i - 1]) ancestor = parentOf(ancestor);
      expect(`${chain[i].name} under ${ancestor?.name}`).toBe(`${chain[i].name} under ${chain[i - 1].name}`);
    }
    // The webhook request is notification's HTTP client span, under the delivery.
    const client = byId.get(webhookParent)!;
    expect(client.service).toBe('notification');
    expect(parentOf(client)).toBe(find('notification', 'deliver webhook'));
    // SQL run for the alert is part of it, under the request and the handlers.
    expect(
      spans.some(
        (s) =>
          (s.service === 'alert-ingestion' && s.attributes['db.system.name'] === 'postgresql') ||
          (s.service === 'alert-ingestion' && s.attributes['db.system'] === 'postgresql'),
      ),
    ).toBe(true);
  }, 60_000);

  it('stays live while the broker is down, is not ready, keeps accepting into the outbox, and drains after', async () => {
    const ready = (service: string) => request<any>('GET', `${world.stack.url(service as never)}/health/ready`);
    /** Waits until each of `services` answers its readiness probe with `status`. */
    const untilEachAnswers = async (services: readonly string[], status: number, what: string, timeoutMs: number) => {
      for (const service of services) {
        await waitFor(async () => ((await ready(service)).status === status ? true : undefined), {
          what: `${service} to ${what}`,
          timeoutMs,
          intervalMs: 250,
        });
      }
    };
    for (const service of SERVICES) expect((await ready(service)).status).toBe(200);

    await testBroker('down');
    await untilEachAnswers(ALERT_PATH, 503, 'report not ready', 30_000);
    const notReady = await ready('alert-ingestion');
    expect(notReady.body.details.kafka.status).toBe('down');
    expect(notReady.body.details.database.status).toBe('up');
    expect(notReady.body.details.outbox).toMatchObject({ status: 'up', accepting: true });
    for (const service of SERVICES) {
      const live = await request<any>('GET', `${world.stack.url(service)}/health/live`);
      expect(live.status).toBe(200);
      expect(live.body.status).toBe('ok');
    }

    const accepted: string[] = [];
    for (let i = 0; i < 3; i++) {
      const posted = await post(`Intrusion pendant la panne ${i}`);
      expect(posted.status).toBe(201);
      accepted.push(posted.body.id);
    }
    const waiting = await metrics('alert-ingestion');
    expect(sampleSum(waiting, 'vigie_outbox_pending_events')).toBeGreaterThanOrEqual(3);
    expect(sampleSum(waiting, 'vigie_outbox_oldest_pending_age_seconds')).toBeGreaterThan(0);
    expect((await ready('alert-ingestion')).body.details.outbox.pending).toBeGreaterThanOrEqual(3);

    await testBroker('up');
    await untilEachAnswers(SERVICES, 200, 'be ready again', 60_000);
    await waitFor(async () => sampleSum(await metrics('alert-ingestion'), 'vigie_outbox_pending_events') === 0, {
      what: "ingestion's outbox to drain",
      timeoutMs: 30_000,
      intervalMs: 250,
    });
    await waitFor(() => accepted.every((id) => deliveredAlert(id)), {
      what: 'the alerts accepted during the outage to be delivered',
      timeoutMs: 60_000,
    });
  }, 180_000);
});
