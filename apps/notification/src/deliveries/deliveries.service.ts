import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import { ReferentRole, type RoutedRecipient } from '@vigie/contracts';
import { BatchedBeforeCommit, type ConsumerTransaction } from '@vigie/messaging';
import { propagationHeaders } from '@vigie/observability';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { ReferentsDirectory, type ReferentContact } from '../directory/referents.directory';
import { StreamLog, type StreamAppend } from '../stream/stream.log';
import { ActiveWebhooks } from '../webhooks/active-webhooks';
import { deliveriesInStatus, type MessageDelivery } from './deliveries.queries';
import { DeliveryDispatcher } from './delivery.dispatcher';
import { Delivery } from './delivery.entity';
import type { ClaimedDelivery } from './delivery.queue';
import { ALL_CHANNELS, firstPerOrganisation, planDistribution, type Distribution } from './distribution.plan';
import { writeDistributions } from './distribution.queries';
import { DEFAULT_STATE_LIMIT, type DeliveryState } from './dto/deliveries.query';
import { DeliveryView } from './dto/delivery.view';
import { asStored, type MessageContent } from './message-contents.queries';
import { insertRecipients, type RememberedMessage } from './routed-messages.queries';

/** The département and referent role whose referents a message e-mails; null if it goes by no e-mail. */
function emailGroupOf(message: Distribution): string | null {
  if (!new Set(message.channels ?? ALL_CHANNELS).has('email') || !message.department) return null;
  return `${message.department}/${message.referentRole ?? ReferentRole.Primary}`;
}

/** A message to distribute, with the trace it came with. */
interface Queued {
  message: Distribution;
  traceHeaders: Record<string, string>;
}

/** What a consumer's transaction writes at its end: messages to distribute, routed messages to remember. */
type Batched = { queued: Queued } | { remembered: RememberedMessage };

@Injectable()
export class DeliveriesService {
  private readonly logger = new Logger(DeliveriesService.name);
  /** What each consumer transaction distributes and remembers, written together before it commits. */
  private readonly batches = new BatchedBeforeCommit<Batched>(async (manager, batched, transaction) => {
    const queued = batched.flatMap((item) => ('queued' in item ? [item.queued] : []));
    const remembered = batched.flatMap((item) => ('remembered' in item ? [item.remembered] : []));
    // Claimed as they are written, and sent as soon as the transaction commits (ADR 46).
    const written = await this.write(manager, queued, true, remembered);
    const claimed = written.filter((delivery) => delivery.attempts > 0);
    if (claimed.length > 0) transaction.afterCommit(() => this.dispatcher.handOff(claimed));
  });
  private readonly emailEnabled: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly stream: StreamLog,
    private readonly referents: ReferentsDirectory,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly webhooks: ActiveWebhooks,
    @Inject(NOTIFICATION_CONFIG) config: NotificationConfig,
  ) {
    this.emailEnabled = config.email.smtpUrl !== null;
  }

  /**
   * Remembers, in a consumer's transaction, who sent a routed message and who receives it (they
   * alone may read its deliveries and acknowledge it): written with the batch's distributions.
   */
  remember(transaction: Pick<ConsumerTransaction, 'beforeCommit' | 'afterCommit'>, message: RememberedMessage): void {
    this.batches.add(transaction, { remembered: { ...message, recipients: firstPerOrganisation(message.recipients) } });
  }

  /**
   * Hands a message to each recipient, in the caller's transaction (the one that records the
   * event as handled): a stream event, one pending delivery per active webhook, one per
   * referent to e-mail. Unique keys make a second distribution of the same message a no-op, so
   * each delivery id is minted once and stays the same on every attempt. The body is fixed
   * here: every attempt sends the same bytes. Each recipient sees its own copy only; what all
   * recipients see alike is stored once (ADR 45). One statement writes it all whatever the number
   * of recipients (ADR 62): a national alert to a thousand partners costs what one to a prefecture
   * does, plus the rows.
   *
   * In a consumer's transaction the messages of the whole batch are written together at its end,
   * by that one statement, whose stream append locks the recipients' stream heads until commit;
   * the number returned is then that of the deliveries planned. Those deliveries are claimed as
   * they are written and handed to the dispatcher at commit (ADR 46). Otherwise they are written
   * right away and the number is that of the deliveries scheduled.
   */
  async distribute(
    manager: EntityManager,
    message: Distribution,
    transaction?: Pick<ConsumerTransaction, 'beforeCommit' | 'afterCommit'>,
  ): Promise<number> {
    if (message.recipients.length === 0) return 0;
    // Captured here, in the handled event's context: its deliveries continue its trace.
    const queued: Queued = { message, traceHeaders: propagationHeaders() };
    if (!transaction) return (await this.write(manager, [queued], false)).length;
    this.batches.add(transaction, { queued });
    return firstPerOrganisation(message.recipients).length;
  }

  /**
   * The routed messages to remember, and the messages' contents, deliveries and stream events:
   * one statement for all of them. The new deliveries are returned; when `claiming`, those the
   * dispatcher can start at once are claimed as they are written (the caller hands them over
   * after commit), the others left pending.
   */
  private async write(
    manager: EntityManager,
    queued: readonly Queued[],
    claiming: boolean,
    remembered: readonly RememberedMessage[] = [],
  ): Promise<ClaimedDelivery[]> {
    const webhookRecipients = new Set<string>();
    for (const { message } of queued) {
      if (!new Set(message.channels ?? ALL_CHANNELS).has('webhook')) continue;
      for (const recipient of message.recipients) webhookRecipients.add(recipient.organisationId);
    }
    const webhooks = webhookRecipients.size > 0 ? await this.webhooks.of(manager, [...webhookRecipients]) : [];
    const contacts = await this.contactsFor(manager, queued);
    const contents: MessageContent[] = [];
    const deliveries: MessageDelivery[] = [];
    const stream: StreamAppend[] = [];
    for (const { message, traceHeaders } of queued) {
      const plan = planDistribution(
        message,
        { webhooks, contacts: contacts.get(emailGroupOf(message) ?? '') ?? [] },
        randomUUID,
      );
      if (plan.deliveries.length === 0 && plan.stream.length === 0) continue;
      const contentId = randomUUID();
      contents.push({ id: contentId, data: plan.content });
      const content = asStored(plan.content) as Record<string, unknown>;
      deliveries.push(
        ...plan.deliveries.map((delivery) => ({ ...delivery, contentId, content, message, traceHeaders })),
      );
      stream.push({ type: message.type, subjectId: message.subjectId, contentId, entries: plan.stream });
    }
    const claim = claiming ? { leaseMs: this.dispatcher.leaseMs, ids: this.dispatcher.claimable(deliveries) } : null;
    const { scheduled, grown } = await writeDistributions(manager, {
      messages: remembered,
      contents,
      deliveries,
      claim,
      stream,
    });
    this.stream.announceAfterCommit(manager, grown);
    if (scheduled.length > 0) this.logger.debug(`${queued.length} messages: ${scheduled.length} deliveries scheduled`);
    return scheduled;
  }

  /**
   * The referents to e-mail for the messages that go by e-mail (when e-mail is configured): one
   * look-up per département and referent role, for every recipient of the messages of that group.
   */
  private async contactsFor(
    manager: EntityManager,
    queued: readonly Queued[],
  ): Promise<Map<string, ReferentContact[]>> {
    const groups = new Map<string, { department: string; role: ReferentRole; ids: Set<string> }>();
    if (!this.emailEnabled) return new Map();
    for (const { message } of queued) {
      const group = emailGroupOf(message);
      if (!group) continue;
      const entry = groups.get(group) ?? {
        department: message.department!,
        role: message.referentRole ?? ReferentRole.Primary,
        ids: new Set<string>(),
      };
      for (const recipient of message.recipients) entry.ids.add(recipient.organisationId);
      groups.set(group, entry);
    }
    const contacts = new Map<string, ReferentContact[]>();
    for (const [group, { department, role, ids }] of groups) {
      contacts.set(group, await this.referents.contacts(manager, [...ids], department, role));
    }
    return contacts;
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
