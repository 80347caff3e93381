// Loaded first by main.ts: OpenTelemetry must patch http before anything requires it.
import { startTracing } from '@vigie/observability/tracing';

startTracing('console');
