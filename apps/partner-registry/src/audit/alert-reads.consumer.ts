import { Controller } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditReadV1, type AuditReadV1Payload, type EventEnvelope } from '@vigie/contracts';
import { Consumes } from '@vigie/messaging';
import { alertReadEntry } from './alert-reads';
import { insertReportedRead, personName } from './audit-log.queries';

/**
 * Writes the reads of alerts ingestion reports into the audit trail. The event id is unique in
 * the trail: a redelivered event (even after the inbox forgot it) writes nothing more.
 */
@Controller()
export class AlertReadsConsumer {
  @Consumes(AuditReadV1)
  async onAlertRead(event: EventEnvelope<AuditReadV1Payload>, manager: EntityManager): Promise<void> {
    const name = event.payload.personId ? await personName(manager, event.payload.personId) : null;
    await insertReportedRead(manager, alertReadEntry(event, name));
  }
}
