import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '@vigie/messaging';
import { openServiceDataSource, serviceDataSourceOptions, type ServiceDataSourceParts } from '@vigie/persistence';
import type { ServiceConfig } from './config/service.config';
import { HealthModule } from './health/health.module';

/** The infrastructure every service stands on: its schema (migrated at start), Kafka, /health. */
@Module({})
export class ServiceInfrastructureModule {
  static for(config: ServiceConfig, tables: ServiceDataSourceParts): DynamicModule {
    return {
      module: ServiceInfrastructureModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => serviceDataSourceOptions({ url: config.databaseUrl, schema: config.schema }, tables),
          dataSourceFactory: (options) => openServiceDataSource(options!),
        }),
        MessagingModule.forRoot({
          kafka: config.kafka,
          schema: config.schema,
          outbox: { batchSize: 500, pollIntervalMs: 1000, direct: config.directPublication },
          consumer: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 10000 },
          retention: config.retention,
          vacuum: { ...config.queueVacuum, tables: ['outbox', 'handled_events', ...(tables.queueTables ?? [])] },
        }),
        HealthModule,
      ],
    };
  }
}
