import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Topics, type AlertSnapshot } from '@vigie/contracts';
import { readTopic, registerActivePartner, request, waitFor, waitUntilAccepted, type Partner } from '@vigie/testing';
import { validSubmission } from '../apps/alert-ingestion/src/alerts/alert-bodies';
import { newAlertSnapshot } from '../apps/alert-ingestion/src/alerts/alert.snapshot';
import { parseCapXml } from '../apps/alert-ingestion/src/cap/cap-xml.parser';
import { e2eEnv } from './e2e.env';
import { capFixture, fullJsonSubmission } from './fixtures/cap';
import { nearCapDocument, xmlTokenSoup } from './fixtures/cap/arbitraries';
import { useTestStack } from './test-stack';

const brokers = [e2eEnv.kafkaBrokers];
const CAP_XML = 'application/cap+xml';

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

type StoredAlert = AlertSnapshot & { id: string };

/** A CAP identifier names one message of a sender: each document posted gets its own. */
const withNewIdentifier = (xml: string) =>
  xml.replace(/<identifier>[^<]*<\/identifier>/, `<identifier>GRA-${randomUUID()}</identifier>`);

describe('CAP 1.2 XML in and out of alert ingestion', () => {
  const world = useTestStack('cap', 50);
  let firm: Partner;
  /** Every alert this file created, to know when the outbox has published them all. */
  const created: string[] = [];

  const alertsUrl = () => `${world.stack.url('alert-ingestion')}/v1/alerts`;

  /** One HTTP exchange with a raw body, given up after 10 s (fetch has no deadline of its own). */
  async function exchange(
    method: string,
    url: string,
    options: { contentType?: string; accept?: string; body?: string } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { authorization: `Bearer ${firm.key}` };
    if (options.contentType) headers['content-type'] = options.contentType;
    if (options.accept) headers.accept = options.accept;
    const response = await fetch(url, { method, headers, body: options.body, signal: AbortSignal.timeout(10_000) });
    return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
  }

  async function post(contentType: string, body: string): Promise<Answer> {
    const answer = await exchange('POST', alertsUrl(), { contentType, body });
    if (answer.status === 201) created.push((JSON.parse(answer.text) as { id: string }).id);
    return answer;
  }

  const getAlert = (id: string, accept?: string) => exchange('GET', `${alertsUrl()}/${id}`, { accept });

  async function storedAlert(id: string): Promise<StoredAlert> {
    const answer = await getAlert(id);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^application\/json/);
    return JSON.parse(answer.text) as StoredAlert;
  }

  /**
   * The alert a CAP document describes, built as ingestion builds it, with the identity of a
   * stored alert (id, sender, sent, resolved location): equal to that alert when nothing was lost.
   * CAP date-times have no fractional seconds, so the occurrence time is compared to the second.
   */
  async function describedBy(xml: string, stored: StoredAlert): Promise<unknown> {
    const input = await validSubmission(parseCapXml(xml).submission);
    const snapshot = newAlertSnapshot(input, {
      alertId: stored.alertId,
      senderOrganisationId: stored.senderOrganisationId,
      sent: new Date(stored.sent),
      location: stored.location,
    });
    expect(Math.floor(Date.parse(snapshot.occurredAt) / 1000)).toBe(Math.floor(Date.parse(stored.occurredAt) / 1000));
    return JSON.parse(JSON.stringify({ ...snapshot, id: stored.id, occurredAt: stored.occurredAt }));
  }

  /** The messages of alert.submitted.v1, once every alert created so far is among them. */
  function submittedMessages() {
    return waitFor(
      async () => {
        const messages = await readTopic(brokers, Topics.AlertSubmittedV1);
        const keys = new Set(messages.map((message) => message.key?.toString()));
        return created.every((id) => keys.has(id)) ? messages : undefined;
      },
      { what: `alerts ${created.join(', ')} on ${Topics.AlertSubmittedV1}`, timeoutMs: 20_000 },
    );
  }

  beforeAll(async () => {
    firm = await registerActivePartner(
      world.registry,
      { kind: 'SECURITY_FIRM', name: 'Télésurveillance Lyonnaise', departments: ['69'] },
      { conventions: ['private-security-2019'] },
    );
    await waitUntilAccepted(world.stack.url('alert-ingestion'), firm.key);
  }, 120_000);

  it('accepts a full CAP 1.2 document and gives it back as JSON and as CAP XML', async () => {
    const answer = await post(CAP_XML, capFixture('full'));
    expect(answer.status).toBe(201);
    const { id } = JSON.parse(answer.text) as { id: string };

    const stored = await storedAlert(id);
    expect(stored).toMatchObject({
      id,
      identifier: 'GRA-2026-11-28-0042',
      senderOrganisationId: firm.id,
      status: 'Actual',
      msgType: 'Alert',
      scope: 'Restricted',
      tlp: 'AMBER+STRICT',
      personalData: true,
      incidents: ['GRA-INC-7781', 'GRA-INC-7782'],
      location: { commune: '69123', communeName: 'Lyon', department: '69' },
    });
    expect(stored.info.map((info) => [info.language, info.eventCode, info.area.length])).toEqual([
      ['fr-FR', 'intrusion', 2],
      ['en-GB', 'intrusion', 1],
    ]);
    expect(stored.info[0].eventCodes).toEqual([
      { valueName: 'vigie', value: 'intrusion' },
      { valueName: 'SIA-DC09', value: 'BA' },
    ]);
    expect(stored.info[0].description).toBe(
      'Deux individus détectés par vidéoprotection & détecteurs volumétriques, zone <B>. Agent sur place.',
    );

    const xml = await getAlert(id, CAP_XML);
    expect(xml.status).toBe(200);
    expect(xml.contentType).toBe('application/cap+xml; charset=utf-8');
    expect(xml.text).toContain('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">');
    expect(stored).toEqual(await describedBy(xml.text, stored));
    // The document as written reads as the document as sent.
    expect(await validSubmission({ ...parseCapXml(xml.text).submission, occurredAt: undefined })).toEqual(
      await validSubmission(parseCapXml(capFixture('full')).submission),
    );
  }, 60_000);

  it('gives a JSON submission back as CAP XML with the same content', async () => {
    const answer = await post(
      'application/json',
      JSON.stringify({ ...fullJsonSubmission(), identifier: `GRA-JSON-${randomUUID()}` }),
    );
    expect(answer.status).toBe(201);
    const { id } = JSON.parse(answer.text) as { id: string };
    const stored = await storedAlert(id);
    const xml = await getAlert(id, 'application/cap+xml, application/json;q=0.5');
    expect(xml.contentType).toBe('application/cap+xml; charset=utf-8');
    expect(stored).toEqual(await describedBy(xml.text, stored));
  }, 60_000);

  it('accepts a document from another tool: no vigie code, unknown elements, prefixed namespace', async () => {
    const answer = await post(CAP_XML, capFixture('foreign'));
    expect(answer.status).toBe(201);
    const stored = await storedAlert((JSON.parse(answer.text) as { id: string }).id);
    expect(stored).toMatchObject({
      status: 'Exercise',
      tlp: 'AMBER',
      personalData: false,
      location: { commune: '69266', communeName: 'Villeurbanne', department: '69' },
    });
    expect(stored.info[0]).toMatchObject({
      language: 'en-US',
      eventCode: 'other',
      eventCodes: [
        { valueName: 'vigie', value: 'other' },
        { valueName: 'SAME', value: 'CDW' },
      ],
      headline: 'Unauthorised gathering',
    });
  }, 60_000);

  it('answers XXE and entity-expansion documents with 400 and publishes nothing for them', async () => {
    const before = (await submittedMessages()).length;

    for (const fixture of ['external-entity', 'entity-expansion'] as const) {
      const refused = await post(CAP_XML, capFixture(fixture));
      expect(refused.status).toBe(400);
      const body = JSON.parse(refused.text) as { error: string; detail: string };
      expect(body).toMatchObject({ error: 'bad_request', detail: 'DOCTYPE and ENTITY declarations are refused' });
      expect(refused.text).not.toMatch(/root:|at \w+ \(|node_modules/);
    }
    const undeclared = await post(
      CAP_XML,
      capFixture('minimal').replace('<scope>Restricted</scope>', '<scope>Restricted</scope><note>&xxe;</note>'),
    );
    expect(undeclared.status).toBe(400);

    // The outbox publishes in order: once a later valid alert is on the topic, anything the
    // refused requests had written would be there too.
    const later = await post(CAP_XML, withNewIdentifier(capFixture('minimal')));
    expect(later.status).toBe(201);
    const after = await submittedMessages();
    expect(after).toHaveLength(before + 1);
    expect(after.filter((message) => message.key?.toString() === created.at(-1))).toHaveLength(1);
  }, 60_000);

  it('answers 415 to a body that is neither JSON nor CAP XML', async () => {
    const answer = await exchange('POST', alertsUrl(), { contentType: 'text/plain', body: capFixture('minimal') });
    expect(answer.status).toBe(415);
    expect(answer.contentType).toBe('application/problem+json; charset=utf-8');
    expect(JSON.parse(answer.text)).toEqual({
      type: 'urn:vigie:problem:unsupported_media_type',
      title: 'Unsupported media type',
      status: 415,
      instance: '/v1/alerts',
      error: 'unsupported_media_type',
      detail: 'Content-Type text/plain is not accepted; send application/json or application/cap+xml',
    });
  }, 60_000);

  it('answers 413 to a CAP XML body over 256 KiB', async () => {
    const oversized = capFixture('minimal').replace('<info>', `<note>${'x'.repeat(300 * 1024)}</note><info>`);
    const answer = await exchange('POST', alertsUrl(), { contentType: CAP_XML, body: oversized });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({ error: 'payload_too_large' });
  }, 60_000);

  it('never answers 5xx to random JSON and XML bodies', async () => {
    const bodies = fc.oneof(
      fc.record({ contentType: fc.constant('application/json'), body: fc.json() }),
      fc.record({
        contentType: fc.constant('application/json'),
        body: fc
          .record({ status: fc.anything(), location: fc.anything(), info: fc.anything(), tlp: fc.anything() })
          .map((value) => JSON.stringify(value) ?? 'null'),
      }),
      fc.record({ contentType: fc.constant(CAP_XML), body: nearCapDocument.map(withNewIdentifier) }),
      fc.record({ contentType: fc.constant(CAP_XML), body: fc.oneof(xmlTokenSoup, fc.string({ unit: 'binary' })) }),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async ({ contentType, body }) => {
        const answer = await post(contentType, body);
        expect(answer.status).toBeLessThan(500);
        if (answer.status >= 400) expect(JSON.parse(answer.text)).toHaveProperty('error');
      }),
      { numRuns: 50 },
    );
    expect((await request('GET', `${world.stack.url('alert-ingestion')}/health`)).status).toBe(200);
    // Only what was answered 201 was published: nothing refused reached Kafka.
    const published = (await submittedMessages()).filter((message) => {
      try {
        return JSON.parse(message.value!.toString()).payload.alert.senderOrganisationId === firm.id;
      } catch {
        return false;
      }
    });
    expect(published.map((message) => message.key?.toString()).sort()).toEqual([...created].sort());
  }, 60_000);
});
