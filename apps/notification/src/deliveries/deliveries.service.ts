import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import { ReferentRole, type RoutedRecipient } from '@vigie/contracts';
import type { ConsumerTransaction } from '@vigie/messaging';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { ReferentsDirectory } from '../directory/referents.directory';
import { StreamLog } from '../stream/stream.log';
import { activeWebhooksOf } from '../webhooks/webhooks.queries';
import { deliveriesInStatus, insertDeliveries } from './deliveries.queries';
import { Delivery } from './delivery.entity';
import {
  ALL_CHANNELS,
  firstPerOrganisation,
  planDistribution,
  type Distribution,
} from './distribution.plan';
import { DEFAULT_STATE_LIMIT, type DeliveryState } from './dto/deliveries.query';
import { DeliveryView } from './dto/delivery.view';
import { insertRecipients } from './routed-messages.queries';

@Injectable()
export class DeliveriesService {
  private readonly logger = new Logger(DeliveriesService.name);
  private readonly emailEnabled: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly stream: StreamLog,
    private readonly referents: ReferentsDirectory,
    @Inject(NOTIFICATION_CONFIG) config: NotificationConfig,
  ) {
    this.emailEnabled = config.email.smtpUrl !== null;
  }

  /**
   * Hands a message to each recipient, in the caller's transaction (the one that records the
   * event as handled): a stream event, one pending delivery per active webhook, one per
   * referent to e-mail. Unique keys make a second distribution of the same message a no-op, so
   * each delivery id is minted once and stays the same on every attempt. The body is fixed
   * here: every attempt sends the same bytes. Each recipient sees its own copy only. A handful
   * of statements whatever the number of recipients: a national alert to a thousand partners
   * costs what one to a prefecture does, plus the rows. The stream append locks the recipients'
   * stream heads until commit, so it comes last: at the end of the caller's transaction when it
   * is a consumer's (after the other events of the batch), else right away.
   */
  async distribute(
    manager: EntityManager,
    message: Distribution,
    transaction?: Pick<ConsumerTransaction, 'beforeCommit'>,
  ): Promise<number> {
    const recipients = firstPerOrganisation(message.recipients);
    if (recipients.length === 0) return 0;
    const channels = new Set(message.channels ?? ALL_CHANNELS);
    const ids = recipients.map((recipient) => recipient.organisationId);
    const webhooks = channels.has('webhook') ? await activeWebhooksOf(manager, ids) : [];
    const contacts =
      channels.has('email') && this.emailEnabled && message.department
        ? await this.referents.contacts(manager, ids, message.department, message.referentRole ?? ReferentRole.Primary)
        : [];
    const plan = planDistribution(message, { webhooks, contacts }, randomUUID);
    const scheduled = await insertDeliveries(manager, message, plan.deliveries);
    const append = { type: message.type, subjectId: message.subjectId, entries: plan.stream };
    if (transaction) transaction.beforeCommit((last) => this.stream.appendAll(last, append));
    else await this.stream.appendAll(manager, append);
    if (scheduled > 0) this.logger.debug(`${message.type} ${message.subjectId}: ${scheduled} deliveries scheduled`);
    return scheduled;
  }

  /** Records who receives a message (routing's recipients, or the national level reached by escalation). */
  async addRecipients(manager: EntityManager, messageId: string, recipients: RoutedRecipient[]): Promise<void> {
    const unique = firstPerOrganisation(recipients);
    await insertRecipients(manager, messageId, unique);
  }

  /**
   * Deliveries of an alert (or broadcast): all of them for its sender and administrators, a
   * recipient's own for a recipient, none for anyone else.
   */
  async forSubject(subjectId: string, caller: Caller): Promise<DeliveryView[]> {
    const organisationId = caller.organisationId;
    if (!caller.isAdmin && !organisationId) return [];
    const where = caller.isAdmin
      ? { alertId: subjectId }
      : [
          { alertId: subjectId, organisationId: organisationId! },
          { alertId: subjectId, senderOrganisationId: organisationId! },
        ];
    const deliveries = await this.dataSource.manager.find(Delivery, { where, order: { createdAt: 'ASC', id: 'ASC' } });
    return deliveries.map(DeliveryView.of);
  }

  /**
   * The caller's organisation's failing or dead deliveries, newest first (every organisation's
   * for an administrator): what it should look at before a partner calls to ask.
   */
  async inState(state: DeliveryState, limit: number | undefined, caller: Caller): Promise<DeliveryView[]> {
    if (!caller.isAdmin && !caller.organisationId) return [];
    const rows = await deliveriesInStatus(this.dataSource.manager, {
      organisationId: caller.isAdmin ? null : caller.organisationId,
      status: state === 'failing' ? 'failed' : 'dead',
      limit: limit ?? DEFAULT_STATE_LIMIT,
    });
    return rows.map(DeliveryView.of);
  }
}
