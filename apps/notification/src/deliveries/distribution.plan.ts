import type { ReferentRole, RoutedRecipient } from '@vigie/contracts';
import type { ReferentContact } from '../directory/referents.directory';

export type MessageType = 'alert.routed' | 'alert.escalated' | 'broadcast.routed';
export type Channel = 'stream' | 'webhook' | 'email';

export const ALL_CHANNELS: Channel[] = ['stream', 'webhook', 'email'];

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

export interface PlannedDelivery {
  id: string;
  organisationId: string;
  channel: 'webhook' | 'email';
  webhookId: string | null;
  referentId: string | null;
  emailAddress: string | null;
  /** This delivery's own part of what it sends: the plan's `content` completes it. */
  body: Record<string, unknown>;
}

/**
 * What a distribution writes. What every recipient sees alike (`content`: the message type, the
 * alert or broadcast) is stored once for all of them; each stream event and delivery holds only
 * its own part (its recipient, its delivery id), and what is read or sent is the content with
 * that part laid over it: `{ type, ...content, recipient }`, plus `deliveryId` for a webhook.
 * A national alert to a thousand partners stores the alert once, not two thousand times.
 */
export interface DistributionPlan {
  content: Record<string, unknown>;
  /** One stream event per recipient, its own part. */
  stream: { organisationId: string; data: Record<string, unknown> }[];
  deliveries: PlannedDelivery[];
}

/** Routing names each recipient once; should it repeat one, the first reason is kept. */
export function firstPerOrganisation<R extends { organisationId: string }>(recipients: readonly R[]): R[] {
  const byOrganisation = new Map<string, R>();
  for (const recipient of recipients) {
    if (!byOrganisation.has(recipient.organisationId)) byOrganisation.set(recipient.organisationId, recipient);
  }
  return [...byOrganisation.values()];
}

/** Items by key, each group in the order given. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * What a distribution writes, decided without the database: each recipient's own part (its rule
 * and reason, nobody else's), on the stream, to each of its active webhooks (the body carries the
 * delivery id, minted here once) and to each referent to e-mail.
 */
export function planDistribution(
  message: Distribution,
  targets: { webhooks: { id: string; organisationId: string }[]; contacts: ReferentContact[] },
  newId: () => string,
): DistributionPlan {
  const channels = new Set(message.channels ?? ALL_CHANNELS);
  const webhooks = groupBy(targets.webhooks, (webhook) => webhook.organisationId);
  const contacts = groupBy(targets.contacts, (contact) => contact.organisationId);
  const plan: DistributionPlan = { content: { type: message.type, ...message.content }, stream: [], deliveries: [] };
  for (const recipient of firstPerOrganisation(message.recipients)) {
    const organisationId = recipient.organisationId;
    const copy = { recipient: { organisationId, rule: recipient.rule, reason: recipient.reason } };
    if (channels.has('stream')) plan.stream.push({ organisationId, data: copy });
    if (channels.has('webhook')) {
      for (const webhook of webhooks.get(organisationId) ?? []) {
        const id = newId();
        plan.deliveries.push({
          id,
          organisationId,
          channel: 'webhook',
          webhookId: webhook.id,
          referentId: null,
          emailAddress: null,
          body: { deliveryId: id, ...copy },
        });
      }
    }
    if (channels.has('email')) {
      for (const contact of contacts.get(organisationId) ?? []) {
        plan.deliveries.push({
          id: newId(),
          organisationId,
          channel: 'email',
          webhookId: null,
          referentId: contact.id,
          emailAddress: contact.email,
          body: copy,
        });
      }
    }
  }
  return plan;
}
