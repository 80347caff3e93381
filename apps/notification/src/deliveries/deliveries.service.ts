import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Caller } from '@vigie/access';
import { ReferentRole, type RoutedRecipient } from '@vigie/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { ReferentsDirectory } from '../directory/referents.directory';
import { StreamLog } from '../stream/stream.log';
import { DeliveryView } from './dto/delivery.view';
import { Delivery } from './delivery.entity';

export type MessageType = 'alert.routed' | 'alert.escalated' | 'broadcast.routed';
export type Channel = 'stream' | 'webhook' | 'email';

/** Something to hand to recipients on their channels. */
export interface Distribution {
  type: MessageType;
  /** The alert or broadcast id. */
  subjectId: string;
  senderOrganisationId: string;
  /** Where it happens: picks the referents to e-mail. */
  department: string | null;
  /** `{ alert }` or `{ broadcast }`, and anything else every recipient may see (routedAt, escalation…). */
  content: Record<string, unknown>;
  recipients: RoutedRecipient[];
  /** The referents e-mailed (PRIMARY by default; an escalation reaches the DEPUTY). */
  referentRole?: ReferentRole;
  channels?: Channel[];
}

/** Routing names each recipient once; should it repeat one, the first reason is kept. */
export function firstPerOrganisation(recipients: RoutedRecipient[]): RoutedRecipient[] {
  const byOrganisation = new Map<string, RoutedRecipient>();
  for (const recipient of recipients) {
    if (!byOrganisation.has(recipient.organisationId)) byOrganisation.set(recipient.organisationId, recipient);
  }
  return [...byOrganisation.values()];
}

const ALL_CHANNELS: Channel[] = ['stream', 'webhook', 'email'];

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
   * here: every attempt sends the same bytes. Each recipient sees its own copy only.
   */
  async distribute(manager: EntityManager, message: Distribution): Promise<number> {
    const recipients = firstPerOrganisation(message.recipients);
    if (recipients.length === 0) return 0;
    const channels = new Set(message.channels ?? ALL_CHANNELS);
    const ids = recipients.map((recipient) => recipient.organisationId);
    const webhooks = channels.has('webhook')
      ? ((await manager.query(
          `SELECT id, organisation_id FROM webhooks
           WHERE organisation_id = ANY($1::uuid[]) AND disabled_at IS NULL ORDER BY created_at, id`,
          [ids],
        )) as { id: string; organisation_id: string }[])
      : [];
    const contacts =
      channels.has('email') && this.emailEnabled && message.department
        ? await this.referents.contacts(manager, ids, message.department, message.referentRole ?? ReferentRole.Primary)
        : [];
    let scheduled = 0;
    for (const recipient of recipients) {
      const copy = {
        type: message.type,
        ...message.content,
        recipient: { organisationId: recipient.organisationId, rule: recipient.rule, reason: recipient.reason },
      };
      if (channels.has('stream')) {
        await this.stream.append(manager, {
          organisationId: recipient.organisationId,
          type: message.type,
          subjectId: message.subjectId,
          data: copy,
        });
      }
      for (const webhook of webhooks.filter((w) => w.organisation_id === recipient.organisationId)) {
        scheduled += await this.insert(manager, message, recipient.organisationId, copy, { webhookId: webhook.id });
      }
      for (const contact of contacts.filter((c) => c.organisationId === recipient.organisationId)) {
        scheduled += await this.insert(manager, message, recipient.organisationId, copy, {
          referentId: contact.id,
          email: contact.email,
        });
      }
    }
    if (scheduled > 0) this.logger.debug(`${message.type} ${message.subjectId}: ${scheduled} deliveries scheduled`);
    return scheduled;
  }

  /** Records who receives a message (routing's recipients, or the national level reached by escalation). */
  async addRecipients(manager: EntityManager, messageId: string, recipients: RoutedRecipient[]): Promise<void> {
    for (const recipient of firstPerOrganisation(recipients)) {
      await manager.query(
        `INSERT INTO routed_recipients (message_id, organisation_id, rule, reason) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [messageId, recipient.organisationId, recipient.rule, recipient.reason],
      );
    }
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

  private async insert(
    manager: EntityManager,
    message: Distribution,
    organisationId: string,
    copy: Record<string, unknown>,
    target: { webhookId: string } | { referentId: string; email: string },
  ): Promise<number> {
    const id = randomUUID();
    const webhook = 'webhookId' in target;
    const body = webhook ? { deliveryId: id, ...copy } : copy;
    const rows = (await manager.query(
      `INSERT INTO deliveries (id, alert_id, message_type, organisation_id, sender_organisation_id, channel,
         webhook_id, referent_id, email_address, status, next_attempt_at, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', now(), $10::jsonb)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [
        id,
        message.subjectId,
        message.type,
        organisationId,
        message.senderOrganisationId,
        webhook ? 'webhook' : 'email',
        webhook ? target.webhookId : null,
        webhook ? null : target.referentId,
        webhook ? null : target.email,
        JSON.stringify(body),
      ],
    )) as unknown[];
    return rows.length;
  }
}
