import { Controller } from '@nestjs/common';
import { Ctx, KafkaContext, Payload } from '@nestjs/microservices';
import { PartnerChangedV1 } from '@vigie/contracts';
import { Consumes, EventConsumer } from '@vigie/messaging';
import { PartnerDirectory } from './partner.directory';

@Controller()
export class PartnerChangedConsumer {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly directory: PartnerDirectory,
  ) {}

  @Consumes(PartnerChangedV1)
  onPartnerChanged(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consumer.handle(PartnerChangedV1, value, context, (event, manager) =>
      this.directory.apply(event.payload, manager),
    );
  }
}
