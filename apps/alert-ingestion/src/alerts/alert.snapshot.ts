import {
  AlertMessageType,
  AlertScope,
  EVENT_LABELS_FR,
  INSEE_GEOCODE_NAME,
  Tlp,
  VIGIE_EVENT_CODE_NAME,
  type AlertInfo,
  type AlertSnapshot,
} from '@vigie/contracts';
import type { Commune } from '@vigie/geo';
import type { SubmitAlertDto, SubmitAlertInfoDto } from './dto/submit-alert.dto';

export interface SnapshotContext {
  alertId: string;
  senderOrganisationId: string;
  sent: Date;
  commune: Commune;
}

/** CAP `sender` for an organisation: stable, and never a person's address. */
export function capSender(organisationId: string): string {
  return `vigie:organisation:${organisationId}`;
}

function infoOf(input: SubmitAlertInfoDto, commune: Commune): AlertInfo {
  const vigieCode = { valueName: VIGIE_EVENT_CODE_NAME, value: input.eventCode };
  return {
    language: input.language ?? 'fr-FR',
    category: input.category,
    event: input.event ?? EVENT_LABELS_FR[input.eventCode],
    eventCode: input.eventCode,
    eventCodes: [vigieCode, ...(input.eventCodes ?? []).filter((code) => code.valueName !== VIGIE_EVENT_CODE_NAME)],
    responseType: input.responseType ?? [],
    urgency: input.urgency,
    severity: input.severity,
    certainty: input.certainty,
    audience: input.audience,
    effective: input.effective,
    onset: input.onset,
    expires: input.expires,
    senderName: input.senderName,
    headline: input.headline,
    description: input.description,
    instruction: input.instruction,
    web: input.web,
    contact: input.contact,
    parameter: input.parameter ?? [],
    resource: input.resource ?? [],
    area: (input.area?.length
      ? input.area
      : [
          {
            areaDesc: `${commune.name} (${commune.code})`,
            geocode: [{ valueName: INSEE_GEOCODE_NAME, value: commune.code }],
          },
        ]
    ).map((area) => ({
      areaDesc: area.areaDesc,
      polygon: area.polygon ?? [],
      circle: area.circle ?? [],
      geocode: area.geocode ?? [],
    })),
  };
}

/** The snapshot of a newly submitted alert: the submitted CAP fields, with Vigie's defaults and resolution. */
export function newAlertSnapshot(input: SubmitAlertDto, context: SnapshotContext): AlertSnapshot {
  return {
    alertId: context.alertId,
    identifier: input.identifier ?? context.alertId,
    sender: capSender(context.senderOrganisationId),
    senderOrganisationId: context.senderOrganisationId,
    sent: context.sent.toISOString(),
    occurredAt: input.occurredAt ? new Date(input.occurredAt).toISOString() : context.sent.toISOString(),
    status: input.status,
    msgType: AlertMessageType.Alert,
    scope: input.scope ?? AlertScope.Restricted,
    note: input.note,
    references: [],
    incidents: input.incidents ?? [],
    tlp: input.tlp ?? Tlp.Amber,
    personalData: input.personalData ?? false,
    siteId: input.siteId,
    location: {
      commune: context.commune.code,
      communeName: context.commune.name,
      department: context.commune.department,
    },
    info: input.info.map((info) => infoOf(info, context.commune)),
  };
}
