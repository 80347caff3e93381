import { Controller } from '@nestjs/common';
import { Ctx, KafkaContext, Payload } from '@nestjs/microservices';
import { AlertRoutedV1 } from '@vigie/contracts';
import { Consumes, EventConsumer } from '@vigie/messaging';

/** Records who received each alert, so recipients can read it (and only it) here. */
@Controller()
export class AlertRoutedConsumer {
  constructor(private readonly consumer: EventConsumer) {}

  @Consumes(AlertRoutedV1)
  onAlertRouted(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    return this.consumer.handle(AlertRoutedV1, value, context, async (event, manager) => {
      const { alert, recipients } = event.payload;
      if (recipients.length === 0) return;
      await manager.query(
        `INSERT INTO alert_recipients (alert_id, organisation_id)
         SELECT $1, organisation_id FROM unnest($2::uuid[]) AS r(organisation_id) ON CONFLICT DO NOTHING`,
        [alert.alertId, [...new Set(recipients.map((recipient) => recipient.organisationId))]],
      );
    });
  }
}
