import { Controller } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PartnerChangedV1, type EventEnvelope, type PartnerChangedV1Payload } from '@vigie/contracts';
import { Consumes } from '@vigie/messaging';
import { PartnerDirectory } from './partner.directory';

@Controller()
export class PartnerChangedConsumer {
  constructor(private readonly directory: PartnerDirectory) {}

  @Consumes(PartnerChangedV1)
  onPartnerChanged(event: EventEnvelope<PartnerChangedV1Payload>, manager: EntityManager): Promise<void> {
    return this.directory.apply(event.payload, manager);
  }
}
