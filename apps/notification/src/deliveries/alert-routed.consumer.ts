import { Controller } from '@nestjs/common';
import { Ctx, KafkaContext, Payload } from '@nestjs/microservices';
import { AlertRoutedV1 } from '@vigie/contracts';
import { Consumes, EventConsumer } from '@vigie/messaging';
import { DeliveriesService } from './deliveries.service';
import { DeliveryDispatcher } from './delivery.dispatcher';

@Controller()
export class AlertRoutedConsumer {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly deliveries: DeliveriesService,
    private readonly dispatcher: DeliveryDispatcher,
  ) {}

  @Consumes(AlertRoutedV1)
  async onAlertRouted(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.consumer.handle(AlertRoutedV1, value, context, (event, manager) =>
      this.deliveries.schedule(event, manager),
    );
    // The deliveries are committed: send them now rather than at the next poll.
    this.dispatcher.wake();
  }
}
