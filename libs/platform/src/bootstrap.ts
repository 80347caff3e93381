import { Logger, Module, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { ConsumerGroupState, EventConsumer, kafkaConsumerStrategy } from '@vigie/messaging';
import { Metrics, ObservabilityModule, requestScope, type ObservabilitySettings } from '@vigie/observability';
import type { ServiceConfig } from './config/service.config';
import { ErrorFilter } from './http/error.filter';
import { withRateLimit, type RateLimitSettings } from './http/rate-limit.module';
import { screenRequests, useJsonBodyParser } from './http/request-body';
import { securityHeaders } from './http/security-headers';
import { strictValidationPipe } from './http/validation.pipe';
import { serveApiDescription, serviceDescription, type ServiceDocs } from './openapi/api-description';
import { nestDocument } from './openapi/nest-document';

export interface ServiceDefinition<C extends ServiceConfig> {
  loadConfig: (env?: NodeJS.ProcessEnv) => C;
  module: (config: C) => Type<unknown> | DynamicModule;
  /** True when the service consumes events. */
  consumes: boolean;
  docs: ServiceDocs;
  /** Service-specific HTTP set-up (extra body parsers…), before the app initialises. */
  configure?: (app: NestExpressApplication) => void;
  /** Media types the service's extra body parsers take, besides application/json (named in 415 answers). */
  bodyMediaTypes?: readonly string[];
}

export interface HttpEdgeOptions {
  rateLimit: RateLimitSettings;
  /** JSON logs and metrics; without it (unit tests of the edge) Nest's console logger stays. */
  observability?: ObservabilitySettings;
  /** `false` silences Nest's console logger (used without observability). */
  logger?: false;
  configure?: (app: NestExpressApplication) => void;
  bodyMediaTypes?: readonly string[];
  /** Builds the module graph without creating any provider (no database, no broker): to describe the API. */
  preview?: boolean;
}

/**
 * The HTTP edge every service shares: security headers, a request id and its telemetry scope, a
 * log line and a duration sample per request, per-key rate limiting, bounded JSON bodies (other
 * media types only through the service's own parsers), strict validation, problem-details errors.
 */
export async function createHttpApp(
  module: Type<unknown> | DynamicModule,
  options: HttpEdgeOptions,
): Promise<NestExpressApplication> {
  const observed = options.observability
    ? { module: ObservedService, imports: [ObservabilityModule.for(options.observability), module] }
    : module;
  const app = await NestFactory.create<NestExpressApplication>(withRateLimit(observed, options.rateLimit), {
    bufferLogs: options.observability !== undefined,
    ...(options.logger === false ? { logger: false } : {}),
    ...(options.preview ? { preview: true } : {}),
    bodyParser: false,
  });
  app.use(securityHeaders());
  app.use(requestScope);
  if (options.observability && !options.preview) {
    app.useLogger(app.get(PinoNestLogger));
    app.use(app.get(Metrics).httpMiddleware());
  }
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.disable('x-powered-by');
  // Every answer is `Cache-Control: no-store`: an entity tag would only add a hash of the body.
  app.disable('etag');
  // A service's own parsers come first: one that takes a route's body (a larger limit for an
  // import, say) leaves nothing for the shared JSON parser, which skips a parsed body.
  options.configure?.(app);
  useJsonBodyParser(app);
  screenRequests(app, options.bodyMediaTypes ?? []);
  return app;
}

/**
 * Starts one Vigie service: its HTTP edge, its API description at /openapi.json, topics and migrations before
 * anything listens, then the Kafka consumer, then HTTP.
 */
export async function bootstrapService<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
): Promise<INestApplication> {
  const config = definition.loadConfig();
  const app = await createHttpApp(definition.module(config), {
    rateLimit: config.rateLimit,
    observability: { service: config.name, logging: config.logging, metrics: config.metrics },
    configure: definition.configure,
    bodyMediaTypes: definition.bodyMediaTypes,
  });
  app.enableShutdownHooks();

  serveApiDescription(app, serviceDescription(config.name, definition.docs, nestDocument(app, definition.docs)));

  if (definition.consumes) {
    app.connectMicroservice(kafkaConsumerStrategy(config.kafka, app.get(ConsumerGroupState), app.get(EventConsumer)), {
      inheritAppConfig: true,
    });
  }
  await app.init();
  if (definition.consumes) {
    await app.startAllMicroservices();
  }
  await app.listen(config.http.port, config.http.host);
  new Logger(config.name).log(`listening on http://${config.http.host}:${config.http.port}`);
  return app;
}

@Module({})
class ObservedService {}

/**
 * A service's raw API description, derived from its modules in preview mode: no provider is
 * created, so neither the database nor the broker is needed (scripts/openapi.ts).
 */
export async function describeService<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  env: NodeJS.ProcessEnv,
): Promise<OpenAPIObject> {
  const config = definition.loadConfig(env);
  const app = await createHttpApp(definition.module(config), {
    rateLimit: config.rateLimit,
    observability: { service: config.name, logging: config.logging, metrics: config.metrics },
    configure: definition.configure,
    logger: false,
    preview: true,
  });
  try {
    return nestDocument(app, definition.docs);
  } finally {
    await app.close();
  }
}

/** A service's main: start it, or print why it cannot start (bad configuration…) and exit 1. */
export function runService<C extends ServiceConfig>(definition: ServiceDefinition<C>): void {
  bootstrapService(definition).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
