import type { AlertRoutedV1Payload, EventEnvelope } from '@vigie/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { DeliveriesService } from './deliveries.service';

const FIRM = '5b0e8f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const PREFECTURE = '7d2f1a0b-3c4e-4f5a-9b8c-1d2e3f4a5b6c';
const alert = { alertId: '3f0c9b52-6d1e-4a7b-8c2f-5e9d0a1b2c3d', info: { headline: 'Intrusion' } };

function routed(recipients: AlertRoutedV1Payload['recipients']): EventEnvelope<AlertRoutedV1Payload> {
  return {
    payload: { alert, decisionId: 'd', routedAt: '2025-11-28T09:15:00.000Z', recipients },
  } as unknown as EventEnvelope<AlertRoutedV1Payload>;
}

/** Answers the webhook lookup from a fixed list and records the inserted deliveries. */
function fakeManager(webhooks: { id: string; organisation_id: string }[]) {
  const inserted: { params: unknown[]; body: Record<string, unknown> }[] = [];
  const query = jest.fn(async (sql: string, params: unknown[]) => {
    if (sql.trimStart().startsWith('SELECT id, organisation_id FROM webhooks')) {
      return webhooks.filter((webhook) => (params[0] as string[]).includes(webhook.organisation_id));
    }
    if (sql.trimStart().startsWith('INSERT INTO deliveries')) {
      inserted.push({ params, body: JSON.parse(params[4] as string) });
      return [{ id: params[0] }];
    }
    throw new Error(`unexpected query: ${sql}`);
  });
  return { manager: { query } as unknown as EntityManager, query, inserted };
}

describe('scheduling deliveries', () => {
  const service = new DeliveriesService({} as DataSource);

  it('schedules one delivery per active webhook of each recipient, with the body to send', async () => {
    const { manager, inserted } = fakeManager([
      { id: 'w-1', organisation_id: PREFECTURE },
      { id: 'w-2', organisation_id: PREFECTURE },
    ]);
    await service.schedule(
      routed([{ organisationId: PREFECTURE, rule: 'competent-prefecture', reason: 'Préfecture du Rhône' }]),
      manager,
    );
    expect(inserted.map((row) => row.params.slice(1, 4))).toEqual([
      [alert.alertId, PREFECTURE, 'w-1'],
      [alert.alertId, PREFECTURE, 'w-2'],
    ]);
    const [first] = inserted;
    expect(first.body).toEqual({
      deliveryId: first.params[0],
      type: 'alert.routed',
      alert,
      recipient: { organisationId: PREFECTURE, rule: 'competent-prefecture', reason: 'Préfecture du Rhône' },
      routedAt: '2025-11-28T09:15:00.000Z',
    });
    expect(inserted[1].body.deliveryId).toBe(inserted[1].params[0]);
    expect(inserted[1].body.deliveryId).not.toBe(first.body.deliveryId);
  });

  it('keeps the first reason when a recipient is named twice, and skips recipients without webhooks', async () => {
    const { manager, inserted, query } = fakeManager([{ id: 'w-1', organisation_id: PREFECTURE }]);
    await service.schedule(
      routed([
        { organisationId: PREFECTURE, rule: 'competent-prefecture', reason: 'first' },
        { organisationId: FIRM, rule: 'nearby-partner', reason: 'no webhook' },
        { organisationId: PREFECTURE, rule: 'other-rule', reason: 'second' },
      ]),
      manager,
    );
    expect(query.mock.calls[0][1]).toEqual([[PREFECTURE, FIRM]]);
    expect(inserted).toHaveLength(1);
    expect(inserted[0].body.recipient).toMatchObject({ rule: 'competent-prefecture', reason: 'first' });
  });

  it('does nothing for an alert routed to no one', async () => {
    const { manager, query } = fakeManager([]);
    await service.schedule(routed([]), manager);
    expect(query).not.toHaveBeenCalled();
  });
});
