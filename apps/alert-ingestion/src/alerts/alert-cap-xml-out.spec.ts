import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { AlertSnapshot } from '@vigie/contracts';
import { fullJsonSubmission } from '../../../../test/fixtures/cap';
import { isCapDateTime, toCapDateTime } from '../cap/cap-date';
import { parseCapXml } from '../cap/cap-xml.parser';
import { toCapXml } from '../cap/cap-xml.writer';
import { validSubmission } from './alert-bodies';
import { newAlertSnapshot } from './alert.snapshot';

/** Child order of each CAP 1.2 element, from the schema's sequences. */
const SCHEMA_ORDER: Record<string, string[]> = {
  alert: [
    'identifier',
    'sender',
    'sent',
    'status',
    'msgType',
    'source',
    'scope',
    'restriction',
    'addresses',
    'code',
    'note',
    'references',
    'incidents',
    'info',
  ],
  info: [
    'language',
    'category',
    'event',
    'responseType',
    'urgency',
    'severity',
    'certainty',
    'audience',
    'eventCode',
    'effective',
    'onset',
    'expires',
    'senderName',
    'headline',
    'description',
    'instruction',
    'web',
    'contact',
    'parameter',
    'resource',
    'area',
  ],
  resource: ['resourceDesc', 'mimeType', 'size', 'uri', 'derefUri', 'digest'],
  area: ['areaDesc', 'polygon', 'circle', 'geocode', 'altitude', 'ceiling'],
  eventCode: ['valueName', 'value'],
  parameter: ['valueName', 'value'],
  geocode: ['valueName', 'value'],
};

type Ordered = Record<string, unknown>[];

/** Every element of the document with the names of its children, in document order. */
function elements(xml: string): { name: string; children: string[]; text: string[] }[] {
  const tree = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false }).parse(
    xml,
  ) as Ordered;
  const found: { name: string; children: string[]; text: string[] }[] = [];
  const visit = (nodes: Ordered): void => {
    for (const node of nodes) {
      const name = Object.keys(node).find((key) => key !== ':@')!;
      if (name.startsWith('?') || name === '#text') continue;
      const children = node[name] as Ordered;
      found.push({
        name,
        children: children.flatMap((child) => Object.keys(child).filter((key) => key !== ':@' && key !== '#text')),
        text: children.flatMap((child) => (typeof child['#text'] === 'string' ? [child['#text']] : [])),
      });
      visit(children);
    }
  };
  visit(tree);
  return found;
}

/** The text of every element of the alert's document named one of `names`, in document order. */
function textsOf(alert: AlertSnapshot, names: string[]): string[] {
  return elements(toCapXml(alert))
    .filter((element) => names.includes(element.name))
    .map((element) => element.text[0]);
}

const context = {
  alertId: '7d3f6a2e-93c1-4b8e-a5d2-1f0e9c8b7a61',
  senderOrganisationId: '0b5e3c1d-8f2a-4c6b-9d7e-3a1f5e2d4c6b',
  sent: new Date('2026-11-28T00:14:05.678Z'),
  location: { commune: '69123', communeName: 'Lyon', department: '69' },
};

async function fullSnapshot(): Promise<AlertSnapshot> {
  return newAlertSnapshot(await validSubmission(fullJsonSubmission()), context);
}

describe('toCapXml', () => {
  it('writes a well-formed CAP 1.2 document with its declaration and namespace', async () => {
    const xml = toCapXml(await fullSnapshot());
    expect(
      xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">'),
    ).toBe(true);
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('writes elements in the order the CAP 1.2 schema requires', async () => {
    const snapshot: AlertSnapshot = {
      ...(await fullSnapshot()),
      restriction: 'Partenaires de la convention',
      references: ['a@example.org,X-1,2026-11-28T01:00:00+01:00'],
    };
    snapshot.info[0].area[0] = { ...snapshot.info[0].area[0], altitude: '150', ceiling: '300' };
    const written = elements(toCapXml(snapshot));
    const checked = written.filter((element) => SCHEMA_ORDER[element.name]);
    expect(checked.map((element) => element.name)).toEqual(expect.arrayContaining(Object.keys(SCHEMA_ORDER)));
    for (const { name, children } of checked) {
      const positions = children.map((child) => SCHEMA_ORDER[name].indexOf(child));
      expect({ name, children, known: positions.every((position) => position >= 0) }).toEqual({
        name,
        children,
        known: true,
      });
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    expect(written.find((element) => element.name === 'alert')!.children).toEqual([
      'identifier',
      'sender',
      'sent',
      'status',
      'msgType',
      'scope',
      'restriction',
      'addresses',
      'code',
      'code',
      'note',
      'references',
      'incidents',
      'info',
      'info',
    ]);
  });

  it('writes date-times the CAP way: offset kept, no fractional seconds, UTC as -00:00, never Z', async () => {
    const snapshot = await fullSnapshot();
    snapshot.info[0].effective = '2026-11-28T00:14:05.250Z';
    snapshot.info[0].onset = '2026-11-28T01:12:00+0100';
    const dates = textsOf(snapshot, ['sent', 'effective', 'onset', 'expires']);
    expect(dates.slice(0, 4)).toEqual([
      '2026-11-28T00:14:05-00:00',
      '2026-11-28T00:14:05-00:00',
      '2026-11-28T01:12:00+01:00',
      '2026-11-28T07:00:00+01:00',
    ]);
    expect(dates.every(isCapDateTime)).toBe(true);
  });

  it.each([
    ['2026-11-28T01:12:00+01:00', '2026-11-28T01:12:00+01:00'],
    ['2026-11-28T01:12:00.999-03:30', '2026-11-28T01:12:00-03:30'],
    ['2026-11-28T01:12:00+00:00', '2026-11-28T01:12:00-00:00'],
    ['2026-11-28T01:12:00Z', '2026-11-28T01:12:00-00:00'],
    ['2026-11-28', '2026-11-28T00:00:00-00:00'],
    ['not a date', undefined],
  ])('formats %s as %s', (value, expected) => {
    expect(toCapDateTime(value)).toBe(expected);
  });

  it('writes the TLP label and the personal-data flag as alert codes', async () => {
    const snapshot = await fullSnapshot();
    const codes = (alert: AlertSnapshot) => textsOf(alert, ['code']);
    expect(codes(snapshot)).toEqual(['TLP:AMBER+STRICT', 'VIGIE:PERSONAL-DATA']);
    expect(codes({ ...snapshot, tlp: 'CLEAR' as AlertSnapshot['tlp'], personalData: false })).toEqual(['TLP:CLEAR']);
  });

  it('writes the vigie event code first, then the other tools’ codes, and Vigie’s own fields as parameters', async () => {
    const snapshot = { ...(await fullSnapshot()), siteId: '0d7c9a52-4bd5-4a36-9a5e-2f3b2c9e6d11' };
    const written = elements(toCapXml(snapshot));
    // Depth first: each pair element is followed by its valueName and value.
    const pairs = (name: string) =>
      written.flatMap((element, at) =>
        element.name === name ? [`${written[at + 1].text[0]}=${written[at + 2].text[0] ?? ''}`] : [],
      );
    expect(pairs('eventCode')).toEqual(['vigie=intrusion', 'SIA-DC09=BA', 'vigie=intrusion', 'SIA-DC09=BA']);
    const vigieParameters = pairs('parameter').filter((pair) => pair.startsWith('vigie:'));
    expect(vigieParameters).toEqual([
      'vigie:occurredAt=2026-11-28T00:12:00-00:00',
      'vigie:siteId=0d7c9a52-4bd5-4a36-9a5e-2f3b2c9e6d11',
      'vigie:commune=69123',
      'vigie:occurredAt=2026-11-28T00:12:00-00:00',
      'vigie:siteId=0d7c9a52-4bd5-4a36-9a5e-2f3b2c9e6d11',
      'vigie:commune=69123',
    ]);
  });

  it('writes references with their sent written as sent is, so they match the messages they name', async () => {
    const earlier = await fullSnapshot();
    const update: AlertSnapshot = {
      ...earlier,
      references: [`${earlier.sender},${earlier.identifier},2026-11-28T00:14:05+00:00`],
    };
    const written = elements(toCapXml(update));
    const sent = written.find((element) => element.name === 'sent')!.text[0];
    expect(written.find((element) => element.name === 'references')!.text[0]).toBe(
      `${earlier.sender},${earlier.identifier},${sent}`,
    );
  });

  it('keeps carriage returns, which XML readers would otherwise turn into line feeds', async () => {
    const snapshot = await fullSnapshot();
    snapshot.info[0].description = 'ligne 1\r\nligne 2\rligne 3';
    const xml = toCapXml(snapshot);
    expect(xml).toContain('<description>ligne 1&#13;\nligne 2&#13;ligne 3</description>');
    expect(parseCapXml(xml).submission.info![0].description).toBe('ligne 1\r\nligne 2\rligne 3');
  });

  it('escapes markup in text and drops characters XML cannot carry', async () => {
    const snapshot = await fullSnapshot();
    snapshot.info[0].headline = 'A <script>alert("x")</script> & \'b\' ]]> \u0001\uFFFE\uD800end';
    const xml = toCapXml(snapshot);
    expect(xml).not.toContain('<script>');
    expect(xml).toContain(
      '<headline>A &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;b&apos; ]]&gt; end</headline>',
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parseCapXml(xml).submission.info![0].headline).toBe('A <script>alert("x")</script> & \'b\' ]]> end');
  });

  it('writes snapshots stored before every CAP field existed', async () => {
    const snapshot = await fullSnapshot();
    const older = {
      ...snapshot,
      references: undefined,
      incidents: undefined,
      info: snapshot.info.map(({ eventCodes: _, parameter: __, resource: ___, ...info }) => ({
        ...info,
        area: info.area.map(({ geocode: _g, ...area }) => area),
      })),
    } as unknown as AlertSnapshot;
    expect(XMLValidator.validate(toCapXml(older))).toBe(true);
  });
});
