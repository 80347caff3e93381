import { Injectable, Logger } from '@nestjs/common';
import type { Caller } from '@vigie/access';
import type { AlertRoutedV1Payload, EventEnvelope, RoutedRecipient } from '@vigie/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { organisationOf } from '../caller-organisation';
import { Delivery } from './delivery.entity';
import { DeliveryView } from './dto/delivery.view';

interface ActiveWebhook {
  id: string;
  organisation_id: string;
}

/** Routing names each recipient once; should it repeat one, the first reason is kept. */
function firstPerOrganisation(recipients: RoutedRecipient[]): RoutedRecipient[] {
  const byOrganisation = new Map<string, RoutedRecipient>();
  for (const recipient of recipients) {
    if (!byOrganisation.has(recipient.organisationId)) byOrganisation.set(recipient.organisationId, recipient);
  }
  return [...byOrganisation.values()];
}

@Injectable()
export class DeliveriesService {
  private readonly logger = new Logger(DeliveriesService.name);

  constructor(private readonly dataSource: DataSource) {}

  /**
   * One pending delivery per recipient and active webhook, in the transaction that records the
   * event as handled. The (alert, webhook) constraint makes a second routing of the same alert
   * a no-op. The body is fixed here, so every attempt sends the same JSON.
   */
  async schedule(event: EventEnvelope<AlertRoutedV1Payload>, manager: EntityManager): Promise<void> {
    const { alert, recipients, routedAt } = event.payload;
    const unique = firstPerOrganisation(recipients);
    if (unique.length === 0) return;
    const webhooks = (await manager.query(
      `SELECT id, organisation_id FROM webhooks
       WHERE organisation_id = ANY($1::uuid[]) AND disabled_at IS NULL ORDER BY created_at, id`,
      [unique.map((recipient) => recipient.organisationId)],
    )) as ActiveWebhook[];
    let scheduled = 0;
    for (const recipient of unique) {
      const targets = webhooks.filter((webhook) => webhook.organisation_id === recipient.organisationId);
      if (targets.length === 0) {
        this.logger.debug(`alert ${alert.alertId}: organisation ${recipient.organisationId} has no webhook`);
        continue;
      }
      for (const webhook of targets) {
        scheduled += await this.insert(manager, event.payload, recipient, webhook.id);
      }
    }
    if (scheduled > 0)
      this.logger.debug(`alert ${alert.alertId}: ${scheduled} deliveries scheduled (routed ${routedAt})`);
  }

  async forAlert(alertId: string, caller: Caller): Promise<DeliveryView[]> {
    const deliveries = await this.dataSource.manager.find(Delivery, {
      where: { alertId, organisationId: organisationOf(caller) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return deliveries.map(DeliveryView.of);
  }

  private async insert(
    manager: EntityManager,
    routed: AlertRoutedV1Payload,
    recipient: RoutedRecipient,
    webhookId: string,
  ): Promise<number> {
    const id = randomUUID();
    const body = {
      deliveryId: id,
      type: 'alert.routed',
      alert: routed.alert,
      recipient: { organisationId: recipient.organisationId, rule: recipient.rule, reason: recipient.reason },
      routedAt: routed.routedAt,
    };
    const rows = (await manager.query(
      `INSERT INTO deliveries (id, alert_id, organisation_id, webhook_id, channel, status, next_attempt_at, body)
       VALUES ($1, $2, $3, $4, 'webhook', 'pending', now(), $5::jsonb)
       ON CONFLICT (alert_id, webhook_id) DO NOTHING
       RETURNING id`,
      [id, routed.alert.alertId, recipient.organisationId, webhookId, JSON.stringify(body)],
    )) as unknown[];
    return rows.length;
  }
}
