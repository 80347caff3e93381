import {
  AlertCategory,
  AlertCertainty,
  AlertEventCode,
  AlertMessageType,
  AlertScope,
  AlertSeverity,
  AlertStatus,
  AlertUrgency,
  newEventId,
  Tlp,
  type AlertSnapshot,
} from '@vigie/contracts';

/** A Moderate TLP:AMBER intrusion in Lyon, as the events carry it, from the given organisation. */
export function alertSnapshot(senderOrganisationId: string, alertId = newEventId()): AlertSnapshot {
  return {
    alertId,
    originalAlertId: alertId,
    identifier: alertId,
    sender: `vigie:organisation:${senderOrganisationId}`,
    senderOrganisationId,
    sent: new Date().toISOString(),
    occurredAt: new Date().toISOString(),
    status: AlertStatus.Actual,
    msgType: AlertMessageType.Alert,
    scope: AlertScope.Restricted,
    references: [],
    incidents: [],
    tlp: Tlp.Amber,
    personalData: false,
    location: { commune: '69123', communeName: 'Lyon', department: '69' },
    info: [
      {
        language: 'fr-FR',
        category: [AlertCategory.Security],
        event: 'Intrusion',
        eventCode: AlertEventCode.Intrusion,
        eventCodes: [],
        responseType: ['Monitor'],
        urgency: AlertUrgency.Immediate,
        severity: AlertSeverity.Moderate,
        certainty: AlertCertainty.Observed,
        headline: 'Intrusion',
        parameter: [],
        resource: [],
        area: [{ areaDesc: 'Lyon', polygon: [], circle: [], geocode: [] }],
      },
    ],
  };
}
