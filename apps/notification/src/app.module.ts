import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PartnerDirectoryModule } from '@vigie/access';
import { MessagingModule } from '@vigie/messaging';
import { HealthModule } from '@vigie/platform';
import { openServiceDataSource } from '@vigie/persistence';
import { NOTIFICATION_CONFIG, type NotificationConfig } from './config';
import { notificationDataSourceOptions } from './data-source.options';
import { AlertRoutedConsumer } from './deliveries/alert-routed.consumer';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveriesService } from './deliveries/deliveries.service';
import { DeliveryDispatcher } from './deliveries/delivery.dispatcher';
import { SecretBox } from './webhooks/secret-box';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';

@Module({})
export class NotificationModule {
  static with(config: NotificationConfig): DynamicModule {
    return {
      module: NotificationModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => notificationDataSourceOptions(config),
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
      controllers: [WebhooksController, DeliveriesController, AlertRoutedConsumer],
      providers: [
        { provide: NOTIFICATION_CONFIG, useValue: config },
        { provide: SecretBox, useFactory: () => SecretBox.fromHex(config.webhooks.secretsKey) },
        WebhooksService,
        DeliveriesService,
        DeliveryDispatcher,
      ],
    };
  }
}
