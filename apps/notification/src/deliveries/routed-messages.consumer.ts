import { Controller } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AlertRoutedV1,
  BroadcastRoutedV1,
  type AlertRoutedV1Payload,
  type BroadcastRoutedV1Payload,
  type EventEnvelope,
} from '@vigie/contracts';
import { Consumes, type ConsumerTransaction } from '@vigie/messaging';
import { DeliveryDispatcher } from './delivery.dispatcher';
import { RoutedMessagesService } from './routed-messages.service';

@Controller()
export class RoutedMessagesConsumer {
  constructor(
    private readonly routed: RoutedMessagesService,
    private readonly dispatcher: DeliveryDispatcher,
  ) {}

  @Consumes(AlertRoutedV1)
  async onAlertRouted(
    event: EventEnvelope<AlertRoutedV1Payload>,
    manager: EntityManager,
    transaction: ConsumerTransaction,
  ): Promise<void> {
    await this.routed.alertRouted(event, manager, transaction);
    // Once the deliveries are committed, send them rather than wait for the next poll.
    transaction.afterCommit(() => this.dispatcher.wake());
  }

  @Consumes(BroadcastRoutedV1)
  async onBroadcastRouted(
    event: EventEnvelope<BroadcastRoutedV1Payload>,
    manager: EntityManager,
    transaction: ConsumerTransaction,
  ): Promise<void> {
    await this.routed.broadcastRouted(event, manager, transaction);
    transaction.afterCommit(() => this.dispatcher.wake());
  }
}
