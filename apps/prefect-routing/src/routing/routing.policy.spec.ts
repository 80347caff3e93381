import {
  AlertCategory,
  AlertCertainty,
  AlertEventCode,
  AlertMessageType,
  AlertScope,
  AlertSeverity,
  AlertStatus,
  AlertUrgency,
  Tlp,
  type AlertSnapshot,
} from '@vigie/contracts';
import { COMPETENT_PREFECTURE_RULE, decideRecipients } from './routing.policy';

const alert = (department: string, communeName: string): AlertSnapshot => ({
  alertId: '0192f0c4-0000-7000-8000-000000000001',
  originalAlertId: '0192f0c4-0000-7000-8000-000000000001',
  senderOrganisationId: '0192f0c4-0000-7000-8000-000000000002',
  sent: '2026-11-28T00:00:00.000Z',
  occurredAt: '2026-11-28T00:00:00.000Z',
  status: AlertStatus.Actual,
  msgType: AlertMessageType.Alert,
  scope: AlertScope.Restricted,
  tlp: Tlp.Amber,
  identifier: 'a-1',
  sender: 'vigie:organisation:0192f0c4-0000-7000-8000-000000000002',
  references: [],
  incidents: [],
  personalData: false,
  location: { commune: '69123', communeName, department },
  info: [
    {
      language: 'fr-FR',
      category: [AlertCategory.Security],
      event: 'Intrusion',
      eventCode: AlertEventCode.Intrusion,
      eventCodes: [],
      responseType: [],
      urgency: AlertUrgency.Immediate,
      severity: AlertSeverity.Severe,
      certainty: AlertCertainty.Observed,
      headline: 'Intrusion',
      parameter: [],
      resource: [],
      area: [],
    },
  ],
});

const rhone = { id: 'p69', name: 'Préfecture du Rhône', departments: ['69'] };
const ain = { id: 'p01', name: "Préfecture de l'Ain", departments: ['01'] };

describe('decideRecipients', () => {
  it('routes to the prefecture competent for the département, saying why', () => {
    expect(decideRecipients(alert('69', 'Lyon'), [ain, rhone])).toEqual([
      {
        organisationId: 'p69',
        rule: COMPETENT_PREFECTURE_RULE,
        reason: 'Préfecture du Rhône is competent for département 69 (Lyon)',
      },
    ]);
  });

  it('routes to nobody when no prefecture covers the département', () => {
    expect(decideRecipients(alert('2A', 'Ajaccio'), [ain, rhone])).toEqual([]);
  });
});
