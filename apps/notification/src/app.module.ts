import { Module, type DynamicModule } from '@nestjs/common';
import { PartnerDirectoryModule } from '@vigie/access';
import { RETENTION_PLAN, RetentionJob } from '@vigie/platform';
import { AcknowledgementLinks } from './acknowledgements/acknowledgement-link';
import { AcknowledgementLinkApiController } from './acknowledgements/acknowledgement-link-api.controller';
import { AcknowledgementLinkController } from './acknowledgements/acknowledgement-link.controller';
import { AcknowledgementsController } from './acknowledgements/acknowledgements.controller';
import { AcknowledgementsService } from './acknowledgements/acknowledgements.service';
import { AlertStatesController } from './alert-states/alert-states.controller';
import { AlertStatesService } from './alert-states/alert-states.service';
import { BroadcastAcknowledgementsController } from './broadcasts/broadcast-acknowledgements.controller';
import { BroadcastAcknowledgementsService } from './broadcasts/broadcast-acknowledgements.service';
import { ReceivedBroadcastsController } from './broadcasts/received-broadcasts.controller';
import { EmailChannel } from './channels/email/email.channel';
import { EmailSender } from './channels/email/email.sender';
import { WebhookChannel } from './channels/webhook/webhook.channel';
import { NOTIFICATION_CONFIG, type NotificationConfig } from './config';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveriesService } from './deliveries/deliveries.service';
import { DeliveryDispatcher } from './deliveries/delivery.dispatcher';
import { DeliveryMetrics } from './deliveries/delivery.metrics';
import { DeliveryQueue } from './deliveries/delivery.queue';
import { RoutedMessagesConsumer } from './deliveries/routed-messages.consumer';
import { RoutedMessagesService } from './deliveries/routed-messages.service';
import { ReferentsDirectory } from './directory/referents.directory';
import { EscalationStatisticsController } from './escalation/escalation-statistics.controller';
import { EscalationController } from './escalation/escalation.controller';
import { EscalationMetrics } from './escalation/escalation.metrics';
import { EscalationScheduler } from './escalation/escalation.scheduler';
import { EscalationsService } from './escalation/escalations.service';
import { OpenEscalationsController } from './escalation/open-escalations.controller';
import { TimeToAcknowledgeController } from './escalation/time-to-acknowledge.controller';
import { notificationRetention } from './retention/retention.plan';
import { StreamController } from './stream/stream.controller';
import { StreamHub } from './stream/stream.hub';
import { StreamLog } from './stream/stream.log';
import { NOTIFICATION_TABLES } from './tables';
import { ActiveWebhooks } from './webhooks/active-webhooks';
import { EndpointHealth } from './webhooks/endpoint-health';
import { SecretBox } from './webhooks/secret-box';
import { WebhookDeliveriesController } from './webhooks/webhook-deliveries.controller';
import { WebhookDeliveriesService } from './webhooks/webhook-deliveries.service';
import { WebhookImportController } from './webhooks/webhook-import.controller';
import { WebhookImportService } from './webhooks/webhook-import.service';
import { WebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';

@Module({})
export class NotificationModule {
  static with(config: NotificationConfig): DynamicModule {
    return {
      module: NotificationModule,
      imports: PartnerDirectoryModule.withInfrastructure(config, NOTIFICATION_TABLES),
      controllers: [
        WebhookImportController,
        WebhooksController,
        WebhookDeliveriesController,
        DeliveriesController,
        StreamController,
        AcknowledgementsController,
        AcknowledgementLinkController,
        AcknowledgementLinkApiController,
        AlertStatesController,
        ReceivedBroadcastsController,
        BroadcastAcknowledgementsController,
        EscalationController,
        EscalationStatisticsController,
        OpenEscalationsController,
        TimeToAcknowledgeController,
        RoutedMessagesConsumer,
      ],
      providers: [
        { provide: NOTIFICATION_CONFIG, useValue: config },
        { provide: SecretBox, useFactory: () => SecretBox.fromHex(config.webhooks.secretsKey) },
        {
          provide: AcknowledgementLinks,
          useFactory: () =>
            new AcknowledgementLinks(config.webhooks.secretsKey, {
              baseUrl: config.email.publicBaseUrl,
              ttlSeconds: config.email.ackLinkTtlSeconds,
            }),
        },
        ReferentsDirectory,
        WebhooksService,
        ActiveWebhooks,
        WebhookImportService,
        WebhookDeliveriesService,
        EndpointHealth,
        StreamLog,
        StreamHub,
        DeliveriesService,
        RoutedMessagesService,
        EmailSender,
        EmailChannel,
        WebhookChannel,
        DeliveryQueue,
        DeliveryDispatcher,
        DeliveryMetrics,
        EscalationMetrics,
        AcknowledgementsService,
        AlertStatesService,
        BroadcastAcknowledgementsService,
        EscalationsService,
        EscalationScheduler,
        { provide: RETENTION_PLAN, useValue: notificationRetention(config) },
        RetentionJob,
      ],
    };
  }
}
