import { Controller } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AlertRoutedV1, type AlertRoutedV1Payload, type EventEnvelope } from '@vigie/contracts';
import { Consumes, type ConsumerTransaction } from '@vigie/messaging';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';

/** One statement for a whole batch of routed alerts: each column comes as an array. */
const INSERT_RECIPIENTS: PreparedStatement = {
  name: 'ingestion.insert-alert-recipients',
  text: `INSERT INTO alert_recipients (alert_id, organisation_id)
         SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`,
};

/** Records who received each alert, so recipients can read it (and only it) here. */
@Controller()
export class AlertRoutedConsumer {
  /** The recipients of the alerts of each batch being handled, written once before its commit. */
  private readonly pending = new WeakMap<ConsumerTransaction, { alertId: string; organisationId: string }[]>();

  @Consumes(AlertRoutedV1)
  onAlertRouted(
    event: EventEnvelope<AlertRoutedV1Payload>,
    _manager: EntityManager,
    transaction: ConsumerTransaction,
  ): Promise<void> {
    const { alert, recipients } = event.payload;
    let rows = this.pending.get(transaction);
    if (!rows) {
      const batch: { alertId: string; organisationId: string }[] = [];
      this.pending.set(transaction, batch);
      transaction.beforeCommit(async (manager) => {
        if (batch.length === 0) return;
        await runPrepared(manager, INSERT_RECIPIENTS, [
          batch.map((row) => row.alertId),
          batch.map((row) => row.organisationId),
        ]);
      });
      rows = batch;
    }
    for (const organisationId of new Set(recipients.map((recipient) => recipient.organisationId))) {
      rows.push({ alertId: alert.alertId, organisationId });
    }
    return Promise.resolve();
  }
}
