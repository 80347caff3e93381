import { allTopics, deadLetterTopicOf, Topics, type Topic } from './topics';
import {
  AlertCancelledV1,
  AlertChangedV1Payload,
  AlertSubmittedV1,
  PartnerChangedV1,
  createEnvelope,
  defineEvent,
} from './index';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('event envelope', () => {
  it('carries a UUID v7 id, the type and version of its definition, and starts a correlation chain', () => {
    const envelope = createEnvelope(PartnerChangedV1, {} as never, {
      producer: 'partner-registry',
      occurredAt: new Date('2026-11-28T00:00:00Z'),
    });
    expect(envelope.id).toMatch(UUID_V7);
    expect(envelope).toMatchObject({
      type: 'partner.changed',
      version: 1,
      producer: 'partner-registry',
      occurredAt: '2026-11-28T00:00:00.000Z',
      correlationId: envelope.id,
      causationId: null,
    });
  });

  it('keeps the correlation of its cause and names the cause', () => {
    const cause = createEnvelope(AlertSubmittedV1, {} as never, { producer: 'alert-ingestion' });
    const effect = createEnvelope(PartnerChangedV1, {} as never, {
      producer: 'prefect-routing',
      correlationId: cause.correlationId,
      causationId: cause.id,
    });
    expect(effect.correlationId).toBe(cause.correlationId);
    expect(effect.causationId).toBe(cause.id);
    expect(effect.id).not.toBe(cause.id);
  });

  it('orders ids by creation time (UUID v7)', () => {
    const ids = Array.from({ length: 20 }, () => createEnvelope(PartnerChangedV1, {} as never, { producer: 'x' }).id);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('topics', () => {
  it('are versioned, each with a dead-letter twin', () => {
    expect(Object.values(Topics).every((topic) => /\.v\d+$/.test(topic))).toBe(true);
    expect(allTopics()).toEqual(expect.arrayContaining(['alert.submitted.v1', 'alert.submitted.v1.dlq']));
    expect(allTopics()).toHaveLength(Object.values(Topics).length * 2);
    expect(deadLetterTopicOf(Topics.AlertRoutedV1)).toBe('alert.routed.v1.dlq');
  });

  it('name the type and version of the events they carry', () => {
    expect(AlertCancelledV1).toEqual({
      type: 'alert.cancelled',
      version: 1,
      topic: 'alert.cancelled.v1',
      payload: AlertChangedV1Payload,
    });
    expect(() => defineEvent('alert.cancelled' as Topic, AlertChangedV1Payload)).toThrow(
      'topic alert.cancelled is not named <type>.v<version>',
    );
  });
});
