import { Controller } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AlertRoutedV1, type AlertRoutedV1Payload, type EventEnvelope } from '@vigie/contracts';
import { Consumes, type ConsumerTransaction } from '@vigie/messaging';
import { insertRecipients } from './alerts.queries';

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
      // One statement for the whole batch of routed alerts.
      transaction.beforeCommit((manager) => insertRecipients(manager, batch));
      rows = batch;
    }
    for (const organisationId of new Set(recipients.map((recipient) => recipient.organisationId))) {
      rows.push({ alertId: alert.alertId, organisationId });
    }
    return Promise.resolve();
  }
}
