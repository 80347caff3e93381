import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import { ReferentRole, type RoutedRecipient } from '@vigie/contracts';
import type { ConsumerTransaction } from '@vigie/messaging';
import { propagationHeaders } from '@vigie/observability';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { ReferentsDirectory } from '../directory/referents.directory';
import { StreamLog } from '../stream/stream.log';
import { deliveriesInStatus } from './deliveries.queries';
import { Delivery } from './delivery.entity';
import {
  ALL_CHANNELS,
  firstPerOrganisation,
  planDistribution,
  type Distribution,
  type PlannedDelivery,
} from './distribution.plan';
import { DEFAULT_STATE_LIMIT, type DeliveryState } from './dto/deliveries.query';
import { DeliveryView } from './dto/delivery.view';

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
    const webhooks = channels.has('webhook')
      ? await manager.query<{ id: string; organisation_id: string }[]>(
          `SELECT id, organisation_id FROM webhooks
           WHERE organisation_id = ANY($1::uuid[]) AND disabled_at IS NULL ORDER BY created_at, id`,
          [ids],
        )
      : [];
    const contacts =
      channels.has('email') && this.emailEnabled && message.department
        ? await this.referents.contacts(manager, ids, message.department, message.referentRole ?? ReferentRole.Primary)
        : [];
    const plan = planDistribution(message, { webhooks, contacts }, randomUUID);
    const scheduled = await this.insert(manager, message, plan.deliveries);
    const append = { type: message.type, subjectId: message.subjectId, entries: plan.stream };
    if (transaction) transaction.beforeCommit((last) => this.stream.appendAll(last, append));
    else await this.stream.appendAll(manager, append);
    if (scheduled > 0) this.logger.debug(`${message.type} ${message.subjectId}: ${scheduled} deliveries scheduled`);
    return scheduled;
  }

  /** Records who receives a message (routing's recipients, or the national level reached by escalation). */
  async addRecipients(manager: EntityManager, messageId: string, recipients: RoutedRecipient[]): Promise<void> {
    const unique = firstPerOrganisation(recipients);
    if (unique.length === 0) return;
    await manager.query(
      `INSERT INTO routed_recipients (message_id, organisation_id, rule, reason)
       SELECT $1, organisation_id, rule, reason FROM unnest($2::uuid[], $3::text[], $4::text[]) AS r(organisation_id, rule, reason)
       ON CONFLICT DO NOTHING`,
      [messageId, unique.map((r) => r.organisationId), unique.map((r) => r.rule), unique.map((r) => r.reason)],
    );
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

  /** Inserts the planned deliveries in one statement; those already there (same message and target) are kept. */
  private async insert(manager: EntityManager, message: Distribution, deliveries: PlannedDelivery[]): Promise<number> {
    if (deliveries.length === 0) return 0;
    const rows = await manager.query<unknown[]>(
      `INSERT INTO deliveries (id, alert_id, message_type, organisation_id, sender_organisation_id, channel,
         webhook_id, referent_id, email_address, status, next_attempt_at, body, trace_headers)
       SELECT d.id, $1, $2, d.organisation_id, $3, d.channel, d.webhook_id, d.referent_id, d.email_address,
         'pending', now(), d.body, $11::jsonb
       FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::uuid[], $8::uuid[], $9::text[], $10::jsonb[])
         AS d(id, organisation_id, channel, webhook_id, referent_id, email_address, body)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [
        message.subjectId,
        message.type,
        message.senderOrganisationId,
        deliveries.map((d) => d.id),
        deliveries.map((d) => d.organisationId),
        deliveries.map((d) => d.channel),
        deliveries.map((d) => d.webhookId),
        deliveries.map((d) => d.referentId),
        deliveries.map((d) => d.emailAddress),
        deliveries.map((d) => JSON.stringify(d.body)),
        // Each delivery's attempts continue the trace (and request id) of the message it carries.
        JSON.stringify(propagationHeaders()),
      ],
    );
    return rows.length;
  }
}
