import { HttpStatus } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from './domain.error';

/** The largest body a service reads (the CAP XML limit is the same); beyond it, 413. */
export const BODY_LIMIT = '256kb';
/** Objects and arrays nested deeper are refused before any validation walks them. */
export const MAX_JSON_DEPTH = 32;
const JSON_MEDIA_TYPE = 'application/json';
/** Keys that only serve to reach an object's prototype. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const NUL = 'NUL characters are not accepted';

/**
 * The first problem of a parsed JSON body: nested deeper than `maxDepth`, a key that reaches a
 * prototype, or a NUL character (no text column can store one). The walk stops at the depth
 * limit, so it never recurses deeper than it.
 */
export function parsedBodyProblem(value: unknown, maxDepth = MAX_JSON_DEPTH, depth = 1): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? NUL : null;
  if (typeof value !== 'object' || value === null) return null;
  if (depth > maxDepth) return `JSON nested deeper than ${maxDepth} levels`;
  for (const [key, child] of Object.entries(value)) {
    if (!Array.isArray(value) && PROTOTYPE_KEYS.has(key)) return `the key "${key}" is not accepted`;
    const problem = parsedBodyProblem(key, maxDepth) ?? parsedBodyProblem(child, maxDepth, depth + 1);
    if (problem) return problem;
  }
  return null;
}

/** True when the request carries a body (an empty one does not count). */
export function carriesBody(headers: Record<string, string | string[] | undefined>): boolean {
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length']) > 0;
}

/** A body in a media type no parser of the service takes. */
export class UnsupportedBodyError extends DomainError {
  constructor(received: string | undefined, accepted: readonly string[]) {
    super(
      'unsupported_media_type',
      `${received ? `Content-Type ${received} is not accepted` : 'Content-Type is missing'}; send ${accepted.join(' or ')}`,
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    );
  }
}

/** The JSON body parser every service uses: bounded size, nothing but application/json. */
export function useJsonBodyParser(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: BODY_LIMIT, type: JSON_MEDIA_TYPE });
}

function badRequest(field: string, problem: string): DomainError {
  return new DomainError('bad_request', 'invalid request', HttpStatus.BAD_REQUEST, [{ field, problems: [problem] }]);
}

/**
 * Runs after every body parser: a body no parser took is a 415 (rather than an empty object
 * failing validation); a NUL in the URL, or a JSON body too deep, aiming at prototypes or
 * holding a NUL, is a 400 before any route sees it.
 */
export function screenRequests(app: NestExpressApplication, accepted: readonly string[]): void {
  app.use((request: Request, _response: Response, next: NextFunction) => {
    // A parser that took the body has read the stream to its end.
    if (carriesBody(request.headers) && !request.readableEnded) {
      const mediaType = request.headers['content-type']?.split(';')[0].trim().toLowerCase().slice(0, 100);
      return next(new UnsupportedBodyError(mediaType || undefined, [JSON_MEDIA_TYPE, ...accepted]));
    }
    if (/%00/i.test(request.originalUrl)) return next(badRequest('url', NUL));
    const problem = parsedBodyProblem(request.body);
    next(problem ? badRequest('body', problem) : undefined);
  });
}
