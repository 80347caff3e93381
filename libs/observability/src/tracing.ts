import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';

import { whenTracingStops } from './spans';

let sdk: NodeSDK | null = null;

/** Tracing is on when an OTLP endpoint is configured (standard OpenTelemetry variables). */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Starts OpenTelemetry for this process, before anything loads `http` or `pg`: incoming and
 * outgoing HTTP (webhooks included) and the SQL run on behalf of a traced request or event.
 * Kafka is propagated by the messaging library itself: the outbox publishes after the request
 * has ended, so the trace context travels in the outbox row, not in the relay's call stack.
 * Off (no SDK, no cost beyond no-op calls) unless an OTLP endpoint is configured.
 */
export function startTracing(service: string): void {
  if (sdk || !tracingConfigured()) return;
  sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ?? service,
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => /^\/(health|metrics)(\/|$|\?)/.test(request.url ?? ''),
      }),
      // SQL outside a traced unit of work (polls, leases) would be a trace per statement.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  whenTracingStops(stopTracing);
}

/** Flushes and stops the SDK (at shutdown), so the last spans are exported. */
export async function stopTracing(): Promise<void> {
  const running = sdk;
  sdk = null;
  await running?.shutdown().catch(() => undefined);
}
