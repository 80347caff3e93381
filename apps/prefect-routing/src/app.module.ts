import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PartnerDirectoryModule } from '@vigie/access';
import { MessagingModule } from '@vigie/messaging';
import { openServiceDataSource } from '@vigie/persistence';
import { HealthModule } from '@vigie/platform';
import { AlertSubmittedConsumer } from './routing/alert-submitted.consumer';
import { RoutingController } from './routing/routing.controller';
import { RoutingService } from './routing/routing.service';
import type { RoutingConfig } from './config';
import { routingDataSourceOptions } from './data-source.options';

@Module({})
export class RoutingModule {
  static with(config: RoutingConfig): DynamicModule {
    return {
      module: RoutingModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => routingDataSourceOptions(config),
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
      controllers: [RoutingController, AlertSubmittedConsumer],
      providers: [RoutingService],
    };
  }
}
