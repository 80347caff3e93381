import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { isTransient } from '@vigie/messaging';
import { DomainError } from './domain.error';

export interface ErrorBody {
  error: string;
  message: string;
  details?: unknown;
}

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  503: 'unavailable',
};

/**
 * The JSON parser's error, as body-parser raises it or as Nest wraps it. Its own message quotes
 * positions and changes with the Node.js version, so it is not passed on.
 */
function isJsonParseFailure(exception: unknown): boolean {
  const parseFailed = (error: unknown): boolean => (error as { type?: unknown })?.type === 'entity.parse.failed';
  return parseFailed(exception) || parseFailed((exception as { cause?: unknown })?.cause);
}

/** Maps every error to a JSON body with a stable code. Stack traces stay in the logs. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(exception);
    if (status === 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (status === 503) {
      this.logger.warn(`unavailable: ${(exception as Error).message}`);
      response.setHeader('Retry-After', '5');
    }
    response.status(status).json(body);
  }

  private describe(exception: unknown): [number, ErrorBody] {
    if (exception instanceof DomainError) {
      return [exception.status, { error: exception.code, message: exception.message, details: exception.details }];
    }
    if (isJsonParseFailure(exception)) {
      return [HttpStatus.BAD_REQUEST, { error: 'bad_request', message: 'the request body is not valid JSON' }];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const fromBody = typeof response === 'object' && response !== null ? (response as Partial<ErrorBody>) : {};
      return [
        status,
        {
          error: CODES[status] ?? (status >= 500 ? 'internal' : 'error'),
          message: typeof fromBody.message === 'string' ? fromBody.message : exception.message,
          details:
            fromBody.details ?? (typeof response === 'object' && fromBody.message === undefined ? response : undefined),
        },
      ];
    }
    // Body-parser errors carry a status but are not HttpExceptions.
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return [status, { error: CODES[status] ?? 'bad_request', message: (exception as Error).message }];
    }
    // The database or the broker is out of reach: nothing was accepted, the client may retry.
    if (isTransient(exception)) {
      return [
        HttpStatus.SERVICE_UNAVAILABLE,
        { error: 'unavailable', message: 'temporarily unavailable; retry later' },
      ];
    }
    return [HttpStatus.INTERNAL_SERVER_ERROR, { error: 'internal', message: 'internal error' }];
  }
}
