import {
  AlertEventCode,
  AlertMessageType,
  INSEE_GEOCODE_NAME,
  Tlp,
  VIGIE_EVENT_CODE_NAME,
  type CapAreaShape,
  type CapInfoShape,
  type CapMessageShape,
  type CapResourceShape,
  type CapValueShape,
  type Unchecked,
} from '@vigie/contracts';
import { hasExplicitZone } from './cap-date';
import { ORGANISATION_SENDER_PREFIX, readCapReferences, referenceEntries } from './cap-references';
import { alertRoot, quoted, readXml, XmlFieldReader, type XmlNode, isNode } from './cap-xml.document';
import { CapDocumentError } from './cap.errors';
import {
  CAP_DEFAULT_LANGUAGE,
  PERSONAL_DATA_CODE,
  TLP_CODE_PREFIX,
  VIGIE_PARAMETER,
  VIGIE_PARAMETER_NAMES,
} from './cap.vocabulary';

/*
 * CAP 1.2 XML in: a document, read safely (cap-xml.document.ts), becomes a plain object of the
 * CAP shape (libs/contracts), which the same class-validator rules as JSON submissions then
 * check. This module only refuses what those rules cannot see: elements the spec requires but
 * the JSON body leaves optional or names differently, and Vigie's own codes and parameters.
 */

/** A `valueName`/`value` pair as the document states it. */
type CapPair = Unchecked<CapValueShape>;
type InfoFromCap = Unchecked<CapInfoShape>;

/** The submission read from a CAP document: the CAP shape, not validated yet. */
export type SubmissionFromCap = Unchecked<CapMessageShape>;

/**
 * What the document's header said that a submission does not carry. Vigie sets the alert's
 * `sender` (from the API key) and `sent` (when it accepts it) itself; the submitter's own
 * values are kept here, for the record, not trusted.
 */
export interface CapEnvelope {
  identifier: string;
  sender: string;
  sent: string;
  source?: string;
  restriction?: string;
  addresses?: string;
  /** `sender,identifier,sent` of earlier messages. */
  references: string[];
  /** Alert-level codes other than the TLP label and the personal-data flag. */
  codes: string[];
}

export interface ParsedCapAlert {
  submission: SubmissionFromCap;
  envelope: CapEnvelope;
}

const TLP_LABELS: ReadonlySet<string> = new Set(Object.values(Tlp));

/** CAP forbids spaces, commas and the restricted characters < and & in identifier and sender. */
const CAP_TOKEN = /^[^\s,<&]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Drops empty arrays and undefined fields, so the result holds only what the document said. */
function compact<T extends object>(object: T): T {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  ) as T;
}

function words(text: string | undefined): string[] {
  return text ? text.split(/\s+/).filter(Boolean) : [];
}

/** Reads a CAP alert off the tree, into the CAP shape and the header fields kept aside. */
class CapReader extends XmlFieldReader {
  private readonly vigie = new Map<string, string>();

  alert(root: XmlNode): ParsedCapAlert {
    const identifier = this.required(root, 'identifier', 'identifier');
    const sender = this.required(root, 'sender', 'sender');
    const sent = this.required(root, 'sent', 'sent');
    const status = this.required(root, 'status', 'status');
    const msgType = this.required(root, 'msgType', 'msgType');
    const source = this.optional(root, 'source', 'source');
    const scope = this.required(root, 'scope', 'scope');
    const restriction = this.optional(root, 'restriction', 'restriction');
    const addresses = this.optional(root, 'addresses', 'addresses');
    const { tlp, personalData, codes } = this.codes(this.texts(root, 'code', 'code'));
    const note = this.optional(root, 'note', 'note');
    const references = referenceEntries(this.optional(root, 'references', 'references'));
    const incidents = words(this.optional(root, 'incidents', 'incidents'));
    const named = words(addresses).map((address) => address.replace(ORGANISATION_SENDER_PREFIX, ''));
    named.forEach((id, index) => {
      if (!UUID.test(id)) {
        this.problem(
          `addresses.${index}`,
          `each address must be an organisation id (${ORGANISATION_SENDER_PREFIX}<id>)`,
        );
      }
    });
    // A Cancel carries no content of its own (the chain's latest is kept): its info blocks are not read.
    const cancel = msgType === String(AlertMessageType.Cancel);
    const info = cancel ? [] : this.elements(root, 'info').map((element, index) => this.info(element, `info.${index}`));

    if (sender && !CAP_TOKEN.test(sender)) this.problem('sender', 'sender must not contain spaces, commas, < or &');
    if (sent && !hasExplicitZone(sent)) {
      this.problem('sent', 'sent must be a date and time with its time zone, e.g. 2026-11-28T01:12:00+01:00');
    }
    for (const { field, problems } of readCapReferences(references).problems) {
      problems.forEach((problem) => this.problem(field, problem));
    }
    if (info.length === 0 && !cancel) {
      this.problem('info', 'at least one info block is needed: it carries the category, event, urgency and severity');
    }
    const commune = this.vigie.get(VIGIE_PARAMETER.commune) ?? firstInseeGeocode(info);
    if (info.length > 0 && commune === undefined) {
      this.problem(
        'location.commune',
        `an area needs a geocode whose valueName is ${INSEE_GEOCODE_NAME}, holding the commune's INSEE code (postal codes and coordinates are not resolved yet)`,
      );
    }
    if (this.failed) throw new CapDocumentError('not a valid CAP 1.2 alert', this.details());

    return {
      submission: compact<SubmissionFromCap>({
        identifier,
        status,
        msgType,
        scope,
        tlp,
        personalData,
        note,
        incidents,
        addresses: named.length > 0 ? named : undefined,
        siteId: this.vigie.get(VIGIE_PARAMETER.siteId),
        occurredAt: this.vigie.get(VIGIE_PARAMETER.occurredAt),
        // An Alert's references are kept aside; an Update's or a Cancel's name the chain it joins.
        references: msgType === String(AlertMessageType.Alert) ? undefined : references,
        location: cancel ? undefined : { commune: commune! },
        info: cancel ? undefined : info,
      }),
      envelope: { identifier, sender, sent, references, codes, ...compact({ source, restriction, addresses }) },
    };
  }

  private info(element: unknown, path: string): InfoFromCap {
    const node = isNode(element) ? element : {};
    const category = this.texts(node, 'category', `${path}.category`);
    if (category.length === 0) this.problem(`${path}.category`, 'category is required by CAP 1.2');
    const event = this.required(node, 'event', `${path}.event`);
    const eventCodes = this.pairs(node, 'eventCode', `${path}.eventCode`);
    const vigieCodes = new Set(eventCodes.filter(isVigieCode).map((code) => code.value));
    if (vigieCodes.size > 1) {
      this.problem(`${path}.eventCode`, `several ${VIGIE_EVENT_CODE_NAME} event codes: ${[...vigieCodes].join(', ')}`);
    }
    const parameters = this.pairs(node, 'parameter', `${path}.parameter`);
    for (const parameter of parameters) {
      if (VIGIE_PARAMETER_NAMES.has(parameter.valueName) && !this.vigie.has(parameter.valueName)) {
        this.vigie.set(parameter.valueName, parameter.value);
      }
    }
    const headline = this.optional(node, 'headline', `${path}.headline`);
    return compact<InfoFromCap>({
      language: this.optional(node, 'language', `${path}.language`) ?? CAP_DEFAULT_LANGUAGE,
      category,
      event,
      responseType: this.texts(node, 'responseType', `${path}.responseType`),
      urgency: this.required(node, 'urgency', `${path}.urgency`),
      severity: this.required(node, 'severity', `${path}.severity`),
      certainty: this.required(node, 'certainty', `${path}.certainty`),
      audience: this.optional(node, 'audience', `${path}.audience`),
      eventCode: [...vigieCodes][0] ?? AlertEventCode.Other,
      eventCodes: eventCodes.filter((code) => !isVigieCode(code)),
      effective: this.optional(node, 'effective', `${path}.effective`),
      onset: this.optional(node, 'onset', `${path}.onset`),
      expires: this.optional(node, 'expires', `${path}.expires`),
      senderName: this.optional(node, 'senderName', `${path}.senderName`),
      // CAP makes the headline optional, Vigie does not: a document without one is headed by its event.
      headline: headline ?? (event.length > 160 ? `${event.slice(0, 159)}…` : event),
      description: this.optional(node, 'description', `${path}.description`),
      instruction: this.optional(node, 'instruction', `${path}.instruction`),
      web: this.optional(node, 'web', `${path}.web`),
      contact: this.optional(node, 'contact', `${path}.contact`),
      parameter: parameters.filter((parameter) => !VIGIE_PARAMETER_NAMES.has(parameter.valueName)),
      resource: this.elements(node, 'resource').map((resource, index) =>
        this.resource(resource, `${path}.resource.${index}`),
      ),
      area: this.elements(node, 'area').map((area, index) => this.area(area, `${path}.area.${index}`)),
    });
  }

  private resource(element: unknown, path: string): Unchecked<CapResourceShape> {
    const node = isNode(element) ? element : {};
    const size = this.optional(node, 'size', `${path}.size`);
    return compact<Unchecked<CapResourceShape>>({
      resourceDesc: this.required(node, 'resourceDesc', `${path}.resourceDesc`),
      mimeType: this.required(node, 'mimeType', `${path}.mimeType`),
      size: size !== undefined && /^\d{1,15}$/.test(size) ? Number(size) : size,
      uri: this.optional(node, 'uri', `${path}.uri`),
      digest: this.optional(node, 'digest', `${path}.digest`),
    });
  }

  private area(element: unknown, path: string): Unchecked<CapAreaShape> {
    const node = isNode(element) ? element : {};
    return compact<Unchecked<CapAreaShape>>({
      areaDesc: this.required(node, 'areaDesc', `${path}.areaDesc`),
      polygon: this.texts(node, 'polygon', `${path}.polygon`),
      circle: this.texts(node, 'circle', `${path}.circle`),
      geocode: this.pairs(node, 'geocode', `${path}.geocode`),
    });
  }

  /** TLP label and personal-data flag from the alert's codes; the other codes are kept aside. */
  private codes(values: string[]): { tlp: string; personalData: boolean; codes: string[] } {
    const labels = new Set<string>();
    let personalData = false;
    const codes: string[] = [];
    values.forEach((code, index) => {
      if (code.toUpperCase().startsWith(TLP_CODE_PREFIX)) {
        const label = code.slice(TLP_CODE_PREFIX.length).trim().toUpperCase();
        if (TLP_LABELS.has(label)) labels.add(label);
        else {
          this.problem(
            `code.${index}`,
            `${quoted(code)} is not a TLP 2.0 label: use ${[...TLP_LABELS].map((tlp) => TLP_CODE_PREFIX + tlp).join(', ')}`,
          );
        }
      } else if (code.toUpperCase() === PERSONAL_DATA_CODE) {
        personalData = true;
      } else {
        codes.push(code);
      }
    });
    if (labels.size > 1) this.problem('code', `conflicting TLP labels: ${[...labels].join(', ')}`);
    return { tlp: [...labels][0] ?? Tlp.Amber, personalData, codes };
  }
}

function isVigieCode(code: CapPair): boolean {
  return code.valueName === VIGIE_EVENT_CODE_NAME;
}

/** The first INSEE geocode across the info blocks and their areas, in document order. */
function firstInseeGeocode(info: InfoFromCap[]): string | undefined {
  for (const block of info) {
    for (const area of block.area ?? []) {
      const geocode = area.geocode?.find((candidate) => candidate.valueName === INSEE_GEOCODE_NAME);
      if (geocode) return geocode.value;
    }
  }
  return undefined;
}

/**
 * Reads a CAP 1.2 XML document into a submission of the CAP shape (not validated yet), and the header
 * fields Vigie does not take from the submitter. Throws CapDocumentError (400) — and nothing
 * else — on input that is not an acceptable CAP 1.2 alert.
 */
export function parseCapXml(document: unknown): ParsedCapAlert {
  const { root, prefixes } = alertRoot(readXml(document));
  return new CapReader(prefixes).alert(root);
}
