import type { DataSourceOptions } from 'typeorm';
import { DIRECTORY_ENTITIES } from '@vigie/access';
import { serviceDataSourceOptions } from '@vigie/persistence';
import type { NotificationConfig } from './config';
import { Delivery } from './deliveries/delivery.entity';
import { InitialNotification1764300000300 } from './migrations/1764300000300-initial-notification';
import { Webhook } from './webhooks/webhook.entity';

export function notificationDataSourceOptions(
  config: Pick<NotificationConfig, 'databaseUrl' | 'schema'>,
): DataSourceOptions {
  return serviceDataSourceOptions(
    { url: config.databaseUrl, schema: config.schema },
    { entities: [...DIRECTORY_ENTITIES, Webhook, Delivery], migrations: [InitialNotification1764300000300] },
  );
}
