// docs/asyncapi.yaml: current with libs/contracts, a valid AsyncAPI 3.0 document, about the
// topics the services really create, and with payload schemas that agree with the validation
// the consumers run (class-validator through decodeEvent).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import {
  AcknowledgementChannel,
  OrganisationKind,
  OrganisationStatus,
  Tlp,
  allTopics,
  createEnvelope,
  type EventDefinition,
} from '@vigie/contracts';
import { decodeEvent } from '@vigie/messaging';
import { alertSnapshot } from '@vigie/testing';
import { ASYNCAPI_PATH, DEAD_LETTER_HEADERS, EVENTS, EVENT_TYPE_HEADER, renderAsyncApi } from '../scripts/asyncapi';

const ROOT = join(__dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const text = read(ASYNCAPI_PATH);
const document = parse(text) as {
  channels: Record<string, { address: string }>;
  components: { schemas: Record<string, object> };
};

function sourcesOf(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(join(ROOT, path)).isDirectory()) return sourcesOf(path);
    return /(?<!\.spec)\.ts$/.test(entry) ? [path] : [];
  });
}

describe('docs/asyncapi.yaml', () => {
  it('is what scripts/asyncapi.ts generates from the contracts today (npm run asyncapi)', () => {
    expect(text).toBe(renderAsyncApi());
  });

  it('is a valid AsyncAPI 3.0 document for @asyncapi/parser', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(text);
    const errors = diagnostics.filter((diagnostic) => Number(diagnostic.severity) === Number(DiagnosticSeverity.Error));
    expect(errors.map((error) => `${error.path.join('.')}: ${error.message}`)).toEqual([]);
    expect(parsed?.version()).toBe('3.0.0');
    expect(parsed?.channels().length).toBe(allTopics().length);
  });

  it('describes exactly the topics the services create, dead-letter twins included', () => {
    expect(
      Object.values(document.channels)
        .map((channel) => channel.address)
        .sort(),
    ).toEqual(allTopics().sort());
  });

  it('names the consumers the code has (@Consumes in each service, the partner directory)', () => {
    const consumed = new Map<string, Set<string>>();
    for (const service of ['partner-registry', 'alert-ingestion', 'prefect-routing', 'notification']) {
      for (const path of sourcesOf(join('apps', service, 'src'))) {
        const source = read(path);
        const names = [...source.matchAll(/@Consumes\((\w+)[,)]/g)].map((match) => match[1]);
        if (/PartnerDirectoryModule\./.test(source)) names.push('PartnerChangedV1');
        for (const name of names) consumed.set(name, (consumed.get(name) ?? new Set()).add(service));
      }
    }
    for (const event of Object.values(EVENTS)) {
      const constant = definitionName(event.definition);
      expect([constant, [...(consumed.get(constant) ?? [])].sort()]).toEqual([constant, [...event.consumers].sort()]);
    }
  });

  it('names a producer whose code publishes the event through its outbox', () => {
    for (const event of Object.values(EVENTS)) {
      const constant = definitionName(event.definition);
      const sources = sourcesOf(join('apps', event.producer, 'src')).map(read);
      expect([constant, sources.some((source) => source.includes(constant) && /\boutbox\b/i.test(source))]).toEqual([
        constant,
        true,
      ]);
    }
  });

  it('documents the headers the relay and the dead-letter path really write', () => {
    expect(read('libs/messaging/src/outbox/outbox.relay.ts')).toContain(`'${EVENT_TYPE_HEADER}'`);
    const consumer = read('libs/messaging/src/consumer/event.consumer.ts');
    const written = [...consumer.matchAll(/'(vigie-dlq-[a-z-]+)'/g)].map((match) => match[1]);
    expect(written.sort()).toEqual(Object.keys(DEAD_LETTER_HEADERS).sort());
  });
});

/** The exported constant name of a definition (AlertSubmittedV1 for alert.submitted v1). */
function definitionName(definition: EventDefinition<object>): string {
  return (
    definition.type.replace(/(^|\.)(\w)/g, (_, _dot: string, letter: string) => letter.toUpperCase()) +
    `V${definition.version}`
  );
}

describe('the payload schemas agree with the consumers’ validation', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'vigie', components: document.components });
  const uuid = (n: number) => `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`;

  const alert = alertSnapshot(uuid(2), { alertId: uuid(1) });
  const samples: Array<[string, object]> = [
    ['alert.submitted.v1', { alert }],
    [
      'alert.submitted.v1',
      { alert: { ...alert, note: null, siteId: null, location: { ...alert.location, commune: null } } },
    ],
    [
      'alert.routed.v1',
      {
        alert,
        decisionId: uuid(3),
        routedAt: '2026-12-04T07:00:01.000Z',
        recipients: [{ organisationId: uuid(4), rule: 'r', reason: 'why' }],
      },
    ],
    [
      'alert.acknowledged.v1',
      {
        alertId: uuid(1),
        originalAlertId: uuid(1),
        senderOrganisationId: uuid(2),
        organisationId: uuid(4),
        channel: AcknowledgementChannel.Email,
        referentId: uuid(5),
        acknowledgedAt: '2026-12-04T07:10:00.000Z',
      },
    ],
    [
      'broadcast.acknowledged.v1',
      {
        broadcastId: uuid(6),
        senderOrganisationId: uuid(2),
        organisationId: uuid(4),
        apiKeyId: uuid(7),
        personId: uuid(8),
        acknowledgedAt: '2026-12-04T07:20:00.000Z',
      },
    ],
    [
      'audit.read.v1',
      {
        read: 'alert-chain',
        alertId: uuid(1),
        originalAlertId: uuid(1),
        senderOrganisationId: uuid(2),
        tlp: Tlp.Red,
        department: '69',
        messages: 2,
        readerOrganisationId: uuid(4),
        keyId: uuid(7),
        personId: uuid(8),
        readAt: '2026-12-04T07:30:00.000Z',
      },
    ],
    [
      'audit.read.v1',
      {
        read: 'alert',
        alertId: uuid(1),
        originalAlertId: uuid(1),
        senderOrganisationId: uuid(2),
        tlp: Tlp.Amber,
        department: '2A',
        messages: 1,
        keyId: uuid(7),
        readAt: '2026-12-04T07:30:00.000Z',
      },
    ],
    [
      'partner.changed.v1',
      {
        organisationId: uuid(2),
        revision: 3,
        kind: OrganisationKind.Prefecture,
        name: 'Préfecture du Rhône',
        status: OrganisationStatus.Active,
        departments: ['69'],
        sector: null,
        apiKeys: [],
        conventions: [],
        subscriptions: [],
      },
    ],
  ];
  const broken: Array<[string, (payload: Record<string, unknown>) => Record<string, unknown>]> = [
    ['a missing required field', ({ alert: given }) => ({ alert: { ...(given as object), tlp: undefined } })],
    ['a value outside its enumeration', ({ alert: given }) => ({ alert: { ...(given as object), status: 'Rumour' } })],
    ['a malformed id', ({ alert: given }) => ({ alert: { ...(given as object), alertId: 'not-a-uuid' } })],
    ['an empty info list', ({ alert: given }) => ({ alert: { ...(given as object), info: [] } })],
    ['a bad département', ({ alert: given }) => ({ alert: { ...(given as object), location: { department: '20' } } })],
  ];

  const eventOf = (address: string) => Object.entries(EVENTS).find(([topic]) => topic === address)![1];
  const schemaOf = (address: string) => {
    const name = Object.entries(document.channels).find(([, channel]) => channel.address === address)![0];
    const validate = ajv.getSchema(`vigie#/components/schemas/${name[0].toUpperCase()}${name.slice(1)}Event`);
    if (!validate) throw new Error(`no event schema for ${address}`);
    return validate;
  };
  const envelope = (address: string, payload: object) =>
    JSON.parse(JSON.stringify(createEnvelope(eventOf(address).definition, payload, { producer: 'test' }))) as object;

  it.each(samples.map(([address, payload], index) => [index, address, payload] as const))(
    'sample %i of %s: valid for both',
    (_index, address, payload) => {
      const value = envelope(address, payload);
      expect(() => decodeEvent(eventOf(address).definition, JSON.stringify(value))).not.toThrow();
      const validate = schemaOf(address);
      expect([validate(value), validate.errors ?? []]).toEqual([true, []]);
    },
  );

  it.each(broken)('an alert with %s: refused by both', (_what, breakIt) => {
    const value = envelope('alert.submitted.v1', breakIt({ alert }));
    expect(() => decodeEvent(eventOf('alert.submitted.v1').definition, JSON.stringify(value))).toThrow();
    expect(schemaOf('alert.submitted.v1')(value)).toBe(false);
  });

  it('refuses an envelope of another type on the topic, like the decoder', () => {
    const value = { ...envelope('alert.submitted.v1', { alert }), type: 'alert.updated' };
    expect(() => decodeEvent(eventOf('alert.submitted.v1').definition, JSON.stringify(value))).toThrow();
    expect(schemaOf('alert.submitted.v1')(value)).toBe(false);
  });

  it('covers every event schema the channels name', () => {
    for (const address of Object.keys(EVENTS)) expect(typeof schemaOf(address)).toBe('function');
  });
});
