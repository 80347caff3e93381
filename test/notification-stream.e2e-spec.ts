import { SseClient, WebhookSink, request, waitFor, waitUntilAccepted, type Partner } from '@vigie/testing';
import {
  deliveryTo,
  intrusion,
  postAlert,
  privateSecurityFirm,
  senderAndPrefectureWebhook,
  subscriber,
} from './notification-fixtures';
import { useTestStack } from './test-stack';

const LILLE = '59350';

// In the Nord, so that other files' organisations play no part.
describe('notification stream: Server-Sent Events per organisation, replayed after a reconnect', () => {
  const world = useTestStack('notification-stream', 130, { env: { STREAM_HEARTBEAT_MS: '1000' } });
  let firm: Partner;
  let prefecture: Partner;
  let sink: WebhookSink;
  let webhookId: string;
  const clients: SseClient[] = [];

  const connect = async (key: string, lastEventId?: string): Promise<SseClient> => {
    const client = await SseClient.connect(`${world.stack.url('notification')}/v1/stream`, {
      authorization: `Bearer ${key}`,
      ...(lastEventId !== undefined ? { 'last-event-id': lastEventId } : {}),
    });
    clients.push(client);
    return client;
  };
  const alertIds = (client: SseClient): string[] =>
    client.events.filter((e) => e.event === 'alert.routed').map((e) => JSON.parse(e.data).alert.alertId as string);

  /** Posts an alert and waits until it was handed to the prefecture (stream event and delivery commit together). */
  async function routedToPrefecture(headline: string): Promise<string> {
    const alertId = await postAlert(world.stack, firm.key, intrusion(LILLE, 'Moderate', headline));
    await deliveryTo(world.stack, prefecture.key, alertId, webhookId, ['sent']);
    return alertId;
  }

  beforeAll(async () => {
    ({
      firm,
      prefecture,
      sink,
      webhook: { id: webhookId },
    } = await senderAndPrefectureWebhook(world.registry, world.stack, 'Flandres Sécurité Émettrice', '59'));
  }, 180_000);

  world.beforeStop(async () => {
    for (const client of clients) await client.close();
  });
  afterAll(async () => {
    await sink?.close();
  }, 60_000);

  it('misses nothing and sees nothing twice across a disconnection, resuming with Last-Event-ID', async () => {
    const live = await connect(prefecture.key);
    expect(live.status).toBe(200);
    const first = await routedToPrefecture('Intrusion, gare Lille-Flandres');
    await waitFor(() => alertIds(live).includes(first), { what: 'the first alert on the stream' });
    const resumeFrom = live.lastEventId!;
    await live.close();

    // Missed while disconnected.
    const second = await routedToPrefecture('Intrusion, Vieux-Lille');
    const third = await routedToPrefecture('Intrusion, Euralille');

    const resumed = await connect(prefecture.key, resumeFrom);
    await waitFor(() => alertIds(resumed).length >= 2, { what: 'the missed alerts to be replayed' });
    const fourth = await routedToPrefecture('Intrusion, Wazemmes');
    await waitFor(() => alertIds(resumed).includes(fourth), { what: 'the next alert, live' });
    expect(alertIds(resumed)).toEqual([second, third, fourth]);
    const ids = resumed.events.map((e) => Number(e.id));
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1])).toBe(true);
    expect(ids[0]).toBeGreaterThan(Number(resumeFrom));

    // The event is what a webhook receives, without its delivery id.
    expect(JSON.parse(resumed.events[0].data)).toMatchObject({
      type: 'alert.routed',
      alert: { alertId: second, location: { department: '59' } },
      recipient: { organisationId: prefecture.id, rule: 'competent-prefecture' },
    });

    // From the beginning: each once, in order.
    const replay = await connect(prefecture.key, '0');
    await waitFor(() => alertIds(replay).includes(fourth), { what: 'a full replay' });
    expect(alertIds(replay).filter((id) => [first, second, third, fourth].includes(id))).toEqual([
      first,
      second,
      third,
      fourth,
    ]);
    expect(new Set(alertIds(replay)).size).toBe(alertIds(replay).length);
  }, 120_000);

  it('carries only what the organisation was routed', async () => {
    const partner = await subscriber(world.registry, world.stack, 'Commerce Roubaisien Abonné', '59');
    const outsider = await privateSecurityFirm(world.registry, 'Sécurité Picarde Non Abonnée', ['80']);
    await waitUntilAccepted(world.stack.url('notification'), outsider.key);
    const partnerStream = await connect(partner.key);
    const outsiderStream = await connect(outsider.key);
    const prefectureStream = await connect(prefecture.key);

    const alertId = await routedToPrefecture('Intrusion, zone de l’Union');
    await waitFor(() => alertIds(partnerStream).includes(alertId), { what: 'the subscriber to receive it' });
    await waitFor(() => alertIds(prefectureStream).includes(alertId), { what: 'the prefecture to receive it' });
    // Each recipient gets its own copy, with its own reason.
    const copy = JSON.parse(partnerStream.events.find((e) => e.data.includes(alertId))!.data);
    expect(copy.recipient).toMatchObject({ organisationId: partner.id, rule: 'subscribers' });
    expect(outsiderStream.events).toEqual([]);
    expect(alertIds(partnerStream)).toEqual([alertId]);
  }, 90_000);

  it('refuses a missing key, a malformed Last-Event-ID, and ends the stream when the key is revoked', async () => {
    expect((await connect('')).status).toBe(401);
    expect((await connect(prefecture.key, 'yesterday')).status).toBe(400);

    const issued = await request<{ id: string; key: string }>(
      'POST',
      `${world.registry.registryUrl}/v1/organizations/${prefecture.id}/api-keys`,
      { key: world.adminKey, body: { roles: ['subscriber'] } },
    );
    expect(issued.status).toBe(201);
    await waitUntilAccepted(world.stack.url('notification'), issued.body.key);
    const stream = await connect(issued.body.key);
    expect(stream.status).toBe(200);
    const revoked = await request('DELETE', `${world.registry.registryUrl}/v1/api-keys/${issued.body.id}`, {
      key: world.adminKey,
    });
    expect(revoked.status).toBeLessThan(300);
    await waitFor(() => stream.ended, { what: 'the stream of a revoked key to end', timeoutMs: 20000 });
    expect(stream.events.at(-1)?.event).toBe('stream.closed');
  }, 90_000);
});
