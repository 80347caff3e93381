import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  WebhookSink,
  issueKey,
  prefectureWithKey,
  registerActivePartner,
  request,
  waitUntilAccepted,
  type Partner,
  type ReceivedRequest,
  type Stack,
  type WebhookSinkOptions,
} from '@vigie/testing';
import { registerWebhook } from '../notification-fixtures';
import { AlertStream, type AlertStreamOptions } from './alert-stream';
import type { Receipt } from './delivery-tally';

const PRIVATE_SECURITY = 'private-security-2019';

/** Where a scenario happens: each scenario has its own département, so no other file's webhook plays a part. */
export interface Place {
  department: string;
  /** INSEE code of a commune of the département. */
  commune: string;
  /** Names the scenario's organisations. */
  label: string;
}

export interface Recipient {
  /** `prefecture` or `subscriber`. */
  name: string;
  organisationId: string;
  sink: WebhookSink;
  webhookId: string;
  secret: string;
}

export interface FaultWorld {
  place: Place;
  /** A security firm of the private-security convention, which sends every alert. */
  sender: Partner;
  /** The competent prefecture and a subscribed member of the sender's convention: every alert goes to both. */
  recipients: Recipient[];
  close(): Promise<void>;
}

/**
 * An alert any client of the scenario posts: a theft in the scenario's commune, marked in its
 * note. TLP:GREEN lets it reach the sender's community, hence the subscribed fellow member.
 */
export function theftIn(place: Place, marker: string): object {
  return {
    status: 'Actual',
    tlp: 'GREEN',
    note: marker,
    location: { commune: place.commune },
    info: [
      {
        category: ['Security'],
        eventCode: 'theft',
        urgency: 'Expected',
        severity: 'Moderate',
        certainty: 'Observed',
        headline: `Vol à l'étalage signalé (${place.label})`,
      },
    ],
  };
}

/** How many thefts a stream posts, and at what pace. */
export type TheftPace = Pick<AlertStreamOptions, 'name' | 'count' | 'concurrency' | 'intervalMs'>;

/** Thefts in the world's place (theftIn), posted by its sender to the alert-ingestion instance at `url`. */
export function theftStream(world: FaultWorld, url: string, pace: TheftPace): AlertStream {
  return AlertStream.start({
    url,
    key: world.sender.key,
    ...pace,
    message: (_, marker) => ({ path: '/v1/alerts', body: theftIn(world.place, marker) }),
  });
}

/**
 * The organisations of a scenario, each recipient with a webhook on its own sink. Returns once
 * every service involved knows their keys and the subscription.
 */
export async function prepareWorld(
  stack: Stack,
  adminKey: string,
  place: Place,
  sinkOptions: WebhookSinkOptions = {},
): Promise<FaultWorld> {
  const registry = { registryUrl: stack.url('partner-registry'), adminKey };
  const member = { conventions: [PRIVATE_SECURITY] };
  const sender = await registerActivePartner(
    registry,
    { kind: 'SECURITY_FIRM', name: `Émetteur ${place.label}`, departments: [place.department] },
    member,
  );
  const subscriber = await registerActivePartner(
    registry,
    { kind: 'SECURITY_FIRM', name: `Abonné ${place.label}`, departments: [place.department] },
    member,
  );
  const subscription = await request(
    'POST',
    `${registry.registryUrl}/v1/organizations/${subscriber.id}/subscriptions`,
    {
      key: subscriber.key,
      body: { departments: [place.department], eventCodes: ['theft'], minimumSeverity: 'Minor' },
    },
  );
  if (subscription.status !== 201) throw new Error(`subscription: HTTP ${subscription.status}`);
  // Keys issued last: a service that knows them knows the subscription too.
  const subscriberKey = await issueKey(registry, subscriber.id);
  const prefecture = await prefectureWithKey(registry, place.department);
  await waitUntilAccepted(stack.url('alert-ingestion'), sender.key, 30_000);
  await waitUntilAccepted(stack.url('prefect-routing'), subscriberKey, 30_000);

  const recipients: Recipient[] = [];
  for (const [name, organisationId, key] of [
    ['prefecture', prefecture.id, prefecture.key],
    ['subscriber', subscriber.id, subscriberKey],
  ]) {
    await waitUntilAccepted(stack.url('notification'), key, 30_000);
    const sink = await WebhookSink.start(sinkOptions);
    const webhook = await registerWebhook(stack, key, sink.url);
    recipients.push({ name, organisationId, sink, webhookId: webhook.id, secret: webhook.secret });
  }
  return {
    place,
    sender,
    recipients,
    close: async () => {
      for (const recipient of recipients) await recipient.sink.close();
    },
  };
}

/** Checks Vigie-Signature as a partner would (README, "Verifying a webhook"): HMAC-SHA256 of `<timestamp>.<raw body>`. */
function signed(secret: string, received: ReceivedRequest): boolean {
  const timestamp = String(received.headers['vigie-timestamp'] ?? '');
  const signature = String(received.headers['vigie-signature'] ?? '').replace(/^v1=/, '');
  const expected = createHmac('sha256', secret).update(`${timestamp}.${received.body}`).digest();
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The routed alerts a recipient's webhook received so far (escalations and broadcasts are other messages). */
export function receiptsOf(recipient: Recipient): Receipt[] {
  return recipient.sink.received.flatMap((received) => {
    const body = JSON.parse(received.body) as { type: string; alert: { alertId: string } };
    if (body.type !== 'alert.routed') return [];
    const deliveryId = String(received.headers['vigie-delivery-id']);
    return [{ alertId: body.alert.alertId, deliveryId, signed: signed(recipient.secret, received) }];
  });
}
