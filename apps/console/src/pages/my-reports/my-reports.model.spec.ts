import type { Acknowledgement } from '../../clients/notification.client';
import { chainAcknowledgements } from './my-reports.model';

const ack = (organisationId: string, at: string, extra: Partial<Acknowledgement> = {}): Acknowledgement => ({
  alertId: '00000000-0000-4000-8000-000000000001',
  organisationId,
  organisationName: `Préfecture ${organisationId}`,
  channel: 'api',
  referentName: null,
  acknowledgedAt: at,
  ...extra,
});

describe('chainAcknowledgements', () => {
  it("keeps each organisation's first acknowledgement across the chain, oldest first", () => {
    const items = chainAcknowledgements([
      [ack('b', '2026-12-04T10:05:00.000Z'), ack('a', '2026-12-04T10:02:00.000Z')],
      [ack('a', '2026-12-04T10:09:00.000Z', { person: { id: 'p', name: 'Camille Durand' } })],
    ]);
    expect(items).toEqual([
      { organisation: 'Préfecture a', who: null, at: '2026-12-04T10:02:00.000Z' },
      { organisation: 'Préfecture b', who: null, at: '2026-12-04T10:05:00.000Z' },
    ]);
  });

  it('names the person, else the referent who used an e-mailed link', () => {
    const [byPerson, byLink] = chainAcknowledgements([
      [
        ack('a', '2026-12-04T10:00:00.000Z', { person: { id: 'p', name: 'Camille Durand' } }),
        ack('b', '2026-12-04T10:01:00.000Z', { referentName: 'Léa Martin', channel: 'email' }),
      ],
    ]);
    expect(byPerson.who).toBe('Camille Durand');
    expect(byLink.who).toBe('Léa Martin');
  });
});
