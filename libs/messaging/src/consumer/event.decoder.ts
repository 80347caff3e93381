import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { EnvelopeShape, type EventDefinition, type EventEnvelope } from '@vigie/contracts';
import { PoisonMessageError } from './failure.policy';

function describe(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) => `${path}: ${text}`);
    return [...own, ...describe(error.children ?? [], path)];
  });
}

/**
 * Turns a consumed value into a validated envelope of the expected event, or throws
 * PoisonMessageError saying why. The payload is validated by its contract class and unknown
 * fields are stripped (a tolerant reader). Contracts use no asynchronous constraint, so validation
 * runs synchronously, which spares a promise per constraint on the hot path.
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
  const envelope = plainToInstance(EnvelopeShape, raw);
  const envelopeErrors = validateSync(envelope);
  if (envelopeErrors.length > 0) {
    throw new PoisonMessageError('invalid envelope', describe(envelopeErrors));
  }
  if (envelope.type !== definition.type || envelope.version !== definition.version) {
    throw new PoisonMessageError(
      `unexpected event ${envelope.type} v${envelope.version} on a topic of ${definition.type} v${definition.version}`,
    );
  }
  const payload = plainToInstance(definition.payload, envelope.payload);
  const payloadErrors = validateSync(payload, { whitelist: true });
  if (payloadErrors.length > 0) {
    throw new PoisonMessageError(`invalid ${definition.type} v${definition.version} payload`, describe(payloadErrors));
  }
  return { ...envelope, causationId: envelope.causationId ?? null, payload };
}
