import { Controller } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AlertCancelledV1,
  AlertSubmittedV1,
  AlertUpdatedV1,
  type AlertChangedV1Payload,
  type AlertSubmittedV1Payload,
  type EventEnvelope,
} from '@vigie/contracts';
import { Consumes, type ConsumerTransaction } from '@vigie/messaging';
import { RoutingService } from './routing.service';

@Controller()
export class AlertMessagesConsumer {
  constructor(private readonly routing: RoutingService) {}

  @Consumes(AlertSubmittedV1)
  onAlertSubmitted(
    event: EventEnvelope<AlertSubmittedV1Payload>,
    manager: EntityManager,
    transaction: ConsumerTransaction,
  ): Promise<void> {
    return this.routing.route(event, manager, transaction);
  }

  @Consumes(AlertUpdatedV1)
  onAlertUpdated(event: EventEnvelope<AlertChangedV1Payload>, manager: EntityManager): Promise<void> {
    return this.routing.routeChange(event, manager);
  }

  @Consumes(AlertCancelledV1)
  onAlertCancelled(event: EventEnvelope<AlertChangedV1Payload>, manager: EntityManager): Promise<void> {
    return this.routing.routeChange(event, manager);
  }
}
