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

// Run for every batch of routing decisions consumed: prepared once per connection. The messages
// as one JSON document (ADR 48).
const INSERT_MESSAGES_SQL = `INSERT INTO routed_messages (id, kind, original_alert_id, sender_organisation_id, routed_at, broadcast)
   SELECT id, kind, original_alert_id, sender_organisation_id, routed_at, broadcast
   FROM jsonb_to_recordset($1::jsonb) AS m(id uuid, kind text, original_alert_id uuid,
     sender_organisation_id uuid, routed_at timestamptz, broadcast jsonb)
   ON CONFLICT (id) DO NOTHING`;
const insertRecipientsSql = (first: number) =>
  `INSERT INTO routed_recipients (message_id, organisation_id, rule, reason)
   SELECT * FROM unnest($${first}::uuid[], $${first + 1}::uuid[], $${first + 2}::text[], $${first + 3}::text[])
   ON CONFLICT DO NOTHING`;
const INSERT_RECIPIENTS: PreparedStatement = {
  name: 'notification.insert-routed-recipients',
  text: insertRecipientsSql(1),
};
/** Messages and their recipients together: one statement, the recipients' rows checked against the messages' at its end. */
const REMEMBER_MESSAGES: PreparedStatement = {
  name: 'notification.remember-routed-messages',
  text: `WITH messages AS (${INSERT_MESSAGES_SQL}) ${insertRecipientsSql(2)}`,
};

/**
 * Remembers routed messages and their recipients in one statement; a message or a recipient
 * already there is kept as it is.
 */
export async function rememberMessages(
  manager: EntityManager,
  messages: readonly (RoutedMessage & { recipients: readonly Recipient[] })[],
): Promise<void> {
  if (messages.length === 0) return;
  await runPrepared(manager, REMEMBER_MESSAGES, [
    messagesDocument(messages),
    ...recipientColumns(messages.map((message) => ({ messageId: message.id, recipients: message.recipients }))),
  ]);
}

function messagesDocument(messages: readonly RoutedMessage[]): string {
  return JSON.stringify(
    messages.map((message) => ({
      id: message.id,
      kind: message.kind,
      original_alert_id: message.originalAlertId,
      sender_organisation_id: message.senderOrganisationId,
      routed_at: message.routedAt,
      broadcast: message.broadcast,
    })),
  );
}

/** The recipients of messages as the four arrays the recipients' insert takes. */
function recipientColumns(messages: readonly { messageId: string; recipients: readonly Recipient[] }[]): string[][] {
  const rows = messages.flatMap(({ messageId, recipients }) =>
    recipients.map((recipient) => ({ messageId, ...recipient })),
  );
  return [
    rows.map((row) => row.messageId),
    rows.map((row) => row.organisationId),
    rows.map((row) => row.rule),
    rows.map((row) => row.reason),
  ];
}

/** Adds recipients to a message already remembered; one already there keeps its rule and reason. */
export async function insertRecipients(
  manager: EntityManager,
  messageId: string,
  recipients: readonly Recipient[],
): Promise<void> {
  if (recipients.length === 0) return;
  await runPrepared(manager, INSERT_RECIPIENTS, recipientColumns([{ messageId, recipients }]));
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
