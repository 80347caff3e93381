import { alertSnapshot } from '@vigie/testing';
import { AlertEventCode, AlertSeverity, AlertUrgency } from '../index';
import { withoutPersonalData } from './personal-data';

const alert = alertSnapshot('01a21fd9-5809-7126-8d3e-71114f08de41', {
  alertId: '01a21fd9-5809-7126-8d3e-71114f08de40',
  identifier: 'x-1',
  sent: '2026-11-28T01:00:00.000Z',
  occurredAt: '2026-11-28T00:58:00.000Z',
  note: 'Appeler M. Dupont au 06 12 34 56 78',
  incidents: ['inc-7'],
  personalData: true,
  info: {
    event: 'Vol',
    eventCode: AlertEventCode.Theft,
    eventCodes: [{ valueName: 'vigie', value: 'theft' }],
    urgency: AlertUrgency.Past,
    severity: AlertSeverity.Minor,
    headline: 'Vol par Jean Martin, plaque AB-123-CD',
    description: 'Le suspect, Jean Martin, 34 ans, 12 rue de la Paix',
    instruction: 'Contacter la victime au 06 00 00 00 00',
    contact: 'agent.durand@example.fr',
    senderName: 'Agent Durand',
    parameter: [{ valueName: 'plaque', value: 'AB-123-CD' }],
    resource: [{ resourceDesc: 'photo du suspect', mimeType: 'image/jpeg' }],
    area: [
      {
        areaDesc: '12 rue de la Paix, Lyon',
        polygon: [],
        circle: ['45.76,4.83 0.05'],
        geocode: [{ valueName: 'INSEE', value: '69123' }],
      },
    ],
  },
});

describe('withoutPersonalData', () => {
  const erased = withoutPersonalData(alert);
  const text = JSON.stringify(erased);

  it.each(['Martin', 'Dupont', 'AB-123-CD', '06 ', 'rue de la Paix', 'Durand', 'photo', '45.76'])(
    'leaves no trace of %p',
    (fragment) => {
      expect(text).not.toContain(fragment);
    },
  );

  it('keeps the facts used for statistics', () => {
    expect(erased).toMatchObject({
      alertId: alert.alertId,
      status: 'Actual',
      sent: alert.sent,
      tlp: 'AMBER',
      incidents: ['inc-7'],
      location: { commune: '69123', department: '69' },
      info: [
        {
          headline: 'Vol',
          eventCode: 'theft',
          severity: 'Minor',
          category: ['Security'],
          area: [{ areaDesc: 'Lyon', geocode: [{ valueName: 'INSEE', value: '69123' }] }],
        },
      ],
    });
  });
});
