import { BadRequestException, HttpStatus } from '@nestjs/common';
import fc from 'fast-check';
import {
  AlertCategory,
  AlertCertainty,
  AlertEventCode,
  AlertSeverity,
  AlertStatus,
  AlertUrgency,
  Tlp,
} from '@vigie/contracts';
import { Geography } from '@vigie/geo';
import { nearCapDocument, xmlTokenSoup } from '../../../../test/fixtures/cap/arbitraries';
import { parseCapXml } from '../cap/cap-xml.parser';
import { toCapXml } from '../cap/cap-xml.writer';
import { CapDocumentError } from '../cap/cap.errors';
import { validSubmission } from './alert-bodies';
import { resolveLocation } from './alert.location';
import { newAlertSnapshot } from './alert.snapshot';

/** Reading a body through the XML path ends in a value or a 400, never in anything else. */
async function readsOrRefuses(document: unknown): Promise<void> {
  let submission: unknown;
  try {
    submission = parseCapXml(document).submission;
  } catch (error) {
    if (!(error instanceof CapDocumentError) || error.status !== HttpStatus.BAD_REQUEST) throw error;
    return;
  }
  try {
    await validSubmission(submission);
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
  }
}

describe('parseCapXml on arbitrary input', () => {
  it('returns a submission or refuses with a 400, for any string', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), readsOrRefuses),
      { numRuns: 300 },
    );
  });

  it('returns a submission or refuses with a 400, for XML-like token soup', async () => {
    await fc.assert(fc.asyncProperty(xmlTokenSoup, readsOrRefuses), { numRuns: 300 });
  });

  it('returns a submission or refuses with a 400, for CAP documents damaged in every way', async () => {
    await fc.assert(fc.asyncProperty(nearCapDocument, readsOrRefuses), { numRuns: 1000 });
  });

  it('returns a submission or refuses with a 400, for values that are not text at all', async () => {
    await fc.assert(fc.asyncProperty(fc.anything(), readsOrRefuses), { numRuns: 200 });
  });
});

describe('CAP XML round trip on arbitrary content', () => {
  const geography = Geography.official();
  const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

  /** Text an XML document can carry and the parser gives back (it trims). */
  const text = (maxLength: number) =>
    fc
      .string({ unit: 'binary', minLength: 1, maxLength })
      .map((value) => value.replace(NOT_XML, '').trim())
      .filter((value) => value.length > 0);
  const identifier = text(40)
    .map((value) => value.replace(/[\s,<&]/g, ''))
    .filter((value) => value.length > 0);
  /** A CAP date-time in one of the offsets French territories use. */
  const dateTime = fc
    .tuple(
      fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
      fc.constantFrom(0, 60, 120, -180, -240, 180, 240, 660, 720),
    )
    .map(([instant, minutes]) => {
      const local = new Date(instant.getTime() + minutes * 60_000).toISOString().slice(0, 19);
      // CAP writes UTC as -00:00 (a "+00:00" comes back as "-00:00": the same instant).
      const sign = minutes <= 0 ? '-' : '+';
      const offset = `${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
      return `${local}${sign}${offset}`;
    });
  const pair = fc.record({
    valueName: text(20).filter((name) => !name.startsWith('vigie')),
    value: fc.oneof(fc.constant(''), text(40)),
  });
  const info = fc.record(
    {
      language: fc.constantFrom('fr-FR', 'en-GB', 'de-DE', 'br'),
      category: fc.uniqueArray(fc.constantFrom(...Object.values(AlertCategory)), { minLength: 1, maxLength: 3 }),
      event: text(60),
      eventCode: fc.constantFrom(...Object.values(AlertEventCode)),
      eventCodes: fc.array(pair, { maxLength: 3 }),
      responseType: fc.array(text(12), { maxLength: 2 }),
      urgency: fc.constantFrom(...Object.values(AlertUrgency)),
      severity: fc.constantFrom(...Object.values(AlertSeverity)),
      certainty: fc.constantFrom(...Object.values(AlertCertainty)),
      audience: text(60),
      effective: dateTime,
      onset: dateTime,
      expires: dateTime,
      senderName: text(60),
      headline: text(60),
      description: text(300),
      instruction: text(100),
      web: text(60),
      contact: text(60),
      parameter: fc.array(pair, { maxLength: 3 }),
      resource: fc.array(
        fc.record(
          { resourceDesc: text(40), mimeType: text(20), size: fc.nat(), uri: text(60), digest: text(40) },
          { requiredKeys: ['resourceDesc', 'mimeType'] },
        ),
        { maxLength: 2 },
      ),
      area: fc.array(
        fc.record(
          {
            areaDesc: text(60),
            polygon: fc.array(text(60), { maxLength: 2 }),
            circle: fc.array(text(30), { maxLength: 2 }),
            geocode: fc.array(pair, { maxLength: 2 }),
          },
          { requiredKeys: ['areaDesc'] },
        ),
        { maxLength: 3 },
      ),
    },
    { requiredKeys: ['category', 'eventCode', 'urgency', 'severity', 'certainty', 'headline'] },
  );
  const submission = fc.record(
    {
      status: fc.constantFrom(...Object.values(AlertStatus)),
      scope: fc.constantFrom('Public', 'Restricted', 'Private'),
      identifier,
      tlp: fc.constantFrom(...Object.values(Tlp)),
      personalData: fc.boolean(),
      siteId: fc.uuid(),
      note: text(200),
      incidents: fc.array(identifier, { maxLength: 3 }),
      occurredAt: dateTime,
      location: fc.record({ commune: fc.constantFrom('69123', '13055', '75056', '2A004', '97411') }),
      info: fc.array(info, { minLength: 1, maxLength: 3 }),
    },
    { requiredKeys: ['status', 'location', 'info'] },
  );

  it('gives back the snapshot it was written from', async () => {
    await fc.assert(
      fc.asyncProperty(submission, async (body) => {
        const snapshotOf = async (plain: unknown) => {
          const input = await validSubmission(plain);
          const resolved = resolveLocation(input.location!, geography);
          if ('problems' in resolved) throw new Error(JSON.stringify(resolved.problems));
          return newAlertSnapshot(input, {
            alertId: '7d3f6a2e-93c1-4b8e-a5d2-1f0e9c8b7a61',
            senderOrganisationId: '0b5e3c1d-8f2a-4c6b-9d7e-3a1f5e2d4c6b',
            sent: new Date('2026-11-28T00:14:05Z'),
            ...resolved,
          });
        };
        const first = await snapshotOf(body);
        expect(await snapshotOf(parseCapXml(toCapXml(first)).submission)).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });
});
