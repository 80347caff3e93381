import { Controller } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AlertRoutedV1, type AlertRoutedV1Payload, type EventEnvelope } from '@vigie/contracts';
import { BatchedBeforeCommit, Consumes, type ConsumerTransaction } from '@vigie/messaging';
import { insertRecipients } from './alerts.queries';

/**
 * Records who received each alert, so recipients can read it (and only it) here. Recording a
 * recipient twice changes nothing (the insert ignores conflicts), so the events need no inbox and
 * the batch's one statement no transaction (ADR 58).
 */
@Controller()
export class AlertRoutedConsumer {
  /** The recipients of the alerts of each batch being handled, written in one statement before its commit. */
  private readonly pending = new BatchedBeforeCommit<{ alertId: string; organisationId: string }>(insertRecipients);

  @Consumes(AlertRoutedV1, { idempotent: true })
  onAlertRouted(
    event: EventEnvelope<AlertRoutedV1Payload>,
    _manager: EntityManager,
    transaction: ConsumerTransaction,
  ): Promise<void> {
    const { alert, recipients } = event.payload;
    const organisations = new Set(recipients.map((recipient) => recipient.organisationId));
    this.pending.add(
      transaction,
      ...[...organisations].map((organisationId) => ({ alertId: alert.alertId, organisationId })),
    );
    return Promise.resolve();
  }
}
