import type { components } from '@vigie/client';
import {
  WebhookSink,
  issueKey,
  prefectureWithKey,
  registerActivePartner,
  request,
  waitFor,
  waitUntilAccepted,
  type Partner,
  type RegistryAccess,
  type Stack,
} from '@vigie/testing';

export const PRIVATE_SECURITY = 'private-security-2019';

/** An intrusion in `commune`, of the given severity. */
export function intrusion(commune: string, severity: string, headline: string, tlp = 'GREEN'): object {
  return {
    status: 'Actual',
    tlp,
    location: { commune },
    info: [
      {
        category: ['Security'],
        eventCode: 'intrusion',
        urgency: 'Immediate',
        severity,
        certainty: 'Observed',
        headline,
        description: 'Deux individus détectés par vidéoprotection, agent sur place.',
      },
    ],
  };
}

export async function postAlert(stack: Stack, key: string, body: object): Promise<string> {
  const posted = await request<{ id: string }>('POST', `${stack.url('alert-ingestion')}/v1/alerts`, { key, body });
  if (posted.status !== 201) throw new Error(`alert refused: ${posted.status} ${JSON.stringify(posted.body)}`);
  return posted.body.id;
}

/** An active security firm of `departments`, member of the private-security convention. */
export function privateSecurityFirm(registry: RegistryAccess, name: string, departments: string[]): Promise<Partner> {
  return registerActivePartner(
    registry,
    { kind: 'SECURITY_FIRM', name, departments },
    { conventions: [PRIVATE_SECURITY] },
  );
}

/** Waits until notification and routing both accept `key`: from then on its organisation can be routed alerts. */
export async function waitUntilRoutable(stack: Stack, key: string): Promise<void> {
  await waitUntilAccepted(stack.url('notification'), key);
  await waitUntilAccepted(stack.url('prefect-routing'), key);
}

/**
 * An active organisation, subscribed (from Minor up) when `subscription` is given. Its key is
 * issued last: a service that knows the key knows the subscription too.
 */
export async function registerSubscribed(
  registry: RegistryAccess,
  organisation: { kind: string; name: string; departments: string[] },
  conventions: string[],
  subscription?: { departments: string[]; eventCodes: string[] },
): Promise<Partner> {
  const partner = await registerActivePartner(registry, organisation, { conventions });
  if (subscription) {
    const subscribed = await request('POST', `${registry.registryUrl}/v1/organizations/${partner.id}/subscriptions`, {
      key: partner.key,
      body: { ...subscription, minimumSeverity: 'Minor' },
    });
    if (subscribed.status !== 201) throw new Error(`subscription refused: ${subscribed.status}`);
  }
  partner.key = await issueKey(registry, partner.id);
  return partner;
}

/** A private-security firm of `department` subscribed to its intrusions, known to routing and notification. */
export async function subscriber(
  registry: RegistryAccess,
  stack: Stack,
  name: string,
  department: string,
): Promise<Partner> {
  const partner = await registerSubscribed(
    registry,
    { kind: 'SECURITY_FIRM', name, departments: [department] },
    [PRIVATE_SECURITY],
    { departments: [department], eventCodes: ['intrusion'] },
  );
  await waitUntilRoutable(stack, partner.key);
  return partner;
}

/**
 * A private-security firm of `department` that sends alerts, and the département's prefecture with
 * a key of its own; ingestion accepts the firm's key and notification the prefecture's (waiting up
 * to `acceptTimeoutMs` for each).
 */
export async function senderAndPrefecture(
  registry: RegistryAccess,
  stack: Stack,
  firmName: string,
  department: string,
  acceptTimeoutMs?: number,
): Promise<{ firm: Partner; prefecture: { id: string; name: string; key: string } }> {
  const firm = await privateSecurityFirm(registry, firmName, [department]);
  const prefecture = await prefectureWithKey(registry, department);
  await waitUntilAccepted(stack.url('alert-ingestion'), firm.key, acceptTimeoutMs);
  await waitUntilAccepted(stack.url('notification'), prefecture.key, acceptTimeoutMs);
  return { firm, prefecture };
}

/**
 * senderAndPrefecture, and a webhook of the prefecture's on a sink of its own: where the firm's
 * alerts are seen delivered. The caller closes the sink.
 */
export async function senderAndPrefectureWebhook(
  registry: RegistryAccess,
  stack: Stack,
  firmName: string,
  department: string,
): Promise<{
  firm: Partner;
  prefecture: { id: string; name: string; key: string };
  sink: WebhookSink;
  webhook: { id: string; secret: string };
}> {
  const { firm, prefecture } = await senderAndPrefecture(registry, stack, firmName, department);
  const sink = await WebhookSink.start();
  return { firm, prefecture, sink, webhook: await registerWebhook(stack, prefecture.key, sink.url) };
}

export async function registerWebhook(stack: Stack, key: string, url: string): Promise<{ id: string; secret: string }> {
  const webhook = await request<{ id: string; secret: string }>('POST', `${stack.url('notification')}/v1/webhooks`, {
    key,
    body: { url },
  });
  if (webhook.status !== 201) throw new Error(`webhook refused: ${webhook.status} ${JSON.stringify(webhook.body)}`);
  return webhook.body;
}

export type DeliveryStatus = components['schemas']['DeliveryView'];

export async function deliveriesOf(stack: Stack, key: string, alertId: string): Promise<DeliveryStatus[]> {
  const result = await request<DeliveryStatus[]>(
    'GET',
    `${stack.url('notification')}/v1/deliveries?alertId=${alertId}`,
    { key },
  );
  if (result.status !== 200) throw new Error(`deliveries: ${result.status}`);
  return result.body;
}

/** Waits until the delivery of `alertId` to `webhookId` is in one of `statuses`. */
export function deliveryTo(
  stack: Stack,
  key: string,
  alertId: string,
  webhookId: string,
  statuses: string[],
  timeoutMs = 30000,
): Promise<DeliveryStatus> {
  return waitFor(
    async () =>
      (await deliveriesOf(stack, key, alertId)).find(
        (delivery) => delivery.webhookId === webhookId && statuses.includes(delivery.status),
      ),
    { what: `the delivery of ${alertId} to webhook ${webhookId} to be ${statuses.join(' or ')}`, timeoutMs },
  );
}

/** The alert ids in the bodies a webhook sink received. */
export function bodies(
  received: { body: string }[],
): { type: string; deliveryId: string; alert?: { alertId: string } }[] {
  return received.map((r) => JSON.parse(r.body) as { type: string; deliveryId: string; alert?: { alertId: string } });
}

/** The seeded national level, and a key of its own with the roles given. */
export async function nationalLevel(registry: RegistryAccess, roles: string[]): Promise<Partner> {
  const listed = await request<{ id: string; name: string }[]>(
    'GET',
    `${registry.registryUrl}/v1/organizations?kind=NATIONAL_LEVEL`,
    { key: registry.adminKey },
  );
  if (listed.status !== 200 || listed.body.length !== 1) throw new Error(`national level: ${listed.status}`);
  const [national] = listed.body;
  return { ...national, key: await issueKey(registry, national.id, roles) };
}
