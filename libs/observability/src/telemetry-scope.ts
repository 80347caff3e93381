import { AsyncLocalStorage } from 'node:async_hooks';
import { context, propagation, ROOT_CONTEXT, type Context } from '@opentelemetry/api';

/**
 * What ties one piece of work to the request that caused it: the request id (from the HTTP
 * edge, then carried in Kafka headers) and the correlation id (the alert's id). Every log line
 * written inside a scope carries both.
 */
export interface TelemetryScope {
  requestId?: string;
  correlationId?: string;
}

/** Kafka and outbox header that carries the request id from service to service. */
export const REQUEST_ID_HEADER = 'vigie-request-id';
/** Kafka header that carries the correlation id (the alert's id). */
export const CORRELATION_ID_HEADER = 'vigie-correlation-id';

const scopes = new AsyncLocalStorage<TelemetryScope>();

export function currentScope(): TelemetryScope | undefined {
  return scopes.getStore();
}

export function runInScope<T>(scope: TelemetryScope, work: () => T): T {
  return scopes.run(scope, work);
}

/**
 * The headers that let the next service continue this work: the W3C trace context of the
 * active span (empty when tracing is off) and the request id. Stored with each outbox row,
 * because the relay publishes later, outside the request.
 */
export function propagationHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  const requestId = scopes.getStore()?.requestId;
  if (requestId) headers[REQUEST_ID_HEADER] = requestId;
  return headers;
}

/** Kafka headers (values are Buffers, strings or arrays of them) as plain strings. */
export function headerStrings(headers: Record<string, unknown> | undefined): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
    if (typeof first === 'string') strings[name] = first;
    else if (Buffer.isBuffer(first)) strings[name] = first.toString('utf8');
  }
  return strings;
}

/** The trace context a message carries (the root context when it carries none). */
export function traceContextOf(headers: Record<string, string>): Context {
  return propagation.extract(ROOT_CONTEXT, headers);
}

/** A request id from a client: kept when short and printable, else replaced. */
export function acceptableRequestId(value: unknown): value is string {
  return typeof value === 'string' && /^[\x21-\x7e]{1,128}$/.test(value);
}
