import { Controller } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AlertRoutedV1, type AlertRoutedV1Payload, type EventEnvelope } from '@vigie/contracts';
import { Consumes } from '@vigie/messaging';

/** Records who received each alert, so recipients can read it (and only it) here. */
@Controller()
export class AlertRoutedConsumer {
  @Consumes(AlertRoutedV1)
  async onAlertRouted(event: EventEnvelope<AlertRoutedV1Payload>, manager: EntityManager): Promise<void> {
    const { alert, recipients } = event.payload;
    if (recipients.length === 0) return;
    await manager.query(
      `INSERT INTO alert_recipients (alert_id, organisation_id)
       SELECT $1, organisation_id FROM unnest($2::uuid[]) AS r(organisation_id) ON CONFLICT DO NOTHING`,
      [alert.alertId, [...new Set(recipients.map((recipient) => recipient.organisationId))]],
    );
  }
}
