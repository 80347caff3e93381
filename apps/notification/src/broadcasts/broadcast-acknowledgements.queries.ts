import type { EntityManager } from 'typeorm';
import type { BroadcastSnapshot } from '@vigie/contracts';
import { messageRoutedTo, messageVisibleTo } from '../deliveries/routed-messages.queries';
import { positionOf, type PagePosition } from '../page-cursor';

/** Who may read a broadcast's acknowledgements: its sender and administrators all of them, a recipient its own. */
export interface BroadcastReader {
  organisationId: string | null;
  isAdmin: boolean;
}

/** One organisation's acknowledgement of a broadcast. */
export interface BroadcastAcknowledgement {
  broadcastId: string;
  organisationId: string;
  organisationName: string | null;
  /** The person who acknowledged through the console; null for an API key. */
  person: { id: string; name: string } | null;
  acknowledgedAt: Date;
}

/** A broadcast as one recipient organisation received it, with that organisation's acknowledgement. */
export interface ReceivedBroadcast {
  broadcast: BroadcastSnapshot;
  routedAt: Date;
  /** Why it reached the organisation: routing's rule and reason for this recipient. */
  rule: string;
  reason: string;
  acknowledgement: BroadcastAcknowledgement | null;
}

interface AcknowledgementRow {
  broadcast_id: string;
  organisation_id: string;
  organisation_name: string | null;
  person_id: string | null;
  person_name: string | null;
  acknowledged_at: Date;
}

interface ReceivedRow {
  id: string;
  broadcast: BroadcastSnapshot;
  routed_at: Date;
  position: string;
  rule: string;
  reason: string;
  ack_organisation_id: string | null;
  ack_organisation_name: string | null;
  person_id: string | null;
  person_name: string | null;
  acknowledged_at: Date | null;
}

const acknowledgementOf = (row: AcknowledgementRow): BroadcastAcknowledgement => ({
  broadcastId: row.broadcast_id,
  organisationId: row.organisation_id,
  organisationName: row.organisation_name,
  person: row.person_id ? { id: row.person_id, name: row.person_name ?? '' } : null,
  acknowledgedAt: new Date(row.acknowledged_at),
});

const receivedOf = (row: ReceivedRow): ReceivedBroadcast => ({
  broadcast: row.broadcast,
  routedAt: new Date(row.routed_at),
  rule: row.rule,
  reason: row.reason,
  acknowledgement:
    row.ack_organisation_id && row.acknowledged_at
      ? acknowledgementOf({
          broadcast_id: row.broadcast.broadcastId,
          organisation_id: row.ack_organisation_id,
          organisation_name: row.ack_organisation_name,
          person_id: row.person_id,
          person_name: row.person_name,
          acknowledged_at: row.acknowledged_at,
        })
      : null,
});

const RECEIVED = `
  SELECT m.id, m.broadcast, m.routed_at, ${positionOf('m.routed_at')} AS position, r.rule, r.reason, a.organisation_id AS ack_organisation_id,
         o.name AS ack_organisation_name, a.person_id, a.person_name, a.acknowledged_at
  FROM routed_recipients r
  JOIN routed_messages m ON m.id = r.message_id AND m.kind = 'broadcast' AND m.broadcast IS NOT NULL
  LEFT JOIN broadcast_acknowledgements a ON a.broadcast_id = m.id AND a.organisation_id = r.organisation_id
  LEFT JOIN directory_organisations o ON o.id = a.organisation_id
  WHERE r.organisation_id = $1`;

const ACKNOWLEDGEMENTS = `
  SELECT a.broadcast_id, a.organisation_id, o.name AS organisation_name, a.person_id, a.person_name, a.acknowledged_at
  FROM broadcast_acknowledgements a
  LEFT JOIN directory_organisations o ON o.id = a.organisation_id`;

/**
 * The broadcasts routed to an organisation, newest first, after a position (a page of a keyset
 * list): at most `limit`, each with its own position.
 */
export async function receivedBroadcasts(
  manager: EntityManager,
  organisationId: string,
  page: { after: PagePosition | null; limit: number },
): Promise<(ReceivedBroadcast & { position: PagePosition })[]> {
  const rows = await manager.query<ReceivedRow[]>(
    `${RECEIVED}
       AND ($2::timestamp IS NULL OR (m.routed_at, m.id) < ($2::timestamp AT TIME ZONE 'UTC', $3::uuid))
     ORDER BY m.routed_at DESC, m.id DESC LIMIT $4`,
    [organisationId, page.after?.position ?? null, page.after?.id ?? null, page.limit],
  );
  return rows.map((row) => ({ ...receivedOf(row), position: { position: row.position, id: row.id } }));
}

/** One broadcast routed to the organisation; null when it was not (or does not exist). */
export async function receivedBroadcast(
  manager: EntityManager,
  organisationId: string,
  broadcastId: string,
): Promise<ReceivedBroadcast | null> {
  const [row] = await manager.query<ReceivedRow[]>(`${RECEIVED} AND m.id = $2`, [organisationId, broadcastId]);
  return row ? receivedOf(row) : null;
}

/** The sender of a broadcast routed to the organisation; null when it was not routed to it. */
export async function senderOfBroadcastTo(
  manager: EntityManager,
  broadcastId: string,
  organisationId: string,
): Promise<string | null> {
  return (await messageRoutedTo(manager, 'broadcast', broadcastId, organisationId))?.senderOrganisationId ?? null;
}

/** Records the organisation's acknowledgement unless it has one: true when this call recorded it. */
export async function insertBroadcastAcknowledgement(
  manager: EntityManager,
  acknowledgement: {
    broadcastId: string;
    organisationId: string;
    apiKeyId: string;
    person: { id: string; name: string } | null;
  },
): Promise<boolean> {
  const inserted = await manager.query<unknown[]>(
    `INSERT INTO broadcast_acknowledgements (broadcast_id, organisation_id, api_key_id, person_id, person_name)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
    [
      acknowledgement.broadcastId,
      acknowledgement.organisationId,
      acknowledgement.apiKeyId,
      acknowledgement.person?.id ?? null,
      acknowledgement.person?.name ?? null,
    ],
  );
  return inserted.length > 0;
}

/** One organisation's acknowledgement of a broadcast, if any. */
export async function broadcastAcknowledgement(
  manager: EntityManager,
  broadcastId: string,
  organisationId: string,
): Promise<BroadcastAcknowledgement | null> {
  const [row] = await manager.query<AcknowledgementRow[]>(
    `${ACKNOWLEDGEMENTS} WHERE a.broadcast_id = $1 AND a.organisation_id = $2`,
    [broadcastId, organisationId],
  );
  return row ? acknowledgementOf(row) : null;
}

/** Whether the reader may see the broadcast at all: its sender, a recipient, an administrator. */
export function broadcastVisibleTo(
  manager: EntityManager,
  broadcastId: string,
  reader: BroadcastReader,
): Promise<boolean> {
  return messageVisibleTo(manager, 'broadcast', broadcastId, reader);
}

/**
 * The acknowledgements of these broadcasts the reader may see, oldest first: every one for the
 * sender and administrators, a recipient's own otherwise (who else received a broadcast is the
 * sender's to know). Broadcasts it may not see contribute nothing.
 */
export async function broadcastAcknowledgements(
  manager: EntityManager,
  broadcastIds: string[],
  reader: BroadcastReader,
): Promise<BroadcastAcknowledgement[]> {
  const rows = await manager.query<AcknowledgementRow[]>(
    `${ACKNOWLEDGEMENTS}
     JOIN routed_messages m ON m.id = a.broadcast_id
     WHERE a.broadcast_id = ANY($1::uuid[]) AND ($2 OR m.sender_organisation_id = $3 OR a.organisation_id = $3)
     ORDER BY a.acknowledged_at, a.organisation_id`,
    [broadcastIds, reader.isAdmin, reader.organisationId],
  );
  return rows.map(acknowledgementOf);
}
