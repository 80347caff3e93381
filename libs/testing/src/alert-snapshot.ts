// The contracts' event classes carry decorators that read metadata as they load: whoever imports
// @vigie/testing (a script, the bench) gets this sample through its index, so it loads the API first.
import 'reflect-metadata';
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

/** What a test changes in the sample alert: any of its fields, and any of its one info block's. */
export type AlertSnapshotChanges = Partial<Omit<AlertSnapshot, 'info'>> & {
  info?: Partial<AlertSnapshot['info'][number]>;
};

/**
 * A Moderate TLP:AMBER intrusion in Lyon, as the events carry it, from the given organisation,
 * with what the test is about changed. Its identifiers follow `alertId` (a new one by default).
 */
export function alertSnapshot(senderOrganisationId: string, changes: AlertSnapshotChanges = {}): AlertSnapshot {
  const { info, alertId = newEventId(), ...fields } = changes;
  const now = new Date().toISOString();
  return {
    alertId,
    originalAlertId: alertId,
    identifier: alertId,
    sender: `vigie:organisation:${senderOrganisationId}`,
    senderOrganisationId,
    sent: now,
    occurredAt: now,
    status: AlertStatus.Actual,
    msgType: AlertMessageType.Alert,
    scope: AlertScope.Restricted,
    references: [],
    incidents: [],
    tlp: Tlp.Amber,
    personalData: false,
    location: { commune: '69123', communeName: 'Lyon', department: '69' },
    ...fields,
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
        ...info,
      },
    ],
  };
}
