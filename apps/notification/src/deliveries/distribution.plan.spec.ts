import { ReferentRole } from '@vigie/contracts';
import { planDistribution, type Distribution } from './distribution.plan';

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

function counter(): () => string {
  let next = 0;
  return () => `id-${++next}`;
}

const noTargets = { webhooks: [], contacts: [] };

describe('planning a distribution', () => {
  it('gives each recipient a stream event and one delivery per active webhook, each with its own part of one content', () => {
    const plan = planDistribution(
      routed([{ organisationId: PREFECTURE, rule: 'competent-prefecture', reason: 'Préfecture du Finistère' }]),
      {
        webhooks: [
          { id: 'w-1', organisationId: PREFECTURE },
          { id: 'w-2', organisationId: PREFECTURE },
        ],
        contacts: [],
      },
      counter(),
    );
    expect(plan.content).toEqual({ type: 'alert.routed', alert, routedAt: '2025-11-28T09:15:00.000Z' });
    const copy = {
      recipient: { organisationId: PREFECTURE, rule: 'competent-prefecture', reason: 'Préfecture du Finistère' },
    };
    expect(plan.deliveries).toEqual([
      {
        id: 'id-1',
        organisationId: PREFECTURE,
        channel: 'webhook',
        webhookId: 'w-1',
        referentId: null,
        emailAddress: null,
        body: { deliveryId: 'id-1', ...copy },
      },
      {
        id: 'id-2',
        organisationId: PREFECTURE,
        channel: 'webhook',
        webhookId: 'w-2',
        referentId: null,
        emailAddress: null,
        body: { deliveryId: 'id-2', ...copy },
      },
    ]);
    expect(plan.stream).toEqual([{ organisationId: PREFECTURE, data: copy }]);
    // What is sent is the content with the delivery's part laid over it: no key of one hides the other's.
    expect(Object.keys(plan.content).filter((key) => key in plan.deliveries[0].body)).toEqual([]);
  });

  it('keeps the first reason when a recipient is named twice; each recipient gets only its own copy', () => {
    const plan = planDistribution(
      routed([
        { organisationId: PREFECTURE, rule: 'competent-prefecture', reason: 'first' },
        { organisationId: OTHER, rule: 'subscribers', reason: 'subscribed' },
        { organisationId: PREFECTURE, rule: 'other-rule', reason: 'second' },
      ]),
      {
        webhooks: [
          { id: 'w-1', organisationId: PREFECTURE },
          { id: 'w-3', organisationId: OTHER },
        ],
        contacts: [],
      },
      counter(),
    );
    const reasonOf = (data: Record<string, unknown>) => data.recipient as { organisationId: string; reason: string };
    expect(plan.deliveries.map((d) => [d.webhookId, reasonOf(d.body).organisationId, reasonOf(d.body).reason])).toEqual(
      [
        ['w-1', PREFECTURE, 'first'],
        ['w-3', OTHER, 'subscribed'],
      ],
    );
    expect(plan.stream.map((entry) => [entry.organisationId, reasonOf(entry.data).reason])).toEqual([
      [PREFECTURE, 'first'],
      [OTHER, 'subscribed'],
    ]);
  });

  it('e-mails each contact of the recipient, without a delivery id in the body', () => {
    const plan = planDistribution(
      {
        ...routed([{ organisationId: PREFECTURE, rule: 'escalation-deputy', reason: 'late' }]),
        type: 'alert.escalated',
        referentRole: ReferentRole.Deputy,
        channels: ['email'],
      },
      {
        webhooks: [{ id: 'w-1', organisationId: PREFECTURE }],
        contacts: [
          { id: 'r-1', organisationId: PREFECTURE, fullName: 'Astreinte', email: 'astreinte@finistere.gouv.fr' },
          { id: 'r-2', organisationId: OTHER, fullName: 'Not a recipient', email: 'x@example.fr' },
        ],
      },
      counter(),
    );
    expect(plan.stream).toEqual([]);
    expect(plan.deliveries.map((d) => [d.channel, d.webhookId, d.referentId, d.emailAddress])).toEqual([
      ['email', null, 'r-1', 'astreinte@finistere.gouv.fr'],
    ]);
    expect(plan.deliveries[0].body).not.toHaveProperty('deliveryId');
    expect(plan.content).toMatchObject({ type: 'alert.escalated', alert });
  });

  it('only uses the channels asked for', () => {
    const plan = planDistribution(
      { ...routed([{ organisationId: FIRM, rule: 'subscribers', reason: 'x' }]), channels: ['stream'] },
      { webhooks: [{ id: 'w-1', organisationId: FIRM }], contacts: [] },
      counter(),
    );
    expect(plan.deliveries).toEqual([]);
    expect(plan.stream).toHaveLength(1);
  });

  it('plans nothing for a message routed to no one', () => {
    expect(planDistribution(routed([]), noTargets, counter())).toMatchObject({ stream: [], deliveries: [] });
  });
});
