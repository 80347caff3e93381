import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@vigie/access';
import { ConflictError, NotFoundError, pageOf } from '@vigie/platform';
import { DeliveryDispatcher } from '../deliveries/delivery.dispatcher';
import { decodeCursor, encodeCursor } from '../page-cursor';
import type { RedeliveriesView, RedeliverSinceDto } from './dto/redeliver.dto';
import type { WebhookDeliveriesQuery } from './dto/webhook-deliveries.query';
import { WebhookDeliveryView, type WebhookDeliveryPage } from './dto/webhook-delivery.view';
import {
  deliveryStatus,
  insertOwnDelivery,
  requeueDeadSince,
  requeueDelivery,
  webhookDeliveries,
} from './webhook-deliveries.queries';
import type { Webhook } from './webhook.entity';
import { WebhooksService } from './webhooks.service';

/** The message type of a test event: a signed delivery like any other, carrying no alert. */
export const TEST_EVENT = 'vigie.test';

const DEFAULT_PAGE = 20;

/**
 * What an organisation does with its endpoints' deliveries: send a test event, read the recent
 * deliveries, send some again. Every route goes through the caller's own webhook first, so
 * another organisation's endpoint or delivery is not found. Deliveries made here go through the
 * same queue as alerts: signed, retried, recorded, and visible in the list.
 */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: WebhooksService,
    private readonly dispatcher: DeliveryDispatcher,
  ) {}

  async test(webhookId: string, caller: Caller): Promise<WebhookDeliveryView> {
    const webhook = await this.enabled(webhookId, caller);
    const id = randomUUID();
    const testId = randomUUID();
    const body = {
      deliveryId: id,
      type: TEST_EVENT,
      test: true,
      testId,
      webhookId,
      requestedAt: new Date().toISOString(),
      note: 'A test event sent on request: it carries no alert and needs no action.',
    };
    const delivery = await insertOwnDelivery(this.dataSource.manager, {
      id,
      subjectId: testId,
      messageType: TEST_EVENT,
      organisationId: webhook.organisationId,
      webhookId,
      body,
    });
    this.dispatcher.wake();
    return WebhookDeliveryView.of(delivery);
  }

  /** Newest first, `limit` at a time (at most 100). */
  async list(webhookId: string, query: WebhookDeliveriesQuery, caller: Caller): Promise<WebhookDeliveryPage> {
    await this.webhooks.get(webhookId, caller);
    const limit = query.limit ?? DEFAULT_PAGE;
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const rows = await webhookDeliveries(this.dataSource.manager, {
      webhookId,
      status: query.status ?? null,
      after,
      limit: limit + 1,
    });
    const { page, nextCursor } = pageOf(rows, limit, (last) => encodeCursor(last.position, last.id));
    return { items: page.map(WebhookDeliveryView.of), nextCursor };
  }

  /**
   * Sends a sent or dead delivery again: pending, attempts from zero, the same id (so a receiver
   * that already has it drops it) and the same body. A pending or failed one is already queued.
   */
  async redeliver(webhookId: string, deliveryId: string, caller: Caller): Promise<WebhookDeliveryView> {
    await this.enabled(webhookId, caller);
    const row = await requeueDelivery(this.dataSource.manager, webhookId, deliveryId);
    if (!row) {
      const status = await deliveryStatus(this.dataSource.manager, webhookId, deliveryId);
      if (!status) throw new NotFoundError('delivery', deliveryId);
      throw new ConflictError(`the delivery is ${status}: it is already queued`);
    }
    this.dispatcher.wake();
    return WebhookDeliveryView.of(row);
  }

  /**
   * Every dead delivery of the endpoint since `since`, sent again. Failed ones are left to their
   * own schedule: an attempt may be in flight for them, and bringing it forward could send one
   * twice at once (ADR 0021).
   */
  async redeliverSince(webhookId: string, input: RedeliverSinceDto, caller: Caller): Promise<RedeliveriesView> {
    await this.enabled(webhookId, caller);
    const counts = await requeueDeadSince(this.dataSource.manager, webhookId, input.since);
    if (counts.redelivered > 0) this.dispatcher.wake();
    return counts;
  }

  /** The caller's webhook, which must be enabled to receive anything. */
  private async enabled(webhookId: string, caller: Caller): Promise<Webhook> {
    const webhook = await this.webhooks.get(webhookId, caller);
    if (webhook.disabledAt) throw new ConflictError('the webhook is disabled: enable it first');
    return webhook;
  }
}
