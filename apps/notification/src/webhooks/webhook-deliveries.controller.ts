import { Body, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { CurrentCaller, Endpoint, ServiceController, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { RedeliveriesView, RedeliverSinceDto } from './dto/redeliver.dto';
import { WebhookDeliveriesQuery } from './dto/webhook-deliveries.query';
import { WebhookDeliveryPage, WebhookDeliveryView } from './dto/webhook-delivery.view';
import { WebhookDeliveriesService } from './webhook-deliveries.service';

const NOT_YOURS = 'No webhook (or delivery of it) with this id belongs to your organisation.';
const DISABLED = 'The webhook is disabled.';

@ServiceController('v1/webhooks/:id', 'webhooks', [ApiKeyRole.Subscriber])
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveriesService) {}

  @Endpoint('POST', 'test', {
    status: 202,
    summary:
      'Queue a test event for the endpoint: a signed delivery of type vigie.test ("test": true, no alert), retried and listed like any other.',
    accepted: WebhookDeliveryView,
    notFound: NOT_YOURS,
    conflict: DISABLED,
  })
  test(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<WebhookDeliveryView> {
    return this.deliveries.test(id, caller);
  }

  @Endpoint('GET', 'deliveries', {
    summary:
      'The endpoint’s deliveries, newest first: status, attempts, HTTP status and duration of the last attempt (cursor pagination, at most 100 a page).',
    ok: WebhookDeliveryPage,
    badRequest: 'An unknown status, a limit out of 1–100 or a cursor this API did not return.',
    notFound: NOT_YOURS,
  })
  list(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: WebhookDeliveriesQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<WebhookDeliveryPage> {
    return this.deliveries.list(id, query, caller);
  }

  @Endpoint('POST', 'deliveries/:deliveryId/redeliver', {
    status: 202,
    summary: 'Send a sent or dead delivery again, with the same id (webhook-id) and body; attempts count from zero.',
    accepted: WebhookDeliveryView,
    notFound: NOT_YOURS,
    conflict: 'The webhook is disabled, or the delivery is still pending or failed (queued).',
  })
  redeliver(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('deliveryId', ParseUUIDPipe) deliveryId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<WebhookDeliveryView> {
    return this.deliveries.redeliver(id, deliveryId, caller);
  }

  @Endpoint('POST', 'redeliveries', {
    status: 202,
    summary:
      'Send again every dead delivery of the endpoint created since a time (failed ones are already retried on their own schedule).',
    accepted: RedeliveriesView,
    badRequest: 'since is missing or not an ISO 8601 instant.',
    notFound: NOT_YOURS,
    conflict: DISABLED,
  })
  redeliverSince(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: RedeliverSinceDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RedeliveriesView> {
    return this.deliveries.redeliverSince(id, input, caller);
  }
}
