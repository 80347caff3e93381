import {
  AlertMessageType,
  AlertScope,
  EVENT_LABELS_FR,
  INSEE_GEOCODE_NAME,
  Tlp,
  VIGIE_EVENT_CODE_NAME,
  type AlertInfo,
  type AlertLocation,
  type AlertSnapshot,
  type CapAreaShape,
  type CapInfoShape,
  type CapMessageShape,
} from '@vigie/contracts';
import { InvalidRequestError } from '@vigie/platform';
import { capReference, capSender } from '../cap/cap-references';

export interface SnapshotContext {
  alertId: string;
  senderOrganisationId: string;
  sent: Date;
  location: AlertLocation;
  /** A CAP circle for a location given as coordinates. */
  circle?: string;
  /** For an update or a cancellation: the messages of the chain so far, oldest first. */
  earlier?: AlertSnapshot[];
  msgType?: AlertMessageType;
}

/** The area of an info block that gives none: the commune (geocode INSEE), or the coordinates. */
function defaultArea(context: Pick<SnapshotContext, 'location' | 'circle'>): CapAreaShape {
  const { commune, communeName, department } = context.location;
  return commune
    ? { areaDesc: `${communeName} (${commune})`, geocode: [{ valueName: INSEE_GEOCODE_NAME, value: commune }] }
    : { areaDesc: `département ${department}`, circle: context.circle ? [context.circle] : [] };
}

function infoOf(input: CapInfoShape, context: SnapshotContext): AlertInfo {
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
    area: (input.area?.length ? input.area : [defaultArea(context)]).map((area) => ({
      areaDesc: area.areaDesc,
      polygon: area.polygon ?? [],
      circle: area.circle ?? [],
      geocode: area.geocode ?? [],
    })),
  };
}

/** The info blocks of an Alert or an Update (only a Cancel, which keeps the chain's, has none). */
function contentOf(input: CapMessageShape): CapInfoShape[] {
  if (!input.info) throw new InvalidRequestError([{ field: 'info', problems: ['info should not be empty'] }]);
  return input.info;
}

/** The snapshot of a new message — an alert, or an update or cancellation of earlier ones — with Vigie's defaults and resolution. */
export function newAlertSnapshot(input: CapMessageShape, context: SnapshotContext): AlertSnapshot {
  const earlier = context.earlier ?? [];
  return {
    alertId: context.alertId,
    originalAlertId: earlier[0]?.alertId ?? context.alertId,
    identifier: input.identifier ?? context.alertId,
    sender: capSender(context.senderOrganisationId),
    senderOrganisationId: context.senderOrganisationId,
    sent: context.sent.toISOString(),
    occurredAt: input.occurredAt ? new Date(input.occurredAt).toISOString() : context.sent.toISOString(),
    status: input.status,
    msgType: context.msgType ?? AlertMessageType.Alert,
    scope: input.scope ?? AlertScope.Restricted,
    note: input.note,
    references: earlier.map(capReference),
    incidents: input.incidents ?? [],
    ...(input.addresses?.length ? { addresses: [...new Set(input.addresses)] } : {}),
    tlp: input.tlp ?? Tlp.Amber,
    personalData: input.personalData ?? false,
    siteId: input.siteId,
    location: context.location,
    info: contentOf(input).map((info) => infoOf(info, context)),
  };
}
