import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document } from 'yaml';
import {
  AlertAcknowledgedV1,
  AlertCancelledV1,
  AlertRoutedV1,
  AlertSubmittedV1,
  AlertUpdatedV1,
  AuditReadV1,
  BroadcastAcknowledgedV1,
  BroadcastRoutedV1,
  COMPACTED_TOPICS,
  DeliveryDeadV1,
  PartnerChangedV1,
  Topics,
  deadLetterTopicOf,
  type EventDefinition,
  type Topic,
  contractSchemas,
  envelopeSchema,
  type JsonSchema,
} from '@vigie/contracts';
import { TOPIC_RETENTION_DEFAULT_SECONDS } from '@vigie/messaging';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER } from '@vigie/observability';
import { repoRoot } from '../libs/testing/src/repo-root';

/** The four services, by their Kafka client id and default consumer group. */
export type Service = 'partner-registry' | 'alert-ingestion' | 'prefect-routing' | 'notification';

export interface EventDocumentation {
  definition: EventDefinition<object>;
  /** What the message key is: the aggregate whose events stay in order on one partition. */
  key: string;
  producer: Service;
  /** The services whose consumer group reads the topic (checked against the code by test/asyncapi.spec.ts). */
  consumers: Service[];
  summary: string;
}

/** One entry per topic; the record type makes a topic without an entry a compile error. */
export const EVENTS: Record<Topic, EventDocumentation> = {
  [Topics.AlertSubmittedV1]: {
    definition: AlertSubmittedV1,
    key: 'The alert id (an original alert is its own chain).',
    producer: 'alert-ingestion',
    consumers: ['prefect-routing'],
    summary: 'An organisation submitted an alert; ingestion validated and stored it.',
  },
  [Topics.AlertUpdatedV1]: {
    definition: AlertUpdatedV1,
    key: "The original alert's id, so that a chain stays in order on one partition.",
    producer: 'alert-ingestion',
    consumers: ['prefect-routing'],
    summary: 'A CAP Update in an alert chain, referencing the earlier messages.',
  },
  [Topics.AlertCancelledV1]: {
    definition: AlertCancelledV1,
    key: "The original alert's id, so that a chain stays in order on one partition.",
    producer: 'alert-ingestion',
    consumers: ['prefect-routing'],
    summary: 'A CAP Cancel in an alert chain, referencing the earlier messages.',
  },
  [Topics.AlertRoutedV1]: {
    definition: AlertRoutedV1,
    key: "The original alert's id: an alert, its updates and its cancellation stay in order.",
    producer: 'prefect-routing',
    consumers: ['alert-ingestion', 'notification'],
    summary: 'Routing decided who receives an alert, and why each recipient does.',
  },
  [Topics.AlertAcknowledgedV1]: {
    definition: AlertAcknowledgedV1,
    key: 'The alert id.',
    producer: 'notification',
    consumers: [],
    summary: 'A recipient organisation took an alert in hand (once per alert and organisation).',
  },
  [Topics.BroadcastRoutedV1]: {
    definition: BroadcastRoutedV1,
    key: 'The broadcast id.',
    producer: 'prefect-routing',
    consumers: ['notification'],
    summary: 'Routing decided who receives a broadcast from a prefecture or the national level.',
  },
  [Topics.BroadcastAcknowledgedV1]: {
    definition: BroadcastAcknowledgedV1,
    key: 'The broadcast id.',
    producer: 'notification',
    consumers: [],
    summary: 'A recipient organisation acknowledged a broadcast (once per broadcast and organisation).',
  },
  [Topics.DeliveryDeadV1]: {
    definition: DeliveryDeadV1,
    key: 'The delivery id.',
    producer: 'notification',
    consumers: [],
    summary: 'Notification gave up on a delivery (attempts exhausted, endpoint gone, recipient unable).',
  },
  [Topics.PartnerChangedV1]: {
    definition: PartnerChangedV1,
    key: 'The organisation id: the topic is compacted, the latest state per organisation is kept.',
    producer: 'partner-registry',
    consumers: ['alert-ingestion', 'prefect-routing', 'notification'],
    summary: 'The full current state of an organisation (event-carried state transfer).',
  },
  [Topics.AuditReadV1]: {
    definition: AuditReadV1,
    key: "The original alert's id.",
    producer: 'alert-ingestion',
    consumers: ['partner-registry'],
    summary:
      'Someone read the content of an alert (who, which key or person, when); the registry writes it into the audit trail.',
  },
};

/** The headers the outbox relay adds to every event (libs/messaging outbox.relay.ts). */
export const EVENT_TYPE_HEADER = 'vigie-event-type';
/** The headers a consumer sets on a dead-lettered message (libs/messaging event.consumer.ts). */
export const DEAD_LETTER_HEADERS: Record<string, string> = {
  'vigie-dlq-reason': 'Why the message could not be handled (at most 4000 characters).',
  'vigie-dlq-topic': 'The topic the message was read from.',
  'vigie-dlq-partition': 'Its partition there.',
  'vigie-dlq-offset': 'Its offset there.',
  'vigie-dlq-consumer': 'The consumer group that gave up on it.',
  'vigie-dlq-at': 'When, as an ISO 8601 date-time.',
};

const DEFAULT_RETENTION_MS = TOPIC_RETENTION_DEFAULT_SECONDS * 1000;
const RETENTION = 'Kept for KAFKA_TOPIC_RETENTION_SECONDS (7 days by default), set by the services.';

const pascal = (topic: Topic) => Object.entries(Topics).find(([, value]) => value === topic)![0];
const camel = (text: string) => text[0].toLowerCase() + text.slice(1);
const camelService = (service: Service) => service.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
const ref = (path: string) => ({ $ref: `#/${path}` });

function eventHeaders(): JsonSchema {
  return {
    type: 'object',
    properties: {
      [EVENT_TYPE_HEADER]: {
        type: 'string',
        description: "The envelope's `type`, readable without parsing the value.",
      },
      [CORRELATION_ID_HEADER]: {
        type: 'string',
        format: 'uuid',
        description: "The envelope's `correlationId`: the alert (or chain) the work is about.",
      },
      [REQUEST_ID_HEADER]: {
        type: 'string',
        description: 'The id of the HTTP request that started the work, when there was one.',
      },
      traceparent: {
        type: 'string',
        description: 'W3C Trace Context of the publishing span, when tracing is on (OTEL_EXPORTER_OTLP_ENDPOINT).',
      },
      tracestate: { type: 'string', description: 'W3C Trace Context vendor state, when there is any.' },
    },
    required: [EVENT_TYPE_HEADER, CORRELATION_ID_HEADER],
    additionalProperties: { type: 'string' },
  };
}

function deadLetterHeaders(): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(
      Object.entries(DEAD_LETTER_HEADERS).map(([name, description]) => [name, { type: 'string', description }]),
    ),
    required: Object.keys(DEAD_LETTER_HEADERS),
  };
}

function topicBinding(topic: string, compacted: boolean): JsonSchema {
  return {
    kafka: {
      topic,
      topicConfiguration: compacted
        ? { 'cleanup.policy': ['compact'] }
        : { 'cleanup.policy': ['delete'], 'retention.ms': DEFAULT_RETENTION_MS },
      bindingVersion: '0.5.0',
    },
  };
}

/** The AsyncAPI 3.0 document of every topic Vigie creates (allTopics()). */
export function asyncApiDocument(): JsonSchema {
  const version = (JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  const channels: JsonSchema = {};
  const operations: JsonSchema = {};
  const messages: JsonSchema = {};
  const schemas: JsonSchema = { ...contractSchemas(Object.values(EVENTS).map((event) => event.definition)) };
  schemas.EventHeaders = eventHeaders();
  schemas.DeadLetterHeaders = deadLetterHeaders();

  for (const [topic, event] of Object.entries(EVENTS) as Array<[Topic, EventDocumentation]>) {
    const name = pascal(topic);
    const { definition } = event;
    const key = { type: 'string', format: 'uuid', description: event.key };
    const retention = COMPACTED_TOPICS.includes(topic)
      ? 'Compacted: Kafka keeps the latest message of each key.'
      : RETENTION;
    schemas[`${name}Event`] = envelopeSchema(definition);
    messages[name] = {
      name: definition.type,
      title: `${definition.type} v${definition.version}`,
      summary: event.summary,
      contentType: 'application/json',
      headers: ref('components/schemas/EventHeaders'),
      payload: ref(`components/schemas/${name}Event`),
      bindings: { kafka: { key, bindingVersion: '0.5.0' } },
    };
    messages[`${name}DeadLetter`] = {
      name: `${definition.type}.dead-lettered`,
      title: `${definition.type} v${definition.version}, dead-lettered`,
      summary: `A message of ${topic} that a consumer could not handle (invalid, or failing after its retries).`,
      headers: ref('components/schemas/DeadLetterHeaders'),
      payload: {
        description: 'The original value, byte for byte: it may not be a valid event, which is why it is here.',
      },
      bindings: {
        kafka: { key: { type: 'string', description: `The original key. ${event.key}` }, bindingVersion: '0.5.0' },
      },
    };
    channels[camel(name)] = {
      address: topic,
      title: topic,
      description: `${event.summary} ${retention}`,
      messages: { [name]: ref(`components/messages/${name}`) },
      bindings: topicBinding(topic, COMPACTED_TOPICS.includes(topic)),
    };
    channels[`${camel(name)}Dlq`] = {
      address: deadLetterTopicOf(topic),
      title: deadLetterTopicOf(topic),
      description: `Dead-letter twin of ${topic}, written by its consumers, read by operators. ${RETENTION}`,
      messages: { [`${name}DeadLetter`]: ref(`components/messages/${name}DeadLetter`) },
      bindings: topicBinding(deadLetterTopicOf(topic), false),
    };
    operations[`${camelService(event.producer)}Sends${name}`] = {
      action: 'send',
      title: `${event.producer} publishes ${definition.type} (through its outbox)`,
      channel: ref(`channels/${camel(name)}`),
      messages: [ref(`channels/${camel(name)}/messages/${name}`)],
    };
    for (const consumer of event.consumers) {
      operations[`${camelService(consumer)}Receives${name}`] = {
        action: 'receive',
        title: `${consumer} consumes ${definition.type}`,
        channel: ref(`channels/${camel(name)}`),
        messages: [ref(`channels/${camel(name)}/messages/${name}`)],
        bindings: { kafka: { groupId: { type: 'string', default: consumer }, bindingVersion: '0.5.0' } },
      };
      operations[`${camelService(consumer)}DeadLetters${name}`] = {
        action: 'send',
        title: `${consumer} dead-letters the ${definition.type} messages it cannot handle`,
        channel: ref(`channels/${camel(name)}Dlq`),
        messages: [ref(`channels/${camel(name)}Dlq/messages/${name}DeadLetter`)],
      };
    }
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Vigie events',
      version,
      description: [
        'Every Kafka topic the Vigie services create at start-up, and its dead-letter twin.',
        'Each message value is a JSON envelope (id, type, version, occurredAt, producer, correlationId,',
        'causationId, payload). A published shape never changes: a new shape is a new `.vN` topic',
        '(docs/event-versioning.md). Generated from libs/contracts by scripts/asyncapi.ts.',
      ].join(' '),
      license: { name: 'EUPL-1.2' },
    },
    defaultContentType: 'application/json',
    servers: {
      kafka: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'The brokers given to every service in KAFKA_BROKERS (kafka:9092 in docker-compose.yml).',
      },
    },
    channels,
    operations,
    components: { messages, schemas },
  };
}

const HEADER = ' Generated by scripts/asyncapi.ts from libs/contracts: do not edit, run `npm run asyncapi`.';

export function renderAsyncApi(): string {
  const document = new Document(asyncApiDocument(), { aliasDuplicateObjects: false });
  document.commentBefore = HEADER;
  return document.toString({ lineWidth: 0 });
}

export const ASYNCAPI_PATH = join('docs', 'asyncapi.yaml');

/** Writes docs/asyncapi.yaml; with --check, fails when the file differs from the contracts. */
function main(): void {
  const path = join(repoRoot(), ASYNCAPI_PATH);
  const rendered = renderAsyncApi();
  if (process.argv.includes('--check')) {
    const current = readFileSync(path, 'utf8');
    if (current !== rendered) {
      console.error(`${ASYNCAPI_PATH} is stale: the event contracts changed. Run \`npm run asyncapi\` and commit it.`);
      process.exit(1);
    }
    console.log(`${ASYNCAPI_PATH} matches the event contracts`);
    return;
  }
  writeFileSync(path, rendered);
  console.log(`wrote ${ASYNCAPI_PATH}`);
}

if (require.main === module) main();
