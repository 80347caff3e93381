import type { OperationObject, ResponseObject } from '@nestjs/swagger';
import { PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_PREFIX, problem, STATUS_CODES } from '../http/error.filter';

/** The one schema of every error answer (RFC 9457 problem details with Vigie's two extensions). */
export const PROBLEM_SCHEMA = {
  type: 'object',
  description:
    'RFC 9457 problem details, sent as `application/problem+json`. `error` is a stable machine code ' +
    `(\`type\` is \`${PROBLEM_TYPE_PREFIX}<error>\`); \`detail\` is for people and may change. Never a stack trace.`,
  required: ['type', 'title', 'status', 'detail', 'error'],
  properties: {
    type: { type: 'string', format: 'uri', examples: [`${PROBLEM_TYPE_PREFIX}bad_request`] },
    title: { type: 'string', description: 'A summary of the problem type (the same for every occurrence)' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', description: 'What went wrong this time, in English' },
    instance: { type: 'string', description: 'The path that was called' },
    error: {
      type: 'string',
      pattern: '^[a-z][a-z0-9_]*$',
      description: 'The stable code: not_found, forbidden, idempotency_key_reused, invalid_webhook_target…',
    },
    details: {
      description:
        'For 400: every field refused and why. For a readiness 503: the state of each dependency. Other codes may add structured context.',
      oneOf: [
        {
          type: 'array',
          items: {
            type: 'object',
            required: ['field', 'problems'],
            properties: { field: { type: 'string' }, problems: { type: 'array', items: { type: 'string' } } },
          },
        },
        { type: 'object' },
      ],
    },
  },
} as const;

const RETRY_AFTER = {
  description: 'Seconds to wait before trying again',
  schema: { type: 'integer', minimum: 0 },
};

interface StandardResponse {
  name: string;
  description: string;
  code: string;
  detail: string;
  retryAfter?: boolean;
}

/** The error answers the shared HTTP edge gives, whatever the route. */
export const STANDARD_RESPONSES: Record<number, StandardResponse> = {
  400: {
    name: 'BadRequest',
    description: 'The request is malformed or fails validation; `details` lists each field and its problems.',
    code: 'bad_request',
    detail: 'invalid request',
  },
  401: {
    name: 'Unauthenticated',
    description: 'No credential, or an unknown, malformed, revoked or expired one.',
    code: 'unauthenticated',
    detail: 'missing API key: send Authorization: Bearer <key>',
  },
  403: {
    name: 'Forbidden',
    description: "The key lacks the route's role, or its organisation is not active.",
    code: 'forbidden',
    detail: 'organisation is suspended',
  },
  404: {
    name: 'NotFound',
    description: "Nothing with that id within the caller's organisation's reach.",
    code: 'not_found',
    detail: 'alert 0190b6c4-0000-7000-8000-000000000000 not found',
  },
  409: {
    name: 'Conflict',
    description: 'The request conflicts with the current state.',
    code: 'conflict',
    detail: 'conflict',
  },
  413: {
    name: 'PayloadTooLarge',
    description: 'The body is over 256 KiB.',
    code: 'payload_too_large',
    detail: 'request entity too large',
  },
  415: {
    name: 'UnsupportedMediaType',
    description: 'The body is not in a media type the route takes.',
    code: 'unsupported_media_type',
    detail: 'Content-Type text/plain is not accepted; send application/json',
  },
  422: {
    name: 'Unprocessable',
    description: 'Well-formed, but cannot be applied.',
    code: 'unprocessable',
    detail: 'unprocessable',
  },
  429: {
    name: 'TooManyRequests',
    description: 'Over the per-key rate limit; wait for `Retry-After` seconds.',
    code: 'too_many_requests',
    detail: 'rate limit exceeded',
    retryAfter: true,
  },
  503: {
    name: 'Unavailable',
    description:
      'A dependency (database, broker) is out of reach: nothing was done, retry after `Retry-After` seconds.',
    code: 'unavailable',
    detail: 'temporarily unavailable; retry later',
    retryAfter: true,
  },
};

function problemContent(status: number, code: string, detail: string): ResponseObject['content'] {
  return {
    [PROBLEM_MEDIA_TYPE]: {
      schema: { $ref: '#/components/schemas/Problem' },
      example: problem(status, code, detail),
    },
  };
}

/** components.responses: one per standard status, all of them the problem schema. */
export function standardResponses(): Record<string, ResponseObject> {
  return Object.fromEntries(
    Object.entries(STANDARD_RESPONSES).map(([status, standard]) => [
      standard.name,
      {
        description: standard.description,
        ...(standard.retryAfter ? { headers: { 'Retry-After': RETRY_AFTER } } : {}),
        content: problemContent(Number(status), standard.code, standard.detail),
      },
    ]),
  );
}

export interface OperationTraits {
  /** Needs a credential (no empty security requirement). */
  authenticated: boolean;
  /** Subject to the per-key rate limit (everything but health). */
  rateLimited: boolean;
}

/** The statuses the shared edge may answer for an operation, from what it takes. */
export function edgeStatuses(operation: OperationObject, traits: OperationTraits): number[] {
  const takesBody = operation.requestBody !== undefined;
  const hasPathParameter = (operation.parameters ?? []).some(
    (parameter) => (parameter as { in?: string }).in === 'path',
  );
  return [
    400, // validation, or a NUL in the URL, for every route
    ...(traits.authenticated ? [401, 403] : []),
    ...(hasPathParameter ? [404] : []),
    ...(takesBody ? [413, 415] : []),
    ...(traits.rateLimited ? [429] : []),
    503,
  ];
}

/**
 * Every error answer of an operation becomes a problem: the edge's own statuses by reference,
 * the ones a controller declared (409, 410, 423…) with their own description and the problem body.
 */
export function withProblemResponses(operation: OperationObject, traits: OperationTraits): void {
  const responses = operation.responses;
  for (const [status, response] of Object.entries(responses)) {
    const code = Number(status);
    if (!(code >= 400) || !response || '$ref' in response) continue;
    const standard = STANDARD_RESPONSES[code];
    responses[status] = {
      ...(standard?.retryAfter ? { headers: { 'Retry-After': RETRY_AFTER } } : {}),
      ...response,
      description: response.description || standard?.description || 'Refused',
      content: problemContent(code, STATUS_CODES[code] ?? 'error', response.description || 'refused'),
    };
  }
  for (const status of edgeStatuses(operation, traits)) {
    responses[String(status)] ??= { $ref: `#/components/responses/${STANDARD_RESPONSES[status].name}` };
  }
}
