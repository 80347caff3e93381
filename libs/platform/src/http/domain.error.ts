import { HttpStatus } from '@nestjs/common';
import type { FieldError } from './validation.pipe';

/** A refusal the caller can act on. The filter turns it into problem details (`error` is the code, `detail` the message). */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: HttpStatus,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('not_found', `${what} ${id} not found`, HttpStatus.NOT_FOUND);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('conflict', message, HttpStatus.CONFLICT, details);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('forbidden', message, HttpStatus.FORBIDDEN);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message: string) {
    super('unauthenticated', message, HttpStatus.UNAUTHORIZED);
  }
}

/** Input that passed the DTO but not the rules behind it; same shape as a DTO refusal. */
export class InvalidRequestError extends DomainError {
  constructor(details: FieldError[]) {
    super('bad_request', 'invalid request', HttpStatus.BAD_REQUEST, details);
  }
}
