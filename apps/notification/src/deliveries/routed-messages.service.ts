import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AlertRoutedV1Payload, BroadcastRoutedV1Payload, EventEnvelope } from '@vigie/contracts';
import type { ConsumerTransaction } from '@vigie/messaging';
import { EscalationsService } from '../escalation/escalations.service';
import { DeliveriesService } from './deliveries.service';

/**
 * What notification does with a routing decision, in the transaction that records the event as
 * handled: remember who sent it and who receives it (they alone may read its deliveries and
 * acknowledge it), hand it to each recipient on its channels, and arm or cancel the escalation.
 * What is remembered and handed over is written at the transaction's end, with the batch's other
 * messages, in one statement (ADR 62).
 */
@Injectable()
export class RoutedMessagesService {
  constructor(
    private readonly deliveries: DeliveriesService,
    private readonly escalations: EscalationsService,
  ) {}

  async alertRouted(
    event: EventEnvelope<AlertRoutedV1Payload>,
    manager: EntityManager,
    transaction: Pick<ConsumerTransaction, 'beforeCommit' | 'afterCommit'>,
  ): Promise<void> {
    const { alert, recipients, routedAt } = event.payload;
    this.deliveries.remember(transaction, {
      id: alert.alertId,
      kind: 'alert',
      originalAlertId: alert.originalAlertId,
      senderOrganisationId: alert.senderOrganisationId,
      routedAt,
      recipients,
      broadcast: null,
    });
    await this.escalations.onRouted(manager, event.payload);
    await this.deliveries.distribute(
      manager,
      {
        type: 'alert.routed',
        subjectId: alert.alertId,
        senderOrganisationId: alert.senderOrganisationId,
        department: alert.location.department,
        content: { alert, routedAt },
        recipients,
      },
      transaction,
    );
  }

  async broadcastRouted(
    event: EventEnvelope<BroadcastRoutedV1Payload>,
    manager: EntityManager,
    transaction: Pick<ConsumerTransaction, 'beforeCommit' | 'afterCommit'>,
  ): Promise<void> {
    const { broadcast, recipients, routedAt } = event.payload;
    this.deliveries.remember(transaction, {
      id: broadcast.broadcastId,
      kind: 'broadcast',
      originalAlertId: null,
      senderOrganisationId: broadcast.senderOrganisationId,
      routedAt,
      recipients,
      broadcast,
    });
    // A broadcast may cover several départements: the referents e-mailed are those of each.
    for (const department of broadcast.audience.departments.length ? broadcast.audience.departments : [null]) {
      await this.deliveries.distribute(
        manager,
        {
          type: 'broadcast.routed',
          subjectId: broadcast.broadcastId,
          senderOrganisationId: broadcast.senderOrganisationId,
          department,
          content: { broadcast, routedAt },
          recipients,
        },
        transaction,
      );
    }
  }
}
