import { AlertSeverity, AlertStatus, Tlp, type BroadcastSnapshot } from '@vigie/contracts';
import type { ReceivedBroadcast } from '../../clients/notification.client';
import { receivedItem } from './received-broadcasts.model';

const broadcast: BroadcastSnapshot = {
  broadcastId: '0193a8c2-6d1e-7a7b-8c2f-5e9d0a1b2c3d',
  senderOrganisationId: '0193a8c2-0000-7000-8000-000000000001',
  senderName: 'Préfecture de la Creuse',
  sent: '2026-12-04T20:00:00.000Z',
  status: AlertStatus.Actual,
  tlp: Tlp.Green,
  severity: AlertSeverity.Severe,
  headline: 'Vols à la voiture bélier',
  description: 'Trois tentatives cette semaine.',
  audience: { departments: ['23'], sectors: [], conventions: [] },
};

const received = (extra: Partial<ReceivedBroadcast> = {}): ReceivedBroadcast => ({
  broadcast,
  routedAt: '2026-12-04T20:00:01.000Z',
  rule: 'broadcast-audience',
  reason: 'member of convention private-security-2019 in département 23',
  acknowledgement: null,
  ...extra,
});

const ack = (person: { id: string; name: string } | null) => ({
  broadcastId: broadcast.broadcastId,
  organisationId: '0193a8c2-0000-7000-8000-000000000002',
  organisationName: 'Creuse Gardiennage',
  person,
  acknowledgedAt: '2026-12-04T20:05:00.000Z',
});

describe('receivedItem', () => {
  it('shows a message not yet acknowledged, with its sender and nature', () => {
    expect(receivedItem(received())).toMatchObject({
      id: broadcast.broadcastId,
      headline: 'Vols à la voiture bélier',
      sender: 'Préfecture de la Creuse',
      instruction: null,
      exercise: false,
      acknowledged: null,
    });
  });

  it('marks an exercise', () => {
    expect(receivedItem(received({ broadcast: { ...broadcast, status: AlertStatus.Exercise } })).exercise).toBe(true);
  });

  it('names the person who acknowledged through the console, else the organisation (an API key)', () => {
    const byPerson = receivedItem(received({ acknowledgement: ack({ id: 'p', name: 'Léa Martin' }) }));
    expect(byPerson.acknowledged).toEqual({ who: 'Léa Martin', at: '2026-12-04T20:05:00.000Z' });
    expect(receivedItem(received({ acknowledgement: ack(null) })).acknowledged?.who).toBe('Creuse Gardiennage');
  });
});
