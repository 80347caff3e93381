import { Query } from '@nestjs/common';
import { CurrentCaller, Endpoint, ServiceController, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { InvalidRequestError } from '@vigie/platform';
import { DeliveriesService } from './deliveries.service';
import { DeliveriesQuery } from './dto/deliveries.query';
import { DeliveryView } from './dto/delivery.view';

@ServiceController('v1/deliveries', 'deliveries', [ApiKeyRole.Subscriber, ApiKeyRole.Publisher])
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Endpoint('GET', undefined, {
    summary:
      'With alertId: how an alert (or broadcast) is being delivered, one entry per recipient, channel and target; its sender and administrators see every recipient, a recipient sees its own. ' +
      "With state: the caller's organisation's failing or dead deliveries, newest first (an administrator's: every organisation's).",
    ok: [DeliveryView],
    badRequest: 'Neither or both of alertId and state, alertId not a UUID, an unknown state or a limit out of 1–200.',
  })
  list(@Query() query: DeliveriesQuery, @CurrentCaller() caller: Caller): Promise<DeliveryView[]> {
    if (query.state && !query.alertId) return this.deliveries.inState(query.state, query.limit, caller);
    if (query.alertId && !query.state && query.limit === undefined) {
      return this.deliveries.forSubject(query.alertId, caller);
    }
    throw new InvalidRequestError([
      { field: 'alertId', problems: ['give either alertId, or state (with an optional limit)'] },
    ]);
  }
}
