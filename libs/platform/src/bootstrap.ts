import { Logger, type DynamicModule, type INestApplication, type LogLevel, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ConsumerGroupState, kafkaConsumerStrategy, type KafkaSettings } from '@vigie/messaging';
import { ErrorFilter } from './http/error.filter';
import { strictValidationPipe } from './http/validation.pipe';

export interface ServiceDefinition {
  name: string;
  module: Type<unknown> | DynamicModule;
  http: { host: string; port: number };
  logLevel: LogLevel;
  /** Set when the service consumes events. */
  consumer?: KafkaSettings;
  docs: { title: string; description: string };
}

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Starts one Vigie service: strict validation, JSON errors, OpenAPI at /docs, topics and
 * migrations before anything listens, then the Kafka consumer, then HTTP.
 */
export async function bootstrapService(definition: ServiceDefinition): Promise<INestApplication> {
  const app = await NestFactory.create(definition.module, {
    logger: LEVELS.slice(0, LEVELS.indexOf(definition.logLevel) + 1),
  });
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.enableShutdownHooks();
  app.getHttpAdapter().getInstance().disable('x-powered-by');

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

  if (definition.consumer) {
    app.connectMicroservice(kafkaConsumerStrategy(definition.consumer, app.get(ConsumerGroupState)), {
      inheritAppConfig: true,
    });
  }
  await app.init();
  if (definition.consumer) {
    await app.startAllMicroservices();
  }
  await app.listen(definition.http.port, definition.http.host);
  new Logger(definition.name).log(`listening on http://${definition.http.host}:${definition.http.port}`);
  return app;
}
