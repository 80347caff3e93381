import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { LoggerModule } from 'nestjs-pino';
import { destination, type LoggerOptions } from 'pino';
import type { Options } from 'pino-http';
import { reportRouteOfRequest } from './spans';
import { acceptableRequestId, currentScope, runInScope, type TelemetryScope } from './telemetry-scope';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];
/** Nest's level names, still accepted in LOG_LEVEL. */
const NEST_ALIASES: Record<string, LogLevelName> = { log: 'info', verbose: 'trace' };

export function logLevelOf(value: string): LogLevelName {
  return NEST_ALIASES[value] ?? (value as LogLevelName);
}

export interface LoggingSettings {
  level: LogLevelName;
  /** JSON lines everywhere but in the demo, which prints them readable. */
  format: 'json' | 'pretty';
}

/**
 * Field paths whose values never reach a log line, whatever logs them: credentials, and an
 * alert's free text (it may describe a suspect or name a guard).
 */
export const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'password',
  'secret',
  'token',
  'apiKey',
  'description',
  '*.authorization',
  '*.cookie',
  '*.password',
  '*.secret',
  '*.token',
  '*.apiKey',
  '*.description',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-api-key"]',
];

type ScopedRequest = IncomingMessage & {
  id?: string;
  scope?: TelemetryScope;
  route?: { path?: string };
  /** Set by the services' authentication guard. */
  caller?: { organisationId: string | null; person?: { id: string } | null };
  /** Set by the console's session guard. */
  signedIn?: { person: { id: string; organisationId: string } };
};

/** The route template a request matched (never the raw path, which may hold a link's token). */
export function routeOf(request: { route?: { path?: string }; baseUrl?: string }): string {
  return request.route?.path ? `${request.baseUrl ?? ''}${request.route.path}` : 'unmatched';
}

/** Health polls (every few seconds from each probe) are not worth a line each. */
const QUIET = /^\/health(\/|$|\?)/;

/**
 * Gives every request its id (the client's `X-Request-Id` when acceptable, else a new one),
 * echoes it in the response, and runs the rest of the request in its telemetry scope.
 */
export function requestScope(request: Request, response: Response, next: NextFunction): void {
  const given = request.headers['x-request-id'];
  const requestId = acceptableRequestId(given) ? given : randomUUID();
  const scope: TelemetryScope = { requestId };
  (request as ScopedRequest).id = requestId;
  (request as ScopedRequest).scope = scope;
  response.setHeader('X-Request-Id', requestId);
  reportRouteOfRequest(() => routeOf(request));
  runInScope(scope, next);
}

function requestFields(request: ScopedRequest): Record<string, unknown> {
  return {
    requestId: request.id,
    route: routeOf(request),
    organisationId: request.caller?.organisationId ?? request.signedIn?.person.organisationId,
    personId: request.caller?.person?.id ?? request.signedIn?.person.id,
    correlationId: request.scope?.correlationId,
  };
}

/** The pino options of every Vigie process (HTTP and Kafka lines alike). */
export function pinoOptions(service: string, settings: LoggingSettings): LoggerOptions {
  return {
    name: service,
    level: settings.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Lines written outside an HTTP request (consumers, relay, dispatcher) still say which
    // request and which alert they belong to.
    mixin: () => {
      const scope = currentScope();
      return scope ? { requestId: scope.requestId, correlationId: scope.correlationId } : {};
    },
    ...(settings.format === 'pretty'
      ? { transport: { target: 'pino-pretty', options: { singleLine: true, ignore: 'pid,hostname' } } }
      : {}),
  };
}

/** Bytes of JSON lines gathered before they are written to standard output in one write. */
export const LOG_BUFFER_BYTES = 8 * 1024;
/** The longest a line waits in that buffer: under a light load lines are written at this pace. */
export const LOG_FLUSH_MS = 250;

/**
 * Where JSON lines go: standard output (or `fd`), written by the kilobyte rather than by the line (ADR 65).
 * A write per line handed each line to another thread and woke it, a few times per alert in
 * every service; gathered, a busy service writes a few times a second. What is still in the
 * buffer is written synchronously when the process exits (pino's exit hook), so only a process
 * killed outright loses its last quarter-second of lines.
 */
export function logDestination(fd = 1): ReturnType<typeof destination> {
  return destination({ dest: fd, minLength: LOG_BUFFER_BYTES, periodicFlush: LOG_FLUSH_MS });
}

/**
 * nestjs-pino for a service: Nest's own logger and one line per request (method, route,
 * status, duration, organisation, person, request and correlation ids), no headers, no body.
 */
export function loggingModule(service: string, settings: LoggingSettings): DynamicModule {
  const options: Options = {
    ...pinoOptions(service, settings),
    genReqId: (request) => (request as ScopedRequest).id ?? randomUUID(),
    customAttributeKeys: { responseTime: 'durationMs' },
    serializers: {
      req: (request: { method: string }) => ({ method: request.method }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    autoLogging: { ignore: (request) => QUIET.test(request.url ?? '') },
    customLogLevel: (_request, response: ServerResponse, error) =>
      error || response.statusCode >= 500 ? 'error' : 'info',
    customSuccessMessage: (request, response) =>
      `${request.method} ${routeOf(request as ScopedRequest)} ${response.statusCode}`,
    customErrorMessage: (request, response) =>
      `${request.method} ${routeOf(request as ScopedRequest)} ${response.statusCode}`,
    customSuccessObject: (request, _response, value: object) => ({
      ...value,
      ...requestFields(request as ScopedRequest),
    }),
    customErrorObject: (request, _response, _error, value: object) => ({
      ...value,
      ...requestFields(request as ScopedRequest),
    }),
  };
  // The readable format of the demo goes through its transport, line by line.
  return LoggerModule.forRoot({ pinoHttp: settings.format === 'json' ? [options, logDestination()] : options });
}
