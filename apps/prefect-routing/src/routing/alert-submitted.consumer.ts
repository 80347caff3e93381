import { Controller } from '@nestjs/common';
import { Ctx, KafkaContext, Payload } from '@nestjs/microservices';
import { AlertSubmittedV1 } from '@vigie/contracts';
import { Consumes, EventConsumer } from '@vigie/messaging';
import { RoutingService } from './routing.service';

@Controller()
export class AlertSubmittedConsumer {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly routing: RoutingService,
  ) {}

  @Consumes(AlertSubmittedV1)
  onAlertSubmitted(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consumer.handle(AlertSubmittedV1, value, context, (event, manager) =>
      this.routing.route(event, manager),
    );
  }
}
