import { Logger, type DynamicModule, type INestApplication, type LogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ConsumerGroupState, kafkaConsumerStrategy } from '@vigie/messaging';
import type { ServiceConfig } from './config/service.config';
import { ErrorFilter } from './http/error.filter';
import { strictValidationPipe } from './http/validation.pipe';

export interface ServiceDefinition<C extends ServiceConfig> {
  loadConfig: () => C;
  module: (config: C) => Type<unknown> | DynamicModule;
  /** True when the service consumes events. */
  consumes: boolean;
  docs: { title: string; description: string };
  /** Service-specific HTTP set-up (extra body parsers…), before the app initialises. */
  configure?: (app: NestExpressApplication) => void;
}

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Starts one Vigie service: strict validation, JSON errors, OpenAPI at /docs, topics and
 * migrations before anything listens, then the Kafka consumer, then HTTP.
 */
export async function bootstrapService<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
): Promise<INestApplication> {
  const config = definition.loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(definition.module(config), {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
  });
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  definition.configure?.(app);

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
    app.connectMicroservice(kafkaConsumerStrategy(config.kafka, app.get(ConsumerGroupState)), {
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

/** A service's main: start it, or print why it cannot start (bad configuration…) and exit 1. */
export function runService<C extends ServiceConfig>(definition: ServiceDefinition<C>): void {
  bootstrapService(definition).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
