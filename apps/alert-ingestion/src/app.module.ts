import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PartnerDirectoryModule } from '@vigie/access';
import { MessagingModule } from '@vigie/messaging';
import { openServiceDataSource } from '@vigie/persistence';
import { HealthModule } from '@vigie/platform';
import { AlertsController } from './alerts/alerts.controller';
import { AlertsService } from './alerts/alerts.service';
import type { IngestionConfig } from './config';
import { ingestionDataSourceOptions } from './data-source.options';

@Module({})
export class IngestionModule {
  static with(config: IngestionConfig): DynamicModule {
    return {
      module: IngestionModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ingestionDataSourceOptions(config),
          dataSourceFactory: (options) => openServiceDataSource(options!),
        }),
        MessagingModule.forRoot({
          kafka: config.kafka,
          schema: config.schema,
          databaseUrl: config.databaseUrl,
          outbox: { batchSize: 500, pollIntervalMs: 1000 },
          consumer: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 10000 },
        }),
        PartnerDirectoryModule,
        HealthModule,
      ],
      controllers: [AlertsController],
      providers: [AlertsService],
    };
  }
}
