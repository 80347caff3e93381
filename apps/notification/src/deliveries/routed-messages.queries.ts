import type { EntityManager } from 'typeorm';
import type { BroadcastSnapshot } from '@vigie/contracts';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';

/** `routed_messages` and `routed_recipients`: the alerts and broadcasts routed, and who receives each. */

export interface RoutedMessage {
  id: string;
  kind: 'alert' | 'broadcast';
  originalAlertId: string | null;
  senderOrganisationId: string;
  routedAt: string;
  /** A broadcast's content, kept so its recipients can list what they received. */
  broadcast: BroadcastSnapshot | null;
}

export interface Recipient {
  organisationId: string;
  rule: string;
  reason: string;
}

/** A routed message with who receives it. */
export type RememberedMessage = RoutedMessage & { recipients: readonly Recipient[] };

/**
 * The CTEs `messages` and `recipients` that remember routed messages (`messages`, a JSON document,
 * ADR 48) and their recipients (`recipients`, another); a message or a recipient already there is
 * kept as it is. The recipients' rows are checked against the messages' at the statement's end.
 */
export function rememberedMessages(messages: string, recipients: string): string {
  return `messages AS (
           INSERT INTO routed_messages (id, kind, original_alert_id, sender_organisation_id, routed_at, broadcast)
           SELECT id, kind, original_alert_id, sender_organisation_id, routed_at, broadcast
           FROM jsonb_to_recordset(${messages}::jsonb) AS m(id uuid, kind text, original_alert_id uuid,
             sender_organisation_id uuid, routed_at timestamptz, broadcast jsonb)
           ON CONFLICT (id) DO NOTHING),
         recipients AS (
           INSERT INTO routed_recipients (message_id, organisation_id, rule, reason)
           SELECT message_id, organisation_id, rule, reason
           FROM jsonb_to_recordset(${recipients}::jsonb) AS r(message_id uuid, organisation_id uuid, rule text, reason text)
           ON CONFLICT DO NOTHING)`;
}

/** The messages and their recipients as the two documents {@link rememberedMessages} reads. */
export function rememberedDocuments(messages: readonly RememberedMessage[]): [string, string] {
  return [
    JSON.stringify(
      messages.map((message) => ({
        id: message.id,
        kind: message.kind,
        original_alert_id: message.originalAlertId,
        sender_organisation_id: message.senderOrganisationId,
        routed_at: message.routedAt,
        broadcast: message.broadcast,
      })),
    ),
    JSON.stringify(
      messages.flatMap((message) =>
        message.recipients.map((recipient) => ({
          message_id: message.id,
          organisation_id: recipient.organisationId,
          rule: recipient.rule,
          reason: recipient.reason,
        })),
      ),
    ),
  ];
}

const INSERT_RECIPIENTS: PreparedStatement = {
  name: 'notification.insert-routed-recipients',
  text: `INSERT INTO routed_recipients (message_id, organisation_id, rule, reason)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])
         ON CONFLICT DO NOTHING`,
};

/** Adds recipients to a message already remembered; one already there keeps its rule and reason. */
export async function insertRecipients(
  manager: EntityManager,
  messageId: string,
  recipients: readonly Recipient[],
): Promise<void> {
  if (recipients.length === 0) return;
  await runPrepared(manager, INSERT_RECIPIENTS, [
    recipients.map(() => messageId),
    recipients.map((recipient) => recipient.organisationId),
    recipients.map((recipient) => recipient.rule),
    recipients.map((recipient) => recipient.reason),
  ]);
}

/**
 * The chain (for an alert) and the sender of a message routed to this organisation; undefined if
 * no message of this kind was routed there.
 */
export async function messageRoutedTo(
  manager: EntityManager,
  kind: RoutedMessage['kind'],
  messageId: string,
  organisationId: string,
): Promise<Pick<RoutedMessage, 'originalAlertId' | 'senderOrganisationId'> | undefined> {
  const [row] = await manager.query<{ original_alert_id: string | null; sender_organisation_id: string }[]>(
    `SELECT m.original_alert_id, m.sender_organisation_id FROM routed_messages m
     JOIN routed_recipients r ON r.message_id = m.id AND r.organisation_id = $2
     WHERE m.id = $1 AND m.kind = $3`,
    [messageId, organisationId, kind],
  );
  return row && { originalAlertId: row.original_alert_id, senderOrganisationId: row.sender_organisation_id };
}

/** The chain and sender of an alert routed to this organisation; undefined if it was not routed there. */
export async function alertRoutedTo(
  manager: EntityManager,
  alertId: string,
  organisationId: string,
): Promise<{ originalAlertId: string; senderOrganisationId: string } | undefined> {
  const alert = await messageRoutedTo(manager, 'alert', alertId, organisationId);
  // An alert always belongs to a chain.
  return alert && { originalAlertId: alert.originalAlertId!, senderOrganisationId: alert.senderOrganisationId };
}

/**
 * Whether a routed message (an alert or a broadcast) was sent by or routed to the reader's
 * organisation (any message routed, for an administrator).
 */
export async function messageVisibleTo(
  manager: EntityManager,
  kind: RoutedMessage['kind'],
  messageId: string,
  reader: { isAdmin: boolean; organisationId: string | null },
): Promise<boolean> {
  const rows = await manager.query<unknown[]>(
    `SELECT 1 FROM routed_messages m
     WHERE m.id = $1 AND m.kind = $4 AND ($2 OR m.sender_organisation_id = $3
       OR EXISTS (SELECT 1 FROM routed_recipients r WHERE r.message_id = m.id AND r.organisation_id = $3))`,
    [messageId, reader.isAdmin, reader.organisationId, kind],
  );
  return rows.length > 0;
}

/** Whether an alert was sent by or routed to the organisation (any alert routed, for an administrator). */
export function alertVisibleTo(
  manager: EntityManager,
  alertId: string,
  caller: { isAdmin: boolean; organisationId: string | null },
): Promise<boolean> {
  return messageVisibleTo(manager, 'alert', alertId, caller);
}
