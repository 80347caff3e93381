import type { EntityManager } from 'typeorm';
import { DeliveryDeadV1, type DeliveryChannel } from '@vigie/contracts';
import type { Outbox } from '@vigie/messaging';

export interface DeadDelivery {
  id: string;
  alert_id: string;
  message_type: string;
  organisation_id: string;
  channel: DeliveryChannel;
  webhook_id: string | null;
  referent_id: string | null;
  attempts: number;
  last_error: string;
}

/** Columns to RETURN from an update that kills deliveries, for `announceDeath`. */
export const DEAD_COLUMNS =
  'id, alert_id, message_type, organisation_id, channel, webhook_id, referent_id, attempts, last_error';

/** delivery.dead.v1, in the transaction that marked the delivery dead: the dead-letter topic. */
export async function announceDeath(outbox: Outbox, manager: EntityManager, dead: DeadDelivery): Promise<void> {
  await outbox.add(manager, {
    definition: DeliveryDeadV1,
    key: dead.id,
    payload: {
      deliveryId: dead.id,
      messageType: dead.message_type,
      subjectId: dead.alert_id,
      organisationId: dead.organisation_id,
      channel: dead.channel,
      ...(dead.webhook_id ? { webhookId: dead.webhook_id } : {}),
      ...(dead.referent_id ? { referentId: dead.referent_id } : {}),
      attempts: dead.attempts,
      reason: dead.last_error,
      deadAt: new Date().toISOString(),
    },
  });
}

/**
 * Abandons what a webhook still had to receive (dead, with the reason, each announced), in the
 * caller's transaction: an attempt in flight then finds its delivery dead and records nothing.
 */
export async function abandonPending(
  outbox: Outbox,
  manager: EntityManager,
  webhookId: string,
  reason: string,
): Promise<number> {
  const abandoned = await manager.query<DeadDelivery[]>(
    `WITH abandoned AS (
       UPDATE deliveries SET status = 'dead', last_error = $2
       WHERE webhook_id = $1 AND status IN ('pending', 'failed') RETURNING ${DEAD_COLUMNS})
     SELECT * FROM abandoned`,
    [webhookId, reason],
  );
  for (const dead of abandoned) await announceDeath(outbox, manager, dead);
  return abandoned.length;
}
