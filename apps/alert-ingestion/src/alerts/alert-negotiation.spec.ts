import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import type { AlertSnapshot } from '@vigie/contracts';
import { Geography } from '@vigie/geo';
import { ErrorFilter, strictValidationPipe } from '@vigie/platform';
import { capFixture, fullJsonSubmission } from '../../../../test/fixtures/cap';
import { useCapXmlBodyParser } from '../cap/alert-negotiation';
import { parseCapXml } from '../cap/cap-xml.parser';
import { readCancellation, readSubmission, validSubmission } from './alert-bodies';
import { AlertChangesController } from './alert-changes.controller';
import { CAP_XML_CANCEL_EXAMPLE, CAP_XML_EXAMPLE, CAP_XML_UPDATE_EXAMPLE } from './alert-negotiation.openapi';
import { resolveLocation } from './alert.location';
import { newAlertSnapshot } from './alert.snapshot';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';
import type { SubmitAlertDto } from './dto/submit-alert.dto';

const ALERT_ID = '7d3f6a2e-93c1-4b8e-a5d2-1f0e9c8b7a61';

/** The alerts service without its database: remembers what it was given, stores one alert. */
class FakeAlertsService {
  readonly submitted: SubmitAlertDto[] = [];
  stored: AlertSnapshot | undefined;
  private readonly geography = Geography.official();

  async submit(input: SubmitAlertDto): Promise<{ alert: AlertSnapshot; created: boolean }> {
    this.submitted.push(input);
    const resolved = resolveLocation(input.location!, this.geography);
    if ('problems' in resolved) throw new Error('unexpected location');
    this.stored = newAlertSnapshot(input, {
      alertId: ALERT_ID,
      senderOrganisationId: '0b5e3c1d-8f2a-4c6b-9d7e-3a1f5e2d4c6b',
      sent: new Date('2026-11-28T00:14:05Z'),
      ...resolved,
    });
    return { alert: this.stored, created: true };
  }

  async get(): Promise<AlertSnapshot> {
    return this.stored!;
  }
}

describe('POST and GET /v1/alerts in JSON and CAP XML', () => {
  let app: INestApplication;
  let url: string;
  const service = new FakeAlertsService();

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [AlertsController, AlertChangesController],
      providers: [{ provide: AlertsService, useValue: service }],
    }).compile();
    const express = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
    // As the bootstrap does, then the ingestion's own set-up.
    express.useGlobalPipes(strictValidationPipe());
    express.useGlobalFilters(new ErrorFilter());
    useCapXmlBodyParser(express);
    app = express;
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/v1/alerts`;
  });

  afterAll(() => app?.close());

  beforeEach(() => {
    service.submitted.length = 0;
  });

  const post = (contentType: string | undefined, body: string) =>
    fetch(url, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body });
  const get = (accept?: string) => fetch(`${url}/${ALERT_ID}`, { headers: accept ? { accept } : {} });

  it('takes a CAP XML body through the same rules into the same service call', async () => {
    const response = await post('application/cap+xml', capFixture('full'));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ id: ALERT_ID, tlp: 'AMBER+STRICT', personalData: true });
    expect(service.submitted).toEqual([await validSubmission(parseCapXml(capFixture('full')).submission)]);
  });

  it('takes CAP XML with a charset, and JSON as before', async () => {
    expect((await post('application/cap+xml; charset=utf-8', capFixture('minimal'))).status).toBe(201);
    expect((await post('application/json', JSON.stringify(fullJsonSubmission()))).status).toBe(201);
    expect(service.submitted[1]).toEqual(await validSubmission(fullJsonSubmission()));
  });

  it('answers an invalid XML body with the same error shape as the JSON path', async () => {
    const xml = await post(
      'application/cap+xml',
      capFixture('minimal').replace('<urgency>Immediate</urgency>', '<urgency>Soon</urgency>'),
    );
    const json = await post(
      'application/json',
      JSON.stringify({
        status: 'Actual',
        location: { commune: '69123' },
        info: [
          {
            category: ['Security'],
            eventCode: 'other',
            urgency: 'Soon',
            severity: 'Severe',
            certainty: 'Observed',
            headline: 'Intrusion',
          },
        ],
      }),
    );
    expect(xml.status).toBe(400);
    expect(json.status).toBe(400);
    const [xmlBody, jsonBody] = [await xml.json(), await json.json()];
    expect(xmlBody).toEqual(jsonBody);
    expect(xmlBody).toEqual({
      type: 'urn:vigie:problem:bad_request',
      title: 'Bad request',
      status: 400,
      instance: '/v1/alerts',
      error: 'bad_request',
      detail: 'invalid request',
      details: [{ field: 'info.0.urgency', problems: [expect.stringContaining('urgency must be one of')] }],
    });
    expect(service.submitted).toEqual([]);
  });

  it('answers CAP refusals with 400, their paths, and no trace of the server', async () => {
    for (const fixture of ['missing-required', 'wrong-namespace', 'entity-expansion', 'external-entity'] as const) {
      const response = await post('application/cap+xml', capFixture(fixture));
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body).toMatchObject({
        status: 400,
        error: 'bad_request',
        detail: expect.any(String),
        details: expect.any(Array),
      });
      expect(Object.keys(body).sort()).toEqual(['detail', 'details', 'error', 'instance', 'status', 'title', 'type']);
      expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|node_modules|root:/);
    }
    expect(service.submitted).toEqual([]);
  });

  it.each([
    ['text/plain', 'hello'],
    ['application/xml', capFixture('minimal')],
    ['application/x-www-form-urlencoded', 'status=Actual'],
    [undefined, ''],
  ])('answers 415 to a body of type %p', async (contentType, body) => {
    const response = await post(contentType, body);
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({
      status: 415,
      error: 'unsupported_media_type',
      detail: expect.stringMatching(/send application\/json or application\/cap\+xml$/),
    });
  });

  it('answers 413 to a CAP XML body over 256 KiB', async () => {
    const padding = `<note>${'x'.repeat(300 * 1024)}</note>`;
    const response = await post('application/cap+xml', capFixture('minimal').replace('<info>', `${padding}<info>`));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: 'payload_too_large' });
    expect(service.submitted).toEqual([]);
  });

  describe('GET /v1/alerts/:id', () => {
    beforeAll(async () => {
      expect((await post('application/json', JSON.stringify(fullJsonSubmission()))).status).toBe(201);
    });

    it('answers JSON by default, and when JSON is preferred or equal', async () => {
      for (const accept of [
        undefined,
        '*/*',
        'application/json',
        'application/*',
        'application/cap+xml;q=0.5, application/json',
      ]) {
        const response = await get(accept);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        expect(response.headers.get('vary')).toMatch(/Accept/);
        expect(((await response.json()) as { id: string }).id).toBe(ALERT_ID);
      }
    });

    it('answers CAP 1.2 XML when Accept prefers it, which reads back as the same alert', async () => {
      for (const accept of [
        'application/cap+xml',
        'application/cap+xml, application/json;q=0.9',
        'text/html, application/cap+xml',
      ]) {
        const response = await get(accept);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/cap+xml; charset=utf-8');
        expect(response.headers.get('vary')).toMatch(/Accept/);
        const xml = await response.text();
        expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
        const { submission } = parseCapXml(xml);
        expect(await validSubmission(submission)).toEqual(
          await validSubmission({ ...fullJsonSubmission(), occurredAt: '2026-11-28T00:12:00-00:00' }),
        );
      }
    });
  });

  it('documents both formats in OpenAPI, with a CAP XML example that is itself accepted', async () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const submit = document.paths['/v1/alerts'].post!;
    const content = (
      submit.requestBody as { content: Record<string, { examples: Record<string, { value: unknown }> }> }
    ).content;
    expect(Object.keys(content)).toEqual(['application/json', 'application/cap+xml']);
    expect(content['application/cap+xml'].examples.capXml.value).toBe(CAP_XML_EXAMPLE);
    expect(Object.keys(submit.responses)).toEqual(expect.arrayContaining(['201', '400', '413', '415']));
    const read = document.paths['/v1/alerts/{id}'].get!;
    expect(Object.keys((read.responses['200'] as { content: object }).content)).toEqual([
      'application/json',
      'application/cap+xml',
    ]);
    expect((await post('application/cap+xml', CAP_XML_EXAMPLE)).status).toBe(201);
  });

  it('documents both formats, with an example of each, on the update and cancel routes', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    for (const path of ['/v1/alerts/{id}/updates', '/v1/alerts/{id}/cancel']) {
      const operation = document.paths[path].post!;
      const content = (
        operation.requestBody as { content: Record<string, { examples: Record<string, { value: unknown }> }> }
      ).content;
      expect(Object.keys(content)).toEqual(['application/json', 'application/cap+xml']);
      expect(Object.keys(content['application/cap+xml'].examples)).toEqual(['json', 'capXml']);
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['201', '409', '415', '422']));
    }
  });

  it('documents a CAP Update and a CAP Cancel that read as such', async () => {
    const update = await readSubmission('application/cap+xml', CAP_XML_UPDATE_EXAMPLE);
    expect(update.input).toMatchObject({
      msgType: 'Update',
      references: ['centrale@gardiennage-rhone-alpes.example,GRA-2026-11-28-0042,2026-11-28T01:14:05+01:00'],
    });
    const { cancellation } = await readCancellation('application/cap+xml', CAP_XML_CANCEL_EXAMPLE);
    expect(cancellation).toMatchObject({ note: expect.stringContaining('Fausse alerte'), status: 'Actual' });
    expect(cancellation.references).toHaveLength(2);
  });
});
