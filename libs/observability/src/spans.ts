import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { getRPCMetadata, RPCType } from '@opentelemetry/core';

let stop: (() => Promise<void>) | null = null;

/** Registered by startTracing: flushes and stops the SDK at shutdown. */
export function whenTracingStops(hook: () => Promise<void>): void {
  stop = hook;
}

/** Exports the spans still buffered (a no-op when tracing is off). */
export async function flushTracing(): Promise<void> {
  await stop?.();
}

const tracer = () => trace.getTracer('vigie');

/**
 * Runs `work` in a span that continues `parent` (a context extracted from a message), ending it
 * with the work's outcome.
 */
export async function inSpan<T>(
  name: string,
  options: { parent: Context; kind: SpanKind; attributes?: Record<string, string | number> },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer().startActiveSpan(
    name,
    { kind: options.kind, attributes: options.attributes },
    options.parent,
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** The active context, to restore around work started later (a batched send). */
export function activeContext(): Context {
  return context.active();
}

export { SpanKind };

/**
 * A producer span for one outbox row, child of the context the row was written in; its own
 * context goes out in the Kafka headers. Nothing is recorded for a row written untraced.
 */
export function startPublishSpan(
  topic: string,
  carried: Record<string, string>,
): { headers: Record<string, string>; end(): void } {
  const parent = propagation.extract(ROOT_CONTEXT, carried);
  if (!trace.getSpanContext(parent)) return { headers: {}, end: () => undefined };
  const span = tracer().startSpan(
    `publish ${topic}`,
    { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': topic } },
    parent,
  );
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(parent, span), headers);
  return { headers, end: () => span.end() };
}

/**
 * Lets the HTTP server span of the current request be named after its route template
 * (`POST /v1/alerts`): the instrumentation reads the route when the response ends, once the
 * router has matched it. Express itself is not instrumented (Nest loads it as an ES module).
 */
export function reportRouteOfRequest(route: () => string): void {
  const metadata = getRPCMetadata(context.active());
  if (metadata?.type !== RPCType.HTTP) return;
  Object.defineProperty(metadata, 'route', { get: route, enumerable: true, configurable: true });
}
