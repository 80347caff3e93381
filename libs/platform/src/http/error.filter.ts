import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isTransient } from '@vigie/messaging';
import { DomainError } from './domain.error';

/** The media type of every error answer (RFC 9457). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
/** A problem type is this prefix and the stable code: an identifier, not a page to fetch (RFC 9457 §3.1.1). */
export const PROBLEM_TYPE_PREFIX = 'urn:vigie:problem:';

/**
 * Every error any service answers, as RFC 9457 problem details. `error` (the stable code, also
 * the last part of `type`) and `details` (per-field problems, or per-dependency states for
 * readiness) are extension members.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The path that was called. */
  instance?: string;
  error: string;
  details?: unknown;
}

/** The code of an error answer that has no more specific one. */
export const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  410: 'gone',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  423: 'locked',
  429: 'too_many_requests',
  503: 'unavailable',
};

/** `idempotency_key_reused` → `Idempotency key reused`: one title per problem type, never per occurrence. */
export function problemTitle(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The problem for a status, a stable code and what happened. */
export function problem(status: number, code: string, detail: string, details?: unknown): Problem {
  return {
    type: `${PROBLEM_TYPE_PREFIX}${code}`,
    title: problemTitle(code),
    status,
    detail,
    error: code,
    ...(details === undefined ? {} : { details }),
  };
}

/** Writes a problem as `application/problem+json`; for the few answers written outside the filter too. */
export function sendProblem(response: Response, body: Problem): void {
  response.status(body.status).type(PROBLEM_MEDIA_TYPE).send(JSON.stringify(body));
}

/**
 * The JSON parser's error, as body-parser raises it or as Nest wraps it. Its own message quotes
 * positions and changes with the Node.js version, so it is not passed on.
 */
function isJsonParseFailure(exception: unknown): boolean {
  const parseFailed = (error: unknown): boolean => (error as { type?: unknown })?.type === 'entity.parse.failed';
  return parseFailed(exception) || parseFailed((exception as { cause?: unknown })?.cause);
}

/** Maps every error to problem details with a stable code. Stack traces stay in the logs. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const body = this.describe(exception);
    // Express's own "Cannot GET /path?query" would echo the query string, tokens included.
    if (body.status === 404 && exception instanceof HttpException && /^Cannot [A-Z]+ /.test(body.detail)) {
      body.detail = `no route ${request.method} ${request.path}`;
    }
    if (body.status === 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (body.status === 503) {
      this.logger.warn(`unavailable: ${(exception as Error).message}`);
      response.setHeader('Retry-After', '5');
    }
    // A stream already under way cannot change its status any more.
    if (response.headersSent) return void response.end();
    sendProblem(response, { ...body, instance: request.originalUrl?.split('?')[0] });
  }

  private describe(exception: unknown): Problem {
    if (exception instanceof DomainError) {
      return problem(exception.status, exception.code, exception.message, exception.details);
    }
    if (isJsonParseFailure(exception)) {
      return problem(HttpStatus.BAD_REQUEST, 'bad_request', 'the request body is not valid JSON');
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const fromBody =
        typeof response === 'object' && response !== null ? (response as { message?: unknown; details?: unknown }) : {};
      return problem(
        status,
        STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'error'),
        typeof fromBody.message === 'string'
          ? fromBody.message
          : status === 503
            ? 'not ready: a dependency is down (see details)'
            : exception.message,
        fromBody.details ?? (typeof response === 'object' && fromBody.message === undefined ? response : undefined),
      );
    }
    // Body-parser errors carry a status but are not HttpExceptions.
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return problem(status, STATUS_CODES[status] ?? 'bad_request', (exception as Error).message);
    }
    // The database or the broker is out of reach: nothing was accepted, the client may retry.
    if (isTransient(exception)) {
      return problem(HttpStatus.SERVICE_UNAVAILABLE, 'unavailable', 'temporarily unavailable; retry later');
    }
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, 'internal', 'internal error');
  }
}
