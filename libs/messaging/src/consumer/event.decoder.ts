import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { contractSchemas, EnvelopeShape, type EventDefinition, type EventEnvelope } from '@vigie/contracts';
import { PoisonMessageError } from './failure.policy';

interface Validators {
  envelope: ValidateFunction<EventEnvelope<unknown>>;
  payload: ValidateFunction;
}

const compiled = new WeakMap<EventDefinition<object>, Validators>();

/**
 * The envelope's and the payload's validators of one event, compiled once from the contracts'
 * own JSON Schemas (derived from their class-validator decorators, as in docs/asyncapi.yaml):
 * a consumed event is checked by generated code, without building class instances. Fields a
 * contract does not know are removed (a tolerant reader).
 */
function validatorsOf(definition: EventDefinition<object>): Validators {
  const cached = compiled.get(definition);
  if (cached) return cached;
  const ajv = new Ajv({ strict: false, allErrors: true, removeAdditional: 'all' });
  addFormats(ajv);
  ajv.addSchema({ $id: 'vigie', components: { schemas: contractSchemas([definition]) } });
  const validators = {
    envelope: ajv.compile<EventEnvelope<unknown>>({ $ref: `vigie#/components/schemas/${EnvelopeShape.name}` }),
    payload: ajv.compile({ $ref: `vigie#/components/schemas/${definition.payload.name}` }),
  };
  compiled.set(definition, validators);
  return validators;
}

/** Each error as `path: problem`, the path in dotted form (`apiKeys.0.secretHash`). */
function describe(errors: ErrorObject[] | null | undefined): string[] {
  const lines = (errors ?? [])
    // anyOf wrappers (an optional field may be null) repeat what their branches said.
    .filter((error) => error.keyword !== 'anyOf' && !(error.keyword === 'type' && error.params.type === 'null'))
    .map((error) => {
      const path = [
        ...error.instancePath.split('/').slice(1),
        ...(error.keyword === 'required' ? [String(error.params.missingProperty)] : []),
      ].join('.');
      return `${path}: ${error.keyword === 'required' ? 'is missing' : error.message}`;
    });
  return [...new Set(lines)];
}

/**
 * Turns a consumed value into a validated envelope of the expected event, or throws
 * PoisonMessageError saying why.
 */
export function decodeEvent<P extends object>(definition: EventDefinition<P>, value: unknown): EventEnvelope<P> {
  let raw = value;
  if (typeof raw === 'string' || Buffer.isBuffer(raw)) {
    try {
      raw = JSON.parse(raw.toString());
    } catch {
      throw new PoisonMessageError('value is not JSON');
    }
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new PoisonMessageError('value is not a JSON object');
  }
  const validators = validatorsOf(definition);
  if (!validators.envelope(raw)) {
    throw new PoisonMessageError('invalid envelope', describe(validators.envelope.errors));
  }
  const envelope = raw;
  if (envelope.type !== definition.type || envelope.version !== definition.version) {
    throw new PoisonMessageError(
      `unexpected event ${envelope.type} v${envelope.version} on a topic of ${definition.type} v${definition.version}`,
    );
  }
  if (!validators.payload(envelope.payload)) {
    throw new PoisonMessageError(
      `invalid ${definition.type} v${definition.version} payload`,
      describe(validators.payload.errors),
    );
  }
  return { ...envelope, causationId: envelope.causationId ?? null, payload: envelope.payload as P };
}
