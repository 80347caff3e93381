import { Controller } from '@nestjs/common';
import { Ctx, KafkaContext, Payload } from '@nestjs/microservices';
import { AlertCancelledV1, AlertSubmittedV1, AlertUpdatedV1 } from '@vigie/contracts';
import { Consumes, EventConsumer } from '@vigie/messaging';
import { RoutingService } from './routing.service';

@Controller()
export class AlertMessagesConsumer {
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

  @Consumes(AlertUpdatedV1)
  onAlertUpdated(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consumer.handle(AlertUpdatedV1, value, context, (event, manager) =>
      this.routing.routeChange(event, manager),
    );
  }

  @Consumes(AlertCancelledV1)
  onAlertCancelled(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consumer.handle(AlertCancelledV1, value, context, (event, manager) =>
      this.routing.routeChange(event, manager),
    );
  }
}
