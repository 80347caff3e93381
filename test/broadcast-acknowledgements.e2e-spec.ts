import type { components } from '@vigie/client';
import { Topics } from '@vigie/contracts';
import {
  SseClient,
  messagesWithKey,
  prefectureWithKey,
  request,
  waitFor,
  waitUntilAccepted,
  type Partner,
} from '@vigie/testing';
import { personWithPassword } from './console/accounts';
import { e2eEnv } from './e2e.env';
import { subscriber } from './notification-fixtures';
import { useTestStack } from './test-stack';

const HAUTE_VIENNE = '87';
const GUARD = {
  email: 'lea.martin@limousin-surveillance.fr',
  fullName: 'Léa Martin',
  password: 'limoges-87-ronde-nuit',
};

type Acknowledgement = components['schemas']['BroadcastAcknowledgementView'];

/** The API description types the broadcast as any object: it is the `BroadcastSnapshot` of `broadcast.routed`. */
type Received = Omit<components['schemas']['ReceivedBroadcastView'], 'broadcast'> & {
  broadcast: components['schemas']['BroadcastSnapshot'];
};

// In the Haute-Vienne, so that other files' organisations play no part; a Vienne firm is the outsider.
describe('broadcast acknowledgements: a partner acknowledges a vigilance message, the prefecture sees who did', () => {
  const world = useTestStack('broadcast-acknowledgements', 810);
  let firm: Partner;
  let coRecipient: Partner;
  let outsider: Partner;
  let prefecture: { id: string; name: string; key: string };
  let sender: SseClient;

  const notification = (path: string): string => `${world.stack.url('notification')}${path}`;

  async function broadcast(headline: string): Promise<string> {
    const sent = await request<{
      broadcast: { broadcastId: string };
      routing: { recipients: { organisationId: string }[] };
    }>('POST', `${world.stack.url('prefect-routing')}/v1/broadcasts`, {
      key: prefecture.key,
      body: { headline, description: 'Repérages signalés près des commerces de Limoges.' },
    });
    expect(sent.status).toBe(201);
    const recipients = sent.body.routing.recipients.map((recipient) => recipient.organisationId);
    expect(recipients).toEqual(expect.arrayContaining([firm.id, coRecipient.id]));
    expect(recipients).not.toContain(outsider.id);
    return sent.body.broadcast.broadcastId;
  }

  /** Notification has it once routing's event was handled. */
  async function receivedBy(key: string, broadcastId: string): Promise<Received> {
    return waitFor(
      async () => {
        const listed = await request<Received[]>('GET', notification('/v1/received-broadcasts'), { key });
        return listed.body.find((item) => item.broadcast.broadcastId === broadcastId);
      },
      { what: 'the broadcast among those received', timeoutMs: 20_000 },
    );
  }

  beforeAll(async () => {
    firm = await subscriber(world.registry, world.stack, 'Limoges Gardiennage', HAUTE_VIENNE);
    coRecipient = await subscriber(world.registry, world.stack, 'Limousin Surveillance', HAUTE_VIENNE);
    outsider = await subscriber(world.registry, world.stack, 'Poitou Veille', '86');
    await personWithPassword(world.registry, coRecipient.id, { ...GUARD, roles: ['DUTY_OFFICER'] });
    prefecture = await prefectureWithKey(world.registry, HAUTE_VIENNE);
    await waitUntilAccepted(world.stack.url('prefect-routing'), prefecture.key);
    await waitUntilAccepted(world.stack.url('notification'), prefecture.key);
    sender = await SseClient.connect(notification('/v1/stream'), { authorization: `Bearer ${prefecture.key}` });
  }, 180_000);

  world.beforeStop(async () => {
    await sender?.close();
  });

  it('lists it for its recipients only, acknowledges once, and tells the sender who acknowledged', async () => {
    const broadcastId = await broadcast('Vigilance renforcée : vols à la voiture bélier');

    const received = await receivedBy(firm.key, broadcastId);
    expect(received.broadcast).toMatchObject({
      headline: 'Vigilance renforcée : vols à la voiture bélier',
      tlp: 'GREEN',
    });
    expect(received.broadcast.senderName).toBe(prefecture.name);
    expect(received.rule).toBe('broadcast-audience');
    expect(received.acknowledgement).toBeNull();

    // An organisation it was not addressed to: it does not exist, whatever the route.
    const outsiders = await request<Received[]>('GET', notification('/v1/received-broadcasts'), { key: outsider.key });
    expect(outsiders.body.map((item) => item.broadcast.broadcastId)).not.toContain(broadcastId);
    expect(
      (await request('GET', notification(`/v1/received-broadcasts/${broadcastId}`), { key: outsider.key })).status,
    ).toBe(404);
    const path = notification(`/v1/broadcasts/${broadcastId}/acknowledgements`);
    expect((await request('POST', path, { key: outsider.key })).status).toBe(404);
    expect((await request('GET', path, { key: outsider.key })).status).toBe(404);

    // The first acknowledgement is recorded (201), the second answers the first (200).
    const first = await request<Acknowledgement>('POST', path, { key: firm.key });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      broadcastId,
      organisationId: firm.id,
      organisationName: 'Limoges Gardiennage',
      person: null,
    });
    const second = await request<Acknowledgement>('POST', path, { key: firm.key });
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    const again = await request<Received>('GET', notification(`/v1/received-broadcasts/${broadcastId}`), {
      key: firm.key,
    });
    expect(again.body.acknowledgement).toEqual(first.body);

    // A person of the co-recipient acknowledges through a person access token (the console's way): named.
    const session = await request<{ accessToken: string }>('POST', `${world.registry.registryUrl}/v1/sessions`, {
      body: { email: GUARD.email, password: GUARD.password },
    });
    expect(session.status).toBe(201);
    const byPerson = await request<Acknowledgement>('POST', path, { key: session.body.accessToken });
    expect(byPerson.status).toBe(201);
    expect(byPerson.body.person?.name).toBe('Léa Martin');

    // The prefecture sees both, oldest first; a recipient sees only its own.
    const seen = await request<Acknowledgement[]>('GET', path, { key: prefecture.key });
    expect(seen.status).toBe(200);
    expect(seen.body.map((ack) => [ack.organisationId, ack.person?.name ?? null])).toEqual([
      [firm.id, null],
      [coRecipient.id, 'Léa Martin'],
    ]);
    const batch = await request<Acknowledgement[]>(
      'GET',
      notification(`/v1/broadcast-acknowledgements?ids=${broadcastId}`),
      {
        key: prefecture.key,
      },
    );
    expect(batch.body).toEqual(seen.body);
    const own = await request<Acknowledgement[]>('GET', path, { key: firm.key });
    expect(own.body.map((ack) => ack.organisationId)).toEqual([firm.id]);
    const outsidersBatch = await request<Acknowledgement[]>(
      'GET',
      notification(`/v1/broadcast-acknowledgements?ids=${broadcastId}`),
      { key: outsider.key },
    );
    expect(outsidersBatch.body).toEqual([]);

    // Published once per organisation on Kafka, and pushed on the sender's stream once each.
    const published = await waitFor(
      async () => {
        const messages = await messagesWithKey([e2eEnv.kafkaBrokers], Topics.BroadcastAcknowledgedV1, broadcastId);
        return messages.length >= 2 ? messages : undefined;
      },
      { what: 'broadcast.acknowledged.v1', timeoutMs: 20_000 },
    );
    const payloads = published.map((message) => JSON.parse(message.value!.toString()).payload);
    expect(payloads.map((payload) => payload.organisationId).sort()).toEqual([firm.id, coRecipient.id].sort());
    expect(payloads.find((payload) => payload.organisationId === firm.id)).toMatchObject({
      broadcastId,
      senderOrganisationId: prefecture.id,
    });

    // A later acknowledgement marks the point by which every earlier one is on the stream.
    const marker = await broadcast('Vigilance : repérages de nuit');
    await receivedBy(firm.key, marker);
    expect(
      (await request('POST', notification(`/v1/broadcasts/${marker}/acknowledgements`), { key: firm.key })).status,
    ).toBe(201);
    const pushed = (): Acknowledgement[] =>
      sender.events.filter((event) => event.event === 'broadcast.acknowledged').map((event) => JSON.parse(event.data));
    await waitFor(() => pushed().some((ack) => ack.broadcastId === marker), {
      what: 'the marker on the sender stream',
    });
    const forFirst = pushed().filter((ack) => ack.broadcastId === broadcastId);
    expect(forFirst.map((ack) => ack.organisationId)).toEqual([firm.id, coRecipient.id]);
    expect(forFirst[1].person?.name).toBe('Léa Martin');
  }, 120_000);

  it('pages the received list newest first with the cursor of the Link header, and refuses a forged cursor', async () => {
    const newest: string[] = [];
    for (const headline of ['Vigilance : faux agents EDF', 'Vigilance : vols de carburant', 'Vigilance : rodéos']) {
      newest.unshift(await broadcast(headline));
    }
    await receivedBy(firm.key, newest[0]);
    const everything = await request<Received[]>('GET', notification('/v1/received-broadcasts'), { key: firm.key });
    expect(everything.headers.get('link')).toBeNull();
    const all = everything.body.map((item) => item.broadcast.broadcastId);
    expect(all.slice(0, 3)).toEqual(newest);

    // Two at a time, following rel="next" until there is none: every broadcast once, in the same order.
    const paged: string[][] = [];
    let next: string | null = '/v1/received-broadcasts?limit=2';
    while (next) {
      const page: Awaited<ReturnType<typeof request<Received[]>>> = await request<Received[]>(
        'GET',
        notification(next),
        { key: firm.key },
      );
      expect(page.status).toBe(200);
      paged.push(page.body.map((item) => item.broadcast.broadcastId));
      const link = page.headers.get('link');
      next = link ? /^<([^>]+)>; rel="next"$/.exec(link)![1] : null;
    }
    expect(paged.length).toBeGreaterThanOrEqual(2);
    expect(paged[0]).toEqual(newest.slice(0, 2));
    expect(paged.flat()).toEqual(all);
    expect(paged.at(-1)!.length).toBeGreaterThan(0);

    // A cursor it did not give (decodable or not) and a limit out of range are problems, not pages.
    const forged = Buffer.from(`2026-12-04T21:00:00|${newest[0]}`).toString('base64url');
    for (const query of [`cursor=${forged}`, 'cursor=not%20a%20cursor', 'limit=0', 'limit=101']) {
      const refused = await request<{ error: string; details: { field: string }[] }>(
        'GET',
        notification(`/v1/received-broadcasts?${query}`),
        { key: firm.key },
      );
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.details.map((detail) => detail.field)).toEqual([query.split('=')[0]]);
    }
  }, 120_000);
});
