import { XMLBuilder, type XmlBuilderOptions } from 'fast-xml-parser';
import { VIGIE_EVENT_CODE_NAME, type AlertInfo, type AlertSnapshot, type CapValue } from '@vigie/contracts';
import { toCapDateTime } from './cap-date';
import { capSender } from './cap-references';
import {
  CAP_1_2_NAMESPACE,
  PERSONAL_DATA_CODE,
  TLP_CODE_PREFIX,
  VIGIE_PARAMETER,
  VIGIE_PARAMETER_NAMES,
} from './cap.vocabulary';

/*
 * CAP 1.2 XML out. Element order follows the CAP 1.2 schema (its sequences are ordered);
 * object keys below are written in that order. Undefined values and empty arrays write nothing.
 */

/** Characters XML 1.0 cannot carry at all, even escaped (controls, lone surrogates, U+FFFE/FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * What the builder escapes in text: its own list (& first), plus carriage returns, which XML
 * readers turn into line feeds unless they are written as a character reference.
 */
const ESCAPES = [
  { regex: /&/g, val: '&amp;' },
  { regex: />/g, val: '&gt;' },
  { regex: /</g, val: '&lt;' },
  { regex: /'/g, val: '&apos;' },
  { regex: /"/g, val: '&quot;' },
  { regex: /\r/g, val: '&#13;' },
];

const options: XmlBuilderOptions & { entities: typeof ESCAPES } = {
  format: true,
  indentBy: '  ',
  ignoreAttributes: false,
  suppressEmptyNode: false,
  processEntities: true,
  entities: ESCAPES,
  // Characters XML cannot represent at all are dropped before escaping.
  tagValueProcessor: (_name: string, value: unknown) =>
    typeof value === 'string' ? value.replace(NOT_XML, '') : value,
};
const builder = new XMLBuilder(options);

function pair({ valueName, value }: CapValue): { valueName: string; value: string } {
  return { valueName, value };
}

function spaceSeparated(values: string[] | undefined): string | undefined {
  return values?.length ? values.join(' ') : undefined;
}

function date(value: string | undefined): string | undefined {
  return value === undefined ? undefined : toCapDateTime(value);
}

/** `sender,identifier,sent` with `sent` written as this writer writes `sent`, so references match. */
function reference(entry: string): string {
  const [sender, identifier, sent, ...rest] = entry.split(',');
  const written = sent === undefined || rest.length > 0 ? undefined : toCapDateTime(sent);
  return written ? `${sender},${identifier},${written}` : entry;
}

/** Vigie's own code first, then the other tools' codes, as the snapshot builds them. */
function eventCodes(info: AlertInfo): CapValue[] {
  return [
    { valueName: VIGIE_EVENT_CODE_NAME, value: info.eventCode },
    ...(info.eventCodes ?? []).filter((code) => code.valueName !== VIGIE_EVENT_CODE_NAME),
  ];
}

/** Vigie fields CAP has no element for, as parameters of every info block. */
function vigieParameters(alert: AlertSnapshot): CapValue[] {
  const parameters: CapValue[] = [];
  const occurredAt = toCapDateTime(alert.occurredAt);
  if (occurredAt) parameters.push({ valueName: VIGIE_PARAMETER.occurredAt, value: occurredAt });
  if (alert.siteId) parameters.push({ valueName: VIGIE_PARAMETER.siteId, value: alert.siteId });
  if (alert.location?.commune) parameters.push({ valueName: VIGIE_PARAMETER.commune, value: alert.location.commune });
  return parameters;
}

function infoElement(info: AlertInfo, vigie: CapValue[]): object {
  return {
    language: info.language,
    category: info.category,
    event: info.event,
    responseType: info.responseType,
    urgency: info.urgency,
    severity: info.severity,
    certainty: info.certainty,
    audience: info.audience,
    eventCode: eventCodes(info).map(pair),
    effective: date(info.effective),
    onset: date(info.onset),
    expires: date(info.expires),
    senderName: info.senderName,
    headline: info.headline,
    description: info.description,
    instruction: info.instruction,
    web: info.web,
    contact: info.contact,
    parameter: [
      ...(info.parameter ?? []).filter((parameter) => !VIGIE_PARAMETER_NAMES.has(parameter.valueName)),
      ...vigie,
    ].map(pair),
    resource: (info.resource ?? []).map((resource) => ({
      resourceDesc: resource.resourceDesc,
      mimeType: resource.mimeType,
      size: resource.size,
      uri: resource.uri,
      digest: resource.digest,
    })),
    area: (info.area ?? []).map((area) => ({
      areaDesc: area.areaDesc,
      polygon: area.polygon,
      circle: area.circle,
      geocode: (area.geocode ?? []).map(pair),
      altitude: area.altitude,
      ceiling: area.ceiling,
    })),
  };
}

/**
 * A Vigie alert as a CAP 1.2 XML document: XML declaration, CAP namespace, CAP date-times,
 * the TLP label and the personal-data flag as alert `code`s, and Vigie's occurrence time,
 * site and commune as `vigie:*` parameters, so that parsing the document gives the alert back.
 */
export function toCapXml(alert: AlertSnapshot): string {
  const vigie = vigieParameters(alert);
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    alert: {
      '@_xmlns': CAP_1_2_NAMESPACE,
      identifier: alert.identifier,
      sender: alert.sender,
      sent: toCapDateTime(alert.sent),
      status: alert.status,
      msgType: alert.msgType,
      scope: alert.scope,
      restriction: alert.restriction,
      addresses: spaceSeparated(alert.addresses?.map(capSender)),
      code: [`${TLP_CODE_PREFIX}${alert.tlp}`, ...(alert.personalData ? [PERSONAL_DATA_CODE] : [])],
      note: alert.note,
      references: spaceSeparated(alert.references?.map(reference)),
      incidents: spaceSeparated(alert.incidents),
      info: alert.info.map((info) => infoElement(info, vigie)),
    },
  });
}
