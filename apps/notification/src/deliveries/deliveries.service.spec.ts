import { ReferentRole } from '@vigie/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { NotificationConfig } from '../config';
import type { ReferentsDirectory } from '../directory/referents.directory';
import type { StreamEntry, StreamLog } from '../stream/stream.log';
import { DeliveriesService, type Distribution } from './deliveries.service';

const FIRM = '5b0e8f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const PREFECTURE = '7d2f1a0b-3c4e-4f5a-9b8c-1d2e3f4a5b6c';
const OTHER = '9e3a2b1c-4d5e-4f6a-8b7c-2d3e4f5a6b7c';
const alert = { alertId: '3f0c9b52-6d1e-4a7b-8c2f-5e9d0a1b2c3d', info: [{ headline: 'Intrusion' }] };

function routed(recipients: Distribution['recipients'], overrides: Partial<Distribution> = {}): Distribution {
  return {
    type: 'alert.routed',
    subjectId: alert.alertId,
    senderOrganisationId: FIRM,
    department: '29',
    content: { alert, routedAt: '2025-11-28T09:15:00.000Z' },
    recipients,
    ...overrides,
  };
}

/** Answers the webhook lookup from a fixed list and records the inserted deliveries. */
function fakeManager(webhooks: { id: string; organisation_id: string }[]) {
  const inserted: { params: unknown[]; body: Record<string, unknown> }[] = [];
  const query = jest.fn(async (sql: string, params: unknown[]) => {
    if (sql.trimStart().startsWith('SELECT id, organisation_id FROM webhooks')) {
      return webhooks.filter((webhook) => (params[0] as string[]).includes(webhook.organisation_id));
    }
    if (sql.trimStart().startsWith('INSERT INTO deliveries')) {
      inserted.push({ params, body: JSON.parse(params[9] as string) });
      return [{ id: params[0] }];
    }
    throw new Error(`unexpected query: ${sql}`);
  });
  return { manager: { query } as unknown as EntityManager, query, inserted };
}

function service(options: { smtp: boolean; referents?: { id: string; organisationId: string; email: string }[] }) {
  const streamed: StreamEntry[] = [];
  const stream = { append: jest.fn(async (_: EntityManager, entry: StreamEntry) => void streamed.push(entry)) };
  const contacts = jest.fn(async (_: EntityManager, ids: string[], __: string, role: ReferentRole) =>
    (options.referents ?? [])
      .filter((referent) => ids.includes(referent.organisationId))
      .map((referent) => ({ ...referent, fullName: `${role} referent` })),
  );
  const config = { email: { smtpUrl: options.smtp ? 'smtp://127.0.0.1:2525' : null } } as NotificationConfig;
  const deliveries = new DeliveriesService(
    {} as DataSource,
    stream as unknown as StreamLog,
    { contacts } as unknown as ReferentsDirectory,
    config,
  );
  return { deliveries, streamed, contacts };
}

describe('distributing a routed message', () => {
  it('gives each recipient a stream event and one delivery per active webhook, with the body to send', async () => {
    const { deliveries, streamed } = service({ smtp: false });
    const { manager, inserted } = fakeManager([
      { id: 'w-1', organisation_id: PREFECTURE },
      { id: 'w-2', organisation_id: PREFECTURE },
    ]);
    await deliveries.distribute(
      manager,
      routed([{ organisationId: PREFECTURE, rule: 'competent-prefecture', reason: 'Préfecture du Finistère' }]),
    );
    expect(inserted.map((row) => row.params.slice(1, 9))).toEqual([
      [alert.alertId, 'alert.routed', PREFECTURE, FIRM, 'webhook', 'w-1', null, null],
      [alert.alertId, 'alert.routed', PREFECTURE, FIRM, 'webhook', 'w-2', null, null],
    ]);
    const [first] = inserted;
    const copy = {
      type: 'alert.routed',
      alert,
      routedAt: '2025-11-28T09:15:00.000Z',
      recipient: { organisationId: PREFECTURE, rule: 'competent-prefecture', reason: 'Préfecture du Finistère' },
    };
    expect(first.body).toEqual({ deliveryId: first.params[0], ...copy });
    expect(inserted[1].body.deliveryId).toBe(inserted[1].params[0]);
    expect(inserted[1].body.deliveryId).not.toBe(first.body.deliveryId);
    expect(streamed).toEqual([
      { organisationId: PREFECTURE, type: 'alert.routed', subjectId: alert.alertId, data: copy },
    ]);
  });

  it('keeps the first reason when a recipient is named twice; each recipient gets only its own copy', async () => {
    const { deliveries, streamed } = service({ smtp: false });
    const { manager, inserted, query } = fakeManager([
      { id: 'w-1', organisation_id: PREFECTURE },
      { id: 'w-3', organisation_id: OTHER },
    ]);
    await deliveries.distribute(
      manager,
      routed([
        { organisationId: PREFECTURE, rule: 'competent-prefecture', reason: 'first' },
        { organisationId: OTHER, rule: 'subscribers', reason: 'subscribed' },
        { organisationId: PREFECTURE, rule: 'other-rule', reason: 'second' },
      ]),
    );
    expect(query.mock.calls[0][1]).toEqual([[PREFECTURE, OTHER]]);
    expect(inserted.map((row) => [row.params[6], (row.body.recipient as { reason: string }).reason])).toEqual([
      ['w-1', 'first'],
      ['w-3', 'subscribed'],
    ]);
    expect(
      streamed.map((entry) => [entry.organisationId, (entry.data.recipient as { reason: string }).reason]),
    ).toEqual([
      [PREFECTURE, 'first'],
      [OTHER, 'subscribed'],
    ]);
  });

  it('e-mails the referents of the role asked for when SMTP is configured, without a delivery id in the body', async () => {
    const referents = [{ id: 'r-1', organisationId: PREFECTURE, email: 'astreinte@finistere.gouv.fr' }];
    const { deliveries, contacts } = service({ smtp: true, referents });
    const { manager, inserted } = fakeManager([]);
    await deliveries.distribute(manager, {
      ...routed([{ organisationId: PREFECTURE, rule: 'escalation-deputy', reason: 'late' }]),
      type: 'alert.escalated',
      referentRole: ReferentRole.Deputy,
      channels: ['email'],
    });
    expect(contacts).toHaveBeenCalledWith(manager, [PREFECTURE], '29', ReferentRole.Deputy);
    expect(inserted.map((row) => row.params.slice(5, 9))).toEqual([
      ['email', null, 'r-1', 'astreinte@finistere.gouv.fr'],
    ]);
    expect(inserted[0].body).not.toHaveProperty('deliveryId');
  });

  it('e-mails nobody when SMTP is not configured', async () => {
    const { deliveries, contacts } = service({
      smtp: false,
      referents: [{ id: 'r', organisationId: FIRM, email: 'a@b.fr' }],
    });
    const { manager, inserted } = fakeManager([]);
    await deliveries.distribute(manager, routed([{ organisationId: FIRM, rule: 'subscribers', reason: 'x' }]));
    expect(contacts).not.toHaveBeenCalled();
    expect(inserted).toEqual([]);
  });

  it('does nothing for a message routed to no one', async () => {
    const { deliveries } = service({ smtp: true });
    const { manager, query } = fakeManager([]);
    await deliveries.distribute(manager, routed([]));
    expect(query).not.toHaveBeenCalled();
  });
});
