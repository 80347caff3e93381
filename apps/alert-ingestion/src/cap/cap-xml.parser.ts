import { XMLParser, XMLValidator } from 'fast-xml-parser';
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
import type { FieldError } from '@vigie/platform';
import { hasExplicitZone } from './cap-date';
import { ORGANISATION_SENDER_PREFIX, readCapReferences, referenceEntries } from './cap-references';
import { CapDocumentError } from './cap.errors';
import {
  CAP_1_2_NAMESPACE,
  CAP_DEFAULT_LANGUAGE,
  PERSONAL_DATA_CODE,
  TLP_CODE_PREFIX,
  VIGIE_PARAMETER,
  VIGIE_PARAMETER_NAMES,
} from './cap.vocabulary';

/*
 * CAP 1.2 XML in: a document becomes a plain object of the CAP shape (libs/contracts), which the
 * same class-validator rules as JSON submissions then check. This module only refuses what
 * the DTO cannot see: unsafe or malformed XML, a root that is not a CAP 1.2 alert, and
 * elements the spec requires but the DTO leaves optional or names differently.
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

/** CAP elements that may occur more than once: always read as arrays, even when there is one. */
const REPEATED = new Set([
  'code',
  'info',
  'category',
  'responseType',
  'eventCode',
  'parameter',
  'resource',
  'area',
  'polygon',
  'circle',
  'geocode',
]);

const MAX_REPORTED_FIELDS = 100;

const TLP_LABELS: ReadonlySet<string> = new Set(Object.values(Tlp));

/** CAP forbids spaces, commas and the restricted characters < and & in identifier and sender. */
const CAP_TOKEN = /^[^\s,<&]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DECLARATION = /<!(?:DOCTYPE|ENTITY)/i;
const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_:][\w.:-]*)?(;?)/g;
const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const parser = new XMLParser({
  // Only namespace declarations matter; every other attribute is dropped.
  ignoreAttributes: (name: string) => name !== 'xmlns' && !name.startsWith('xmlns:'),
  removeNSPrefix: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // No entity processing at all: no DTD entity is ever defined or expanded. The five
  // predefined references and character references are decoded below, in bounded code.
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 50,
  isArray: (tagName: string, _path: unknown, _isLeaf: boolean, isAttribute: boolean) =>
    !isAttribute && REPEATED.has(localName(tagName)),
});

type XmlNode = Record<string, unknown>;

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function prefixOf(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? '' : name.slice(0, colon);
}

/** A short, quoted echo of submitted text for error messages. */
function quoted(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * CDATA sections rewritten as escaped text, so that every text node is decoded the same way.
 * A linear scan: an unclosed section ends the rewriting (the validator then refuses it).
 */
function cdataAsText(document: string): string {
  let text = '';
  let from = 0;
  for (;;) {
    const start = document.indexOf(CDATA_OPEN, from);
    const end = start < 0 ? -1 : document.indexOf(CDATA_CLOSE, start + CDATA_OPEN.length);
    if (end < 0) return text + document.slice(from);
    text += document.slice(from, start) + escapeText(document.slice(start + CDATA_OPEN.length, end));
    from = end + CDATA_CLOSE.length;
  }
}

/** Code points XML 1.0 allows in a document. */
function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** Drops empty arrays and undefined fields, so the result holds only what the document said. */
function compact<T extends object>(object: T): T {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  ) as T;
}

function words(text: string | undefined): string[] {
  return text ? text.split(/\s+/).filter(Boolean) : [];
}

/** The document as a tree, or a 400 when it is not safe, well-formed XML. */
function readXml(document: unknown): unknown {
  if (typeof document !== 'string' || document.trim() === '') {
    throw CapDocumentError.body('expected a CAP 1.2 XML document', 'the body is empty');
  }
  if (DECLARATION.test(document)) {
    throw CapDocumentError.body(
      'DOCTYPE and ENTITY declarations are refused',
      'a CAP 1.2 document needs no document type declaration: remove <!DOCTYPE …>; entities are never expanded',
    );
  }
  const text = cdataAsText(document.replace(/^\uFEFF/, ''));
  let verdict: ReturnType<typeof XMLValidator.validate>;
  try {
    verdict = XMLValidator.validate(text);
  } catch (error) {
    throw CapDocumentError.body('not well-formed XML', error instanceof Error ? error.message : 'unreadable');
  }
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    throw CapDocumentError.body('not well-formed XML', `${msg} (line ${line}, column ${col})`);
  }
  try {
    return parser.parse(text) as unknown;
  } catch (error) {
    throw CapDocumentError.body('not well-formed XML', error instanceof Error ? error.message : 'unreadable');
  }
}

/** The `alert` root and the prefixes bound to the CAP 1.2 namespace on it ('' for the default namespace). */
function alertRoot(tree: unknown): { root: XmlNode; prefixes: ReadonlySet<string> } {
  const names = isNode(tree) ? Object.keys(tree).filter((name) => !name.startsWith('?') && !name.startsWith('#')) : [];
  const [name] = names;
  const refuse = (problem: string): never => {
    throw new CapDocumentError('not a CAP 1.2 alert', [{ field: 'alert', problems: [problem] }]);
  };
  if (names.length !== 1 || localName(name) !== 'alert') {
    refuse(
      `the root element must be alert, in the namespace ${CAP_1_2_NAMESPACE}${name ? `; found ${quoted(name)}` : ''}`,
    );
  }
  const value = (tree as XmlNode)[name];
  const root = isNode(value) ? value : {};
  const prefix = prefixOf(name);
  const declared = root[prefix ? `@_xmlns:${prefix}` : '@_xmlns'];
  if (declared !== CAP_1_2_NAMESPACE) {
    refuse(
      typeof declared === 'string'
        ? `the namespace ${quoted(declared)} is not CAP 1.2's (${CAP_1_2_NAMESPACE})`
        : `the alert element must be in the namespace ${CAP_1_2_NAMESPACE}`,
    );
  }
  const prefixes = new Set(
    Object.keys(root)
      .filter((key) => (key === '@_xmlns' || key.startsWith('@_xmlns:')) && root[key] === CAP_1_2_NAMESPACE)
      .map((key) => (key === '@_xmlns' ? '' : key.slice('@_xmlns:'.length))),
  );
  return { root, prefixes };
}

/** Reads CAP elements off the tree, collecting every problem with its path before failing once. */
class CapReader {
  private readonly problems = new Map<string, string[]>();
  private readonly vigie = new Map<string, string>();

  constructor(private readonly prefixes: ReadonlySet<string>) {}

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
    if (this.problems.size > 0) throw new CapDocumentError('not a valid CAP 1.2 alert', this.details());

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

  /** The child elements of a node with this local name, in the CAP namespace. */
  private elements(node: XmlNode, name: string): unknown[] {
    const found: unknown[] = [];
    for (const prefix of this.prefixes) {
      const key = prefix ? `${prefix}:${name}` : name;
      if (!Object.hasOwn(node, key)) continue;
      const value: unknown = node[key];
      found.push(...(Array.isArray(value) ? (value as unknown[]) : [value]));
    }
    return found;
  }

  /** An element CAP allows once: its trimmed text, or undefined when absent or empty. */
  private optional(node: XmlNode, name: string, path: string): string | undefined {
    const found = this.elements(node, name);
    if (found.length > 1) this.problem(path, `${name} appears ${found.length} times; CAP 1.2 allows it once`);
    if (found.length === 0) return undefined;
    const text = this.text(found[0], path);
    return text === '' ? undefined : text;
  }

  private required(node: XmlNode, name: string, path: string): string {
    const text = this.optional(node, name, path);
    if (text === undefined) this.problem(path, `${name} is required by CAP 1.2`);
    return text ?? '';
  }

  private texts(node: XmlNode, name: string, path: string): string[] {
    return this.elements(node, name).map((element, index) => this.text(element, `${path}.${index}`));
  }

  /** `valueName`/`value` pairs (eventCode, parameter, geocode): CAP requires both. */
  private pairs(node: XmlNode, name: string, path: string): CapPair[] {
    return this.elements(node, name).map((element, index) => {
      const pair = isNode(element) ? element : {};
      const at = `${path}.${index}`;
      const valueName = this.required(pair, 'valueName', `${at}.valueName`);
      if (this.elements(pair, 'value').length === 0) this.problem(`${at}.value`, 'value is required by CAP 1.2');
      return { valueName, value: this.optional(pair, 'value', `${at}.value`) ?? '' };
    });
  }

  /** The text of an element; child elements and attributes are ignored. */
  private text(element: unknown, path: string): string {
    const raw =
      typeof element === 'string'
        ? element
        : isNode(element) && typeof element['#text'] === 'string'
          ? element['#text']
          : '';
    return raw.includes('&') ? this.decode(raw, path) : raw;
  }

  /** Decodes the predefined entity references and character references; nothing else is an entity here. */
  private decode(raw: string, path: string): string {
    return raw.replace(REFERENCE, (whole: string, name: string | undefined, semicolon: string) => {
      if (!name || !semicolon) {
        this.problem(path, 'a bare & must be written &amp;');
        return whole;
      }
      if (name.startsWith('#')) {
        const codePoint = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        if (isXmlChar(codePoint)) return String.fromCodePoint(codePoint);
        this.problem(path, `&${name}; is not a character XML allows`);
        return '';
      }
      const character = Object.hasOwn(PREDEFINED_ENTITIES, name) ? PREDEFINED_ENTITIES[name] : undefined;
      if (character !== undefined) return character;
      this.problem(
        path,
        `&${name.slice(0, 40)}; is not defined: entities other than &amp; &lt; &gt; &quot; &apos; are refused`,
      );
      return '';
    });
  }

  private problem(field: string, problem: string): void {
    const problems = this.problems.get(field);
    if (!problems) this.problems.set(field, [problem]);
    else if (!problems.includes(problem)) problems.push(problem);
  }

  /** The problems by field, in the order found; a document wrong everywhere gets the first ones. */
  private details(): FieldError[] {
    const details = [...this.problems].slice(0, MAX_REPORTED_FIELDS).map(([field, problems]) => ({ field, problems }));
    const unreported = this.problems.size - details.length;
    if (unreported > 0) details.push({ field: 'body', problems: [`${unreported} more fields have problems`] });
    return details;
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
