import type { components } from '@vigie/client';
import { SseClient, request, waitFor, type Partner } from '@vigie/testing';
import { intrusion, postAlert, senderAndPrefecture, subscriber } from './notification-fixtures';
import { useTestStack } from './test-stack';

const PAU = '64445';

/** The stream's `alert.acknowledged`: an acknowledgement plus originalAlertId (the description of GET /v1/stream). */
type Acknowledged = components['schemas']['AcknowledgementView'] & { originalAlertId: string };

// In the Pyrénées-Atlantiques, so that other files' organisations play no part.
describe("notification stream: an acknowledgement is pushed on the sender's stream, and only there", () => {
  const world = useTestStack('notification-ack-stream', 770);
  let firm: Partner;
  let prefecture: { id: string; name: string; key: string };
  let neighbour: Partner;
  const clients: SseClient[] = [];

  const connect = async (key: string): Promise<SseClient> => {
    const client = await SseClient.connect(`${world.stack.url('notification')}/v1/stream`, {
      authorization: `Bearer ${key}`,
    });
    clients.push(client);
    return client;
  };
  const acknowledgements = (client: SseClient): Acknowledged[] =>
    client.events.filter((e) => e.event === 'alert.acknowledged').map((e) => JSON.parse(e.data) as Acknowledged);

  beforeAll(async () => {
    ({ firm, prefecture } = await senderAndPrefecture(
      world.registry,
      world.stack,
      'Béarn Gardiennage Émettrice',
      '64',
    ));
    neighbour = await subscriber(world.registry, world.stack, 'Adour Surveillance Abonnée', '64');
  }, 180_000);

  world.beforeStop(async () => {
    for (const client of clients) await client.close();
  });

  it("tells the sender who acknowledged and when; the prefecture's and a co-recipient's streams get nothing", async () => {
    const sender = await connect(firm.key);
    const other = await connect(neighbour.key);
    const acknowledger = await connect(prefecture.key);
    expect(sender.status).toBe(200);

    const alertId = await postAlert(world.stack, firm.key, intrusion(PAU, 'Severe', 'Intrusion, château de Pau'));
    // The co-recipient has the alert on its stream: it is routed to it, yet the acknowledgement is not its business.
    await waitFor(
      () => other.events.some((e) => e.event === 'alert.routed' && JSON.parse(e.data).alert.alertId === alertId),
      { what: 'the alert routed to the co-recipient' },
    );
    const path = `${world.stack.url('notification')}/v1/alerts/${alertId}/acknowledgements`;
    await waitFor(
      async () => {
        const answer = await request('POST', path, { key: prefecture.key, body: { note: 'Patrouille envoyée' } });
        return answer.status === 201 || answer.status === 200;
      },
      { what: 'the prefecture acknowledging once the alert reached notification' },
    );

    await waitFor(() => acknowledgements(sender).length > 0, { what: "the acknowledgement on the sender's stream" });
    const [pushed] = acknowledgements(sender);
    expect(pushed).toMatchObject({ alertId, originalAlertId: alertId, organisationId: prefecture.id });
    expect(pushed.organisationName).toBe(prefecture.name);
    expect(Number.isNaN(Date.parse(pushed.acknowledgedAt))).toBe(false);
    // The alert's content (headline, description) never travels with it.
    expect(JSON.stringify(pushed)).not.toContain('château');

    // Acknowledging again changes nothing and pushes nothing more.
    const again = await request('POST', path, { key: prefecture.key, body: {} });
    expect(again.status).toBe(200);
    const marker = await postAlert(world.stack, firm.key, intrusion(PAU, 'Severe', 'Intrusion, gare de Pau'));
    await waitFor(
      () => other.events.some((e) => e.event === 'alert.routed' && JSON.parse(e.data).alert.alertId === marker),
      { what: 'a later alert on the co-recipient stream' },
    );
    await waitFor(
      () => acknowledger.events.some((e) => e.event === 'alert.routed' && JSON.parse(e.data).alert.alertId === marker),
      { what: "a later alert on the prefecture's stream" },
    );
    expect(acknowledgements(sender)).toHaveLength(1);
    expect(acknowledgements(other)).toHaveLength(0);
    expect(acknowledgements(acknowledger)).toHaveLength(0);
  }, 60_000);
});
