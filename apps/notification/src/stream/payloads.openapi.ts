import type { PathItemObject, SchemaObject } from '@nestjs/swagger';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { AlertSnapshot, BroadcastSnapshot } from '@vigie/contracts';

/**
 * What a partner receives, on its webhooks and on its live stream, described for the API
 * description's top-level `webhooks`. The alert and broadcast schemas are derived from the
 * validated event classes themselves (class-validator metadata), so they cannot drift from what
 * is sent.
 */
const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` }) as SchemaObject;

/** The event classes' schemas, and the ones they reach. */
function contractSchemas(): Record<string, SchemaObject> {
  const derived = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
  });
  // An ISO 8601 field is "a date or a date-time": either may match, so anyOf, not oneOf.
  const all = JSON.parse(JSON.stringify(derived).replaceAll('"oneOf":', '"anyOf":')) as Record<string, SchemaObject>;
  const kept: Record<string, SchemaObject> = {};
  const keep = (name: string): void => {
    if (kept[name] || !all[name]) return;
    kept[name] = all[name];
    for (const [, target] of JSON.stringify(all[name]).matchAll(/"#\/components\/schemas\/(\w+)"/g)) keep(target);
  };
  [AlertSnapshot.name, BroadcastSnapshot.name].forEach(keep);
  return kept;
}

const recipient: SchemaObject = {
  type: 'object',
  description: "Why this organisation receives it: its own rule and reason, never another recipient's",
  required: ['organisationId', 'rule', 'reason'],
  properties: {
    organisationId: { type: 'string', format: 'uuid' },
    rule: { type: 'string', example: 'competent-prefecture' },
    reason: { type: 'string', example: 'Préfecture du Rhône is competent for département 69 (Lyon)' },
  },
};

const deliveryId: SchemaObject = {
  type: 'string',
  format: 'uuid',
  description: 'Webhooks only: the delivery, the same on every retry (deduplicate on it)',
};

function message(type: string, content: Record<string, SchemaObject>, description: string): SchemaObject {
  return {
    type: 'object',
    description,
    required: ['type', ...Object.keys(content), 'recipient'],
    properties: { type: { type: 'string', enum: [type] }, deliveryId, ...content, recipient },
  };
}

const routedAt: SchemaObject = { type: 'string', format: 'date-time' };

export const payloadSchemas = (): Record<string, SchemaObject> => ({
  ...contractSchemas(),
  AlertRoutedMessage: message(
    'alert.routed',
    { alert: ref('AlertSnapshot'), routedAt },
    'An alert (new, update or cancellation) routed to the organisation',
  ),
  AlertEscalatedMessage: message(
    'alert.escalated',
    {
      alert: ref('AlertSnapshot'),
      escalation: {
        type: 'object',
        required: ['step', 'reason', 'escalatedAt'],
        properties: {
          step: { type: 'string', enum: ['deputy', 'national'] },
          reason: { type: 'string' },
          escalatedAt: { type: 'string', format: 'date-time' },
        },
      },
    },
    'Nobody acknowledged an Extreme or Severe alert in time: it goes up a step',
  ),
  BroadcastRoutedMessage: message(
    'broadcast.routed',
    { broadcast: ref('BroadcastSnapshot'), routedAt },
    'A message from a prefecture or the national level to its partners',
  ),
});

const header = (name: string, description: string, schema: SchemaObject = { type: 'string' }) => ({
  name,
  in: 'header' as const,
  required: true,
  description,
  schema,
});

const deprecated = <P extends object>(parameter: P): P & { deprecated: true } => ({ ...parameter, deprecated: true });

function webhook(schema: string, summary: string): PathItemObject {
  return {
    post: {
      summary,
      operationId: `webhook${schema.replace(/Message$/, '')}`,
      description:
        'Sent by Vigie to each active webhook of a recipient organisation, signed per Standard Webhooks ' +
        "(verify `webhook-signature` over the raw body with the endpoint's `whsec_` secret, e.g. with the " +
        '`standardwebhooks` library, before trusting it). The same JSON (without `deliveryId`) is the `data` of ' +
        'the live stream event of the same name (GET /v1/stream). The `Vigie-*` headers are deprecated and ' +
        'sent until 30 June 2027.',
      tags: ['webhooks'],
      security: [],
      parameters: [
        header('webhook-id', 'The delivery id: the same on every retry and redelivery (deduplicate on it)'),
        header('webhook-timestamp', 'Unix seconds when the attempt was signed', { type: 'string', pattern: '^\\d+$' }),
        header(
          'webhook-signature',
          'Space-separated `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>">`, one per valid secret (two during a rotation\'s overlap)',
          { type: 'string', pattern: '^v1,[A-Za-z0-9+/]+={0,2}( v1,[A-Za-z0-9+/]+={0,2})*$' },
        ),
        header('Idempotency-Key', 'The delivery id again, for receivers that deduplicate on this name'),
        deprecated(
          header('Vigie-Delivery-Id', 'Deprecated: the delivery id (= webhook-id)', { type: 'string', format: 'uuid' }),
        ),
        deprecated(header('Vigie-Timestamp', 'Deprecated: = webhook-timestamp', { type: 'string', pattern: '^\\d+$' })),
        deprecated(
          header(
            'Vigie-Signature',
            'Deprecated: `v1=` and the hex HMAC-SHA256 of `<Vigie-Timestamp>.<raw body>` keyed with the secret as issued, one per valid secret, comma-separated',
            { type: 'string', pattern: '^v1=[0-9a-f]{64}(,v1=[0-9a-f]{64})*$' },
          ),
        ),
      ],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { allOf: [ref(schema), { required: ['deliveryId'] }] } } },
      },
      responses: {
        '200': { description: 'Received (any 2xx): the delivery is done' },
        '410': { description: 'This endpoint is retired: the delivery stops and the webhook is disabled' },
        '500': { description: 'Any other answer, or none within the timeout: retried with backoff' },
      },
    },
  };
}

export const WEBHOOKS: Record<string, PathItemObject> = {
  'alert.routed': webhook('AlertRoutedMessage', 'An alert routed to the organisation'),
  'alert.escalated': webhook('AlertEscalatedMessage', 'An unacknowledged alert escalated'),
  'broadcast.routed': webhook('BroadcastRoutedMessage', 'A broadcast to the organisation'),
};
