import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { InvalidRequestError } from '@vigie/platform';
import { isValidIdempotencyKey } from './request-fingerprint';

/** The request's `Idempotency-Key` header, if any; a malformed one is a 400. */
export function idempotencyKeyOf(request: Request): string | undefined {
  const value = request.header('idempotency-key');
  if (value === undefined) return undefined;
  if (!isValidIdempotencyKey(value)) {
    throw new InvalidRequestError([
      { field: 'Idempotency-Key', problems: ['must be 1 to 200 visible ASCII characters'] },
    ]);
  }
  return value;
}

/** OpenAPI description of the header, and of the 422 it may cause. */
export const ApiIdempotencyKey = (): MethodDecorator =>
  applyDecorators(
    ApiUnprocessableEntityResponse({
      description: 'The Idempotency-Key was already used with another body (`idempotency_key_reused`).',
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes retries safe: the same key with the same body returns the alert already created (header ' +
        'Idempotent-Replayed: true); the same key with another body is refused with 422. Keys are per organisation.',
      example: 'alarm-centre-2026-11-28-000042',
    }),
  );
