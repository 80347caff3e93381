import { WebhookSink, prefectureWithKey, request, waitFor, type Partner } from '@vigie/testing';
import { registerSubscribed, registerWebhook, waitUntilRoutable } from '../notification-fixtures';
import { useTestStack } from '../test-stack';

/**
 * What the routing specs share: a stack, organisations each with a webhook of its own on a sink of
 * the file's, and the routing decision as the sender reads it.
 */

export interface RecipientLine {
  organisationId: string;
  rule: string;
  reason: string;
}
export interface Decision {
  recipients: RecipientLine[];
  excluded: RecipientLine[];
  warnings: string[];
}

export const alertIn = (
  commune: string,
  tlp: string,
  overrides: Record<string, unknown> = {},
  eventCode = 'intrusion',
) => ({
  status: 'Actual',
  tlp,
  location: { commune },
  info: [
    {
      category: ['Security'],
      eventCode,
      urgency: 'Immediate',
      severity: 'Moderate',
      certainty: 'Observed',
      headline: 'Intrusion dans un entrepôt',
    },
  ],
  ...overrides,
});

export const ids = (lines: RecipientLine[]) => lines.map((line) => line.organisationId);

export function useRoutingWorld(name: string, portOffset: number) {
  const world = useTestStack(name, portOffset);
  const sinks = new Map<string, WebhookSink>();

  /** An organisation with a webhook of its own, optionally subscribed to intrusions in a département. */
  async function partner(
    organisation: { kind: string; name: string; departments: string[] },
    conventions: string[],
    subscribeIn?: string,
  ): Promise<Partner> {
    const created = await registerSubscribed(
      world.registry,
      organisation,
      conventions,
      subscribeIn ? { departments: [subscribeIn], eventCodes: ['intrusion', 'drone-overflight'] } : undefined,
    );
    await withWebhook(created.id, created.key);
    return created;
  }

  async function withWebhook(organisationId: string, key: string): Promise<void> {
    await waitUntilRoutable(world.stack, key);
    const sink = await WebhookSink.start();
    sinks.set(organisationId, sink);
    await registerWebhook(world.stack, key, sink.url);
  }

  /** A prefecture (seeded by the registry) with an operator key and a webhook. */
  async function prefecture(department: string): Promise<Partner> {
    const seeded = await prefectureWithKey(world.registry, department, ['operator', 'publisher', 'subscriber']);
    await withWebhook(seeded.id, seeded.key);
    return seeded;
  }

  const bodies = (organisationId: string) =>
    (sinks.get(organisationId)?.received ?? []).map((r) => JSON.parse(r.body) as Record<string, any>);
  const received = (organisationId: string, alertId: string): boolean =>
    bodies(organisationId).some((body) => body.alert?.alertId === alertId);

  async function post(key: string, body: unknown, path = '/v1/alerts'): Promise<string> {
    const posted = await request<{ id: string }>('POST', `${world.stack.url('alert-ingestion')}${path}`, { key, body });
    expect(posted.status).toBe(201);
    return posted.body.id;
  }

  function decisionOf(alertId: string, key: string): Promise<Decision> {
    return waitFor(
      async () => {
        const result = await request<Decision>(
          'GET',
          `${world.stack.url('prefect-routing')}/v1/alerts/${alertId}/routing`,
          { key },
        );
        return result.status === 200 ? result.body : undefined;
      },
      { what: `the routing decision of ${alertId}`, timeoutMs: 20000 },
    );
  }

  afterAll(async () => {
    for (const sink of sinks.values()) await sink.close();
  }, 30_000);

  return { world, partner, prefecture, bodies, received, post, decisionOf };
}
