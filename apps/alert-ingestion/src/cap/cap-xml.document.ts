import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FieldError } from '@vigie/platform';
import { CapDocumentError } from './cap.errors';
import { CAP_1_2_NAMESPACE } from './cap.vocabulary';

/*
 * CAP XML made safe to read: DOCTYPE and ENTITY declarations refused before parsing, no entity
 * ever expanded (the five predefined ones and character references are decoded in bounded
 * code), CDATA read as text, depth bounded; then the `alert` root in the CAP 1.2 namespace, and
 * a reader of its elements that collects every problem with its path before failing once.
 */

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

export type XmlNode = Record<string, unknown>;

export function isNode(value: unknown): value is XmlNode {
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
export function quoted(text: string): string {
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

/**
 * Decodes the predefined entity references and character references; nothing else is an entity
 * here. Each reference that cannot be decoded is reported and dropped.
 */
function decodeText(raw: string, report: (problem: string) => void): string {
  return raw.replace(REFERENCE, (whole: string, name: string | undefined, semicolon: string) => {
    if (!name || !semicolon) {
      report('a bare & must be written &amp;');
      return whole;
    }
    if (name.startsWith('#')) {
      const codePoint = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (isXmlChar(codePoint)) return String.fromCodePoint(codePoint);
      report(`&${name}; is not a character XML allows`);
      return '';
    }
    const character = Object.hasOwn(PREDEFINED_ENTITIES, name) ? PREDEFINED_ENTITIES[name] : undefined;
    if (character !== undefined) return character;
    report(`&${name.slice(0, 40)}; is not defined: entities other than &amp; &lt; &gt; &quot; &apos; are refused`);
    return '';
  });
}

/** The document as a tree, or a 400 when it is not safe, well-formed XML. */
export function readXml(document: unknown): unknown {
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
export function alertRoot(tree: unknown): { root: XmlNode; prefixes: ReadonlySet<string> } {
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

/** Reads elements of the CAP namespace off a tree, collecting every problem with its path before failing once. */
export class XmlFieldReader {
  private readonly problems = new Map<string, string[]>();

  constructor(private readonly prefixes: ReadonlySet<string>) {}

  /** True once a problem has been found. */
  protected get failed(): boolean {
    return this.problems.size > 0;
  }

  /** The child elements of a node with this local name, in the CAP namespace. */
  protected elements(node: XmlNode, name: string): unknown[] {
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
  protected optional(node: XmlNode, name: string, path: string): string | undefined {
    const found = this.elements(node, name);
    if (found.length > 1) this.problem(path, `${name} appears ${found.length} times; CAP 1.2 allows it once`);
    if (found.length === 0) return undefined;
    const text = this.text(found[0], path);
    return text === '' ? undefined : text;
  }

  protected required(node: XmlNode, name: string, path: string): string {
    const text = this.optional(node, name, path);
    if (text === undefined) this.problem(path, `${name} is required by CAP 1.2`);
    return text ?? '';
  }

  protected texts(node: XmlNode, name: string, path: string): string[] {
    return this.elements(node, name).map((element, index) => this.text(element, `${path}.${index}`));
  }

  /** `valueName`/`value` pairs (eventCode, parameter, geocode): CAP requires both. */
  protected pairs(node: XmlNode, name: string, path: string): { valueName: string; value: string }[] {
    return this.elements(node, name).map((element, index) => {
      const pair = isNode(element) ? element : {};
      const at = `${path}.${index}`;
      const valueName = this.required(pair, 'valueName', `${at}.valueName`);
      if (this.elements(pair, 'value').length === 0) this.problem(`${at}.value`, 'value is required by CAP 1.2');
      return { valueName, value: this.optional(pair, 'value', `${at}.value`) ?? '' };
    });
  }

  /** The text of an element; child elements and attributes are ignored. */
  protected text(element: unknown, path: string): string {
    const raw =
      typeof element === 'string'
        ? element
        : isNode(element) && typeof element['#text'] === 'string'
          ? element['#text']
          : '';
    return raw.includes('&') ? decodeText(raw, (problem) => this.problem(path, problem)) : raw;
  }

  protected problem(field: string, problem: string): void {
    const problems = this.problems.get(field);
    if (!problems) this.problems.set(field, [problem]);
    else if (!problems.includes(problem)) problems.push(problem);
  }

  /** The problems by field, in the order found; a document wrong everywhere gets the first ones. */
  protected details(): FieldError[] {
    const details = [...this.problems].slice(0, MAX_REPORTED_FIELDS).map(([field, problems]) => ({ field, problems }));
    const unreported = this.problems.size - details.length;
    if (unreported > 0) details.push({ field: 'body', problems: [`${unreported} more fields have problems`] });
    return details;
  }
}
