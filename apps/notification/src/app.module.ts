import { Module, type DynamicModule } from '@nestjs/common';
import { PartnerDirectoryModule } from '@vigie/access';
import { ServiceInfrastructureModule } from '@vigie/platform';
import { NOTIFICATION_CONFIG, type NotificationConfig } from './config';
import { NOTIFICATION_TABLES } from './tables';
import { AlertRoutedConsumer } from './deliveries/alert-routed.consumer';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveriesService } from './deliveries/deliveries.service';
import { DeliveryDispatcher } from './deliveries/delivery.dispatcher';
import { RetentionJob } from './retention/retention.job';
import { SecretBox } from './webhooks/secret-box';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';

@Module({})
export class NotificationModule {
  static with(config: NotificationConfig): DynamicModule {
    return {
      module: NotificationModule,
      imports: [ServiceInfrastructureModule.for(config, NOTIFICATION_TABLES), PartnerDirectoryModule],
      controllers: [WebhooksController, DeliveriesController, AlertRoutedConsumer],
      providers: [
        { provide: NOTIFICATION_CONFIG, useValue: config },
        { provide: SecretBox, useFactory: () => SecretBox.fromHex(config.webhooks.secretsKey) },
        WebhooksService,
        DeliveriesService,
        DeliveryDispatcher,
        RetentionJob,
      ],
    };
  }
}
