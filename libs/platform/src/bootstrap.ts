import { Logger, Module, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { ConsumerGroupState, EventConsumer, kafkaConsumerStrategy } from '@vigie/messaging';
import { Metrics, ObservabilityModule, requestScope, type ObservabilitySettings } from '@vigie/observability';
import type { ServiceConfig } from './config/service.config';
import { ErrorFilter } from './http/error.filter';
import { withRateLimit, type RateLimitSettings } from './http/rate-limit.module';
import { screenRequests, useJsonBodyParser } from './http/request-body';
import { strictValidationPipe } from './http/validation.pipe';

export interface ServiceDefinition<C extends ServiceConfig> {
  loadConfig: () => C;
  module: (config: C) => Type<unknown> | DynamicModule;
  /** True when the service consumes events. */
  consumes: boolean;
  docs: { title: string; description: string };
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
}

/**
 * The HTTP edge every service shares: a request id and its telemetry scope, a log line and a
 * duration sample per request, per-key rate limiting, bounded JSON bodies (other media types
 * only through the service's own parsers), strict validation, JSON errors.
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
    bodyParser: false,
  });
  app.use(requestScope);
  if (options.observability) {
    app.useLogger(app.get(PinoNestLogger));
    app.use(app.get(Metrics).httpMiddleware());
  }
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.disable('x-powered-by');
  useJsonBodyParser(app);
  options.configure?.(app);
  screenRequests(app, options.bodyMediaTypes ?? []);
  return app;
}

/**
 * Starts one Vigie service: its HTTP edge, OpenAPI at /docs, topics and migrations before
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

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(definition.docs.title)
      .setDescription(definition.docs.description)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key issued by the partner registry' })
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document);

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

/** A service's main: start it, or print why it cannot start (bad configuration…) and exit 1. */
export function runService<C extends ServiceConfig>(definition: ServiceDefinition<C>): void {
  bootstrapService(definition).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
