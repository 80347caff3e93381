import type { EntityManager } from 'typeorm';
import type { BroadcastSnapshot } from '@vigie/contracts';

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

/** Remembers a routed message; one already there is kept as it is. */
export async function insertRoutedMessage(manager: EntityManager, message: RoutedMessage): Promise<void> {
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
}

/** Adds recipients to a message in one statement; one already there keeps its rule and reason. */
export async function insertRecipients(
  manager: EntityManager,
  messageId: string,
  recipients: readonly Recipient[],
): Promise<void> {
  if (recipients.length === 0) return;
  await manager.query(
    `INSERT INTO routed_recipients (message_id, organisation_id, rule, reason)
     SELECT $1, organisation_id, rule, reason FROM unnest($2::uuid[], $3::text[], $4::text[]) AS r(organisation_id, rule, reason)
     ON CONFLICT DO NOTHING`,
    [messageId, recipients.map((r) => r.organisationId), recipients.map((r) => r.rule), recipients.map((r) => r.reason)],
  );
}

/** The chain and sender of an alert routed to this organisation; undefined if it was not routed there. */
export async function alertRoutedTo(
  manager: EntityManager,
  alertId: string,
  organisationId: string,
): Promise<{ originalAlertId: string; senderOrganisationId: string } | undefined> {
  const [row] = await manager.query<{ original_alert_id: string; sender_organisation_id: string }[]>(
    `SELECT m.original_alert_id, m.sender_organisation_id FROM routed_messages m
     JOIN routed_recipients r ON r.message_id = m.id AND r.organisation_id = $2
     WHERE m.id = $1 AND m.kind = 'alert'`,
    [alertId, organisationId],
  );
  return row && { originalAlertId: row.original_alert_id, senderOrganisationId: row.sender_organisation_id };
}

/** Whether an alert was sent by or routed to the organisation (any alert routed, for an administrator). */
export async function alertVisibleTo(
  manager: EntityManager,
  alertId: string,
  caller: { isAdmin: boolean; organisationId: string | null },
): Promise<boolean> {
  const rows = await manager.query<unknown[]>(
    `SELECT 1 FROM routed_messages m
     WHERE m.id = $1 AND m.kind = 'alert' AND ($2 OR m.sender_organisation_id = $3
       OR EXISTS (SELECT 1 FROM routed_recipients r WHERE r.message_id = m.id AND r.organisation_id = $3))`,
    [alertId, caller.isAdmin, caller.organisationId],
  );
  return rows.length > 0;
}
