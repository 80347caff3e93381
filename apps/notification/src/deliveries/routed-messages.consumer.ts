import { Controller } from '@nestjs/common';
import { Ctx, KafkaContext, Payload } from '@nestjs/microservices';
import { AlertRoutedV1, BroadcastRoutedV1 } from '@vigie/contracts';
import { Consumes, EventConsumer } from '@vigie/messaging';
import { DeliveryDispatcher } from './delivery.dispatcher';
import { RoutedMessagesService } from './routed-messages.service';

@Controller()
export class RoutedMessagesConsumer {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly routed: RoutedMessagesService,
    private readonly dispatcher: DeliveryDispatcher,
  ) {}

  @Consumes(AlertRoutedV1)
  async onAlertRouted(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(AlertRoutedV1, value, context, (event, manager) =>
      this.routed.alertRouted(event, manager),
    );
    // The deliveries are committed: send them now rather than at the next poll.
    this.dispatcher.wake();
  }

  @Consumes(BroadcastRoutedV1)
  async onBroadcastRouted(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(BroadcastRoutedV1, value, context, (event, manager) =>
      this.routed.broadcastRouted(event, manager),
    );
    this.dispatcher.wake();
  }
}
