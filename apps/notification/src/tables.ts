import { DIRECTORY_ENTITIES } from '@vigie/access';
import { OutboxWithoutNotify1764400060000 } from '@vigie/messaging';
import type { ServiceDataSourceParts } from '@vigie/persistence';
import { Delivery } from './deliveries/delivery.entity';
import { InitialNotification1764300000300 } from './migrations/1764300000300-initial-notification';
import { ChannelsAcknowledgementsEscalation1764300000310 } from './migrations/1764300000310-channels-acknowledgements-escalation';
import { QueueTablesVacuumedOften1764300000320 } from './migrations/1764300000320-queue-tables-vacuumed-often';
import { AcknowledgingPerson1764300000330 } from './migrations/1764300000330-acknowledging-person';
import { TraceHeaders1764300000340 } from './migrations/1764300000340-trace-headers';
import { WebhookSelfService1764300000350 } from './migrations/1764300000350-webhook-self-service';
import { DeliveriesInTrouble1764400002000 } from './migrations/1764400002000-deliveries-in-trouble';
import { BroadcastAcknowledgements1764400034000 } from './migrations/1764400034000-broadcast-acknowledgements';
import { EscalationsByCreation1764400036000 } from './migrations/1764400036000-escalations-by-creation';
import { OpenEscalationsOldestFirst1764400040000 } from './migrations/1764400040000-open-escalations-oldest-first';
import { MessageContents1764400050000 } from './migrations/1764400050000-message-contents';
import { WebhooksAnnounced1764400062000 } from './migrations/1764400062000-webhooks-announced';
import { Webhook } from './webhooks/webhook.entity';

/** The entities and migrations of the service's schema. */
export const NOTIFICATION_TABLES: ServiceDataSourceParts = {
  entities: [...DIRECTORY_ENTITIES, Webhook, Delivery],
  migrations: [
    InitialNotification1764300000300,
    ChannelsAcknowledgementsEscalation1764300000310,
    QueueTablesVacuumedOften1764300000320,
    AcknowledgingPerson1764300000330,
    TraceHeaders1764300000340,
    WebhookSelfService1764300000350,
    DeliveriesInTrouble1764400002000,
    BroadcastAcknowledgements1764400034000,
    EscalationsByCreation1764400036000,
    OpenEscalationsOldestFirst1764400040000,
    MessageContents1764400050000,
    OutboxWithoutNotify1764400060000,
    WebhooksAnnounced1764400062000,
  ],
  queueTables: ['deliveries'],
};
