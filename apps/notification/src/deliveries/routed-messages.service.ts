import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  AlertRoutedV1Payload,
  BroadcastRoutedV1Payload,
  BroadcastSnapshot,
  EventEnvelope,
  RoutedRecipient,
} from '@vigie/contracts';
import type { ConsumerTransaction } from '@vigie/messaging';
import { EscalationsService } from '../escalation/escalations.service';
import { DeliveriesService } from './deliveries.service';

/**
 * What notification does with a routing decision, in the transaction that records the event as
 * handled: remember who sent it and who receives it (they alone may read its deliveries and
 * acknowledge it), hand it to each recipient on its channels, and arm or cancel the escalation.
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
    transaction: Pick<ConsumerTransaction, 'beforeCommit'>,
  ): Promise<void> {
    const { alert, recipients, routedAt } = event.payload;
    await this.remember(manager, {
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
    transaction: Pick<ConsumerTransaction, 'beforeCommit'>,
  ): Promise<void> {
    const { broadcast, recipients, routedAt } = event.payload;
    await this.remember(manager, {
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

  private async remember(
    manager: EntityManager,
    message: {
      id: string;
      kind: 'alert' | 'broadcast';
      originalAlertId: string | null;
      senderOrganisationId: string;
      routedAt: string;
      recipients: RoutedRecipient[];
      /** A broadcast's content, kept so its recipients can list what they received. */
      broadcast: BroadcastSnapshot | null;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO routed_messages (id, kind, original_alert_id, sender_organisation_id, routed_at, broadcast)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
      [
        message.id,
        message.kind,
        message.originalAlertId,
        message.senderOrganisationId,
        message.routedAt,
        message.broadcast ? JSON.stringify(message.broadcast) : null,
      ],
    );
    await this.deliveries.addRecipients(manager, message.id, message.recipients);
  }
}
