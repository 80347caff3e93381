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
import { RoutedMessagesService } from './routed-messages.service';

@Controller()
export class RoutedMessagesConsumer {
  constructor(private readonly routed: RoutedMessagesService) {}

  @Consumes(AlertRoutedV1)
  async onAlertRouted(
    event: EventEnvelope<AlertRoutedV1Payload>,
    manager: EntityManager,
    transaction: ConsumerTransaction,
  ): Promise<void> {
    // The deliveries are handed to the dispatcher once committed (ADR 46).
    await this.routed.alertRouted(event, manager, transaction);
  }

  @Consumes(BroadcastRoutedV1)
  async onBroadcastRouted(
    event: EventEnvelope<BroadcastRoutedV1Payload>,
    manager: EntityManager,
    transaction: ConsumerTransaction,
  ): Promise<void> {
    await this.routed.broadcastRouted(event, manager, transaction);
  }
}
