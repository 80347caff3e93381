import { Topics } from '@vigie/contracts';
import { messagesWithKey, request, waitFor, type Partner } from '@vigie/testing';
import { e2eEnv } from './e2e.env';
import { ids, useRoutingWorld, type RecipientLine } from './routing/routing-world';

describe('routing: a prefecture’s vigilance message to its partners, and only them', () => {
  const { world, partner, prefecture, bodies } = useRoutingWorld('routing-broadcasts', 950);
  const brokers = [e2eEnv.kafkaBrokers];
  let bdr: Partner;
  let jewellerBdr: Partner;
  let firmBdr: Partner;
  let vaucluse: Partner;

  beforeAll(async () => {
    bdr = await prefecture('13');
    jewellerBdr = await partner(
      { kind: 'JEWELLER', name: 'Bijouterie du Vieux-Port', departments: ['13'] },
      ['jewellery-2018'],
      '13',
    );
    firmBdr = await partner({ kind: 'SECURITY_FIRM', name: 'Sécurité Phocéenne', departments: ['13'] }, [
      'private-security-2019',
    ]);
    vaucluse = await partner(
      { kind: 'SECURITY_FIRM', name: 'Gardiennage d’Avignon', departments: ['84'] },
      ['private-security-2019'],
      '84',
    );
  }, 120_000);

  const broadcast = (key: string, body: Record<string, unknown>) =>
    request<any>('POST', `${world.stack.url('prefect-routing')}/v1/broadcasts`, {
      key,
      body: { headline: 'Vigilance renforcée', description: 'Repérages signalés près des commerces.', ...body },
    });

  it('sends a vigilance message from the Bouches-du-Rhône prefecture to its partners only', async () => {
    const sent = await broadcast(bdr.key, {});
    expect(sent.status).toBe(201);
    const { broadcastId, audience } = sent.body.broadcast;
    expect(audience.departments).toEqual(['13']);
    const recipients = ids(sent.body.routing.recipients);
    expect(recipients).toEqual(expect.arrayContaining([jewellerBdr.id, firmBdr.id]));
    expect(recipients).not.toContain(vaucluse.id);
    expect(recipients).not.toContain(bdr.id);

    const [routed] = await waitFor(
      async () => {
        const messages = await messagesWithKey(brokers, Topics.BroadcastRoutedV1, broadcastId);
        return messages.length > 0 ? messages : undefined;
      },
      { what: 'broadcast.routed.v1', timeoutMs: 20000 },
    );
    const payload = JSON.parse(routed.value!.toString()).payload;
    expect(ids(payload.recipients).sort()).toEqual([...recipients].sort());

    // Delivered by the notification service on each partner's own webhook, and only there.
    const gotIt = (organisationId: string) =>
      bodies(organisationId).some(
        (body) => body.type === 'broadcast.routed' && body.broadcast?.broadcastId === broadcastId,
      );
    await waitFor(() => gotIt(jewellerBdr.id) && gotIt(firmBdr.id), {
      what: "the broadcast on the partners' webhooks",
      timeoutMs: 20000,
    });
    expect(gotIt(vaucluse.id)).toBe(false);
    expect(gotIt(bdr.id)).toBe(false);

    // A recipient reads the message, not who else received it; an outsider reads nothing.
    const asRecipient = await request<any>(
      'GET',
      `${world.stack.url('prefect-routing')}/v1/broadcasts/${broadcastId}`,
      {
        key: jewellerBdr.key,
      },
    );
    expect(asRecipient.status).toBe(200);
    expect(asRecipient.body.routing).toBeUndefined();
    expect(
      (
        await request('GET', `${world.stack.url('prefect-routing')}/v1/broadcasts/${broadcastId}`, {
          key: vaucluse.key,
        })
      ).status,
    ).toBe(404);
  }, 60_000);

  it('narrows a broadcast by sector', async () => {
    const sent = await broadcast(bdr.key, { sectors: ['JEWELLERY'], tlp: 'GREEN' });
    expect(sent.status).toBe(201);
    expect(ids(sent.body.routing.recipients)).toContain(jewellerBdr.id);
    expect(ids(sent.body.routing.recipients)).not.toContain(firmBdr.id);
    expect(sent.body.routing.excluded.find((e: RecipientLine) => e.organisationId === firmBdr.id)?.reason).toBe(
      'sector PRIVATE_SECURITY not among JEWELLERY',
    );
  }, 60_000);

  it('refuses a broadcast beyond the prefecture’s départements, and from a partner', async () => {
    const beyond = await broadcast(bdr.key, { departments: ['84'] });
    expect(beyond.status).toBe(403);
    expect(beyond.body.detail).toBe("outside the sender's competence: département 84");
    expect((await broadcast(firmBdr.key, {})).status).toBe(403);
  }, 30_000);
});
