import type { EntityManager } from 'typeorm';
import type { DeliveryStatus } from './delivery.entity';
import type { ClaimedDelivery } from './delivery.queue';
import type { Distribution, PlannedDelivery } from './distribution.plan';
import { overlaid } from './message-contents.queries';

/** A row of `deliveries` as the organisation-wide reads return it (never its body). */
export interface DeliveryRow {
  id: string;
  alertId: string;
  messageType: string;
  organisationId: string;
  channel: string;
  webhookId: string | null;
  referentId: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

interface RawDeliveryRow {
  id: string;
  alert_id: string;
  message_type: string;
  organisation_id: string;
  channel: string;
  webhook_id: string | null;
  referent_id: string | null;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

const toRow = (raw: RawDeliveryRow): DeliveryRow => ({
  id: raw.id,
  alertId: raw.alert_id,
  messageType: raw.message_type,
  organisationId: raw.organisation_id,
  channel: raw.channel,
  webhookId: raw.webhook_id,
  referentId: raw.referent_id,
  status: raw.status,
  attempts: raw.attempts,
  lastError: raw.last_error,
  createdAt: raw.created_at,
  sentAt: raw.sent_at,
});

/**
 * The deliveries to one organisation (or to every organisation, for an administrator: null) in
 * one status, newest first. Served by the partial index ix_deliveries_in_trouble.
 */
export async function deliveriesInStatus(
  manager: EntityManager,
  query: { organisationId: string | null; status: Extract<DeliveryStatus, 'failed' | 'dead'>; limit: number },
): Promise<DeliveryRow[]> {
  const rows = await manager.query<RawDeliveryRow[]>(
    `SELECT id, alert_id, message_type, organisation_id, channel, webhook_id, referent_id, status, attempts,
            last_error, created_at, sent_at
     FROM deliveries
     WHERE status = $1 AND ($2::uuid IS NULL OR organisation_id = $2::uuid)
     ORDER BY created_at DESC, id DESC
     LIMIT $3`,
    [query.status, query.organisationId, query.limit],
  );
  return rows.map(toRow);
}

/** A planned delivery with the message it carries. */
export interface MessageDelivery extends PlannedDelivery {
  /** The message's content, stored once (`message_contents`); the body is this delivery's part. */
  contentId: string;
  /** That content as stored (`asStored`), the same object for every delivery of the message. */
  content: Record<string, unknown>;
  message: Pick<Distribution, 'subjectId' | 'type' | 'senderOrganisationId'>;
  /** The trace (and request id) the message came with: each attempt continues it. */
  traceHeaders: Record<string, string>;
}

/**
 * The CTE `inserted`: planned deliveries, of any number of messages, from one JSON document
 * (`document`, ADR 48); those already there (same message and target) are kept. Each new row is
 * pending and due now, or, with a lease (`leaseMs`, for the rows flagged `claimed`), claimed by the
 * caller as it is written: its first attempt counted, its next one past the lease, so that the
 * caller sends it once the transaction commits, and a crash before it does only delays it until the
 * lease ends, as after any claim.
 */
export function insertedDeliveries(document: string, leaseMs: string): string {
  return `inserted AS (
           INSERT INTO deliveries (id, alert_id, message_type, organisation_id, sender_organisation_id, channel,
             webhook_id, referent_id, email_address, status, attempts, next_attempt_at, content_id, body, trace_headers)
           SELECT d.id, d.alert_id, d.message_type, d.organisation_id, d.sender_organisation_id, d.channel,
             d.webhook_id, d.referent_id, d.email_address, 'pending', CASE WHEN d.claimed THEN 1 ELSE 0 END,
             now() + CASE WHEN d.claimed THEN ${leaseMs}::int ELSE 0 END * interval '1 millisecond', d.content_id, d.body,
             d.trace_headers
           FROM jsonb_to_recordset(${document}::jsonb)
             AS d(id uuid, alert_id uuid, message_type text, organisation_id uuid, sender_organisation_id uuid,
                  channel text, webhook_id uuid, referent_id uuid, email_address text, content_id uuid, body jsonb,
                  trace_headers jsonb, claimed boolean)
           ON CONFLICT DO NOTHING
           RETURNING *)`;
}

/** The deliveries as the document {@link insertedDeliveries} reads, those in `claimed` flagged. */
export function deliveriesDocument(deliveries: readonly MessageDelivery[], claimed: ReadonlySet<string>): string {
  return JSON.stringify(
    deliveries.map((d) => ({
      id: d.id,
      alert_id: d.message.subjectId,
      message_type: d.message.type,
      organisation_id: d.organisationId,
      sender_organisation_id: d.message.senderOrganisationId,
      channel: d.channel,
      webhook_id: d.webhookId,
      referent_id: d.referentId,
      email_address: d.emailAddress,
      content_id: d.contentId,
      body: d.body,
      trace_headers: d.traceHeaders,
      claimed: claimed.has(d.id),
    })),
  );
}

/**
 * The new rows, returned without their body as a claim returns them, put in the order planned
 * (each target's order of sending, which the joins do not keep); the claimed ones get their body
 * here, from the content and part in hand, not composed and parsed again for every row (ADR 48).
 */
export function asPlanned(rows: ClaimedDelivery[], deliveries: readonly MessageDelivery[]): ClaimedDelivery[] {
  const position = new Map(deliveries.map((delivery, index) => [delivery.id, index]));
  rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  for (const row of rows) {
    const planned = deliveries[position.get(row.id)!];
    if (row.attempts > 0) row.body = overlaid(planned.content, planned.body);
  }
  return rows;
}

/** Deliveries not yet sent, by channel and status (pending or failed): the queue's gauge. */
export async function waitingDeliveries(
  manager: EntityManager,
): Promise<{ channel: string; status: string; count: number }[]> {
  return await manager.query<{ channel: string; status: string; count: number }[]>(
    `SELECT channel, status, count(*)::int AS count FROM deliveries
     WHERE status IN ('pending', 'failed') GROUP BY channel, status`,
  );
}

/** Deliveries to a prefecture currently failing, by département of the prefecture. */
export async function failingPrefectureDeliveries(
  manager: EntityManager,
): Promise<{ department: string; count: number }[]> {
  return await manager.query<{ department: string; count: number }[]>(
    `SELECT unnest(o.departments) AS department, count(*)::int AS count
     FROM deliveries d JOIN directory_organisations o ON o.id = d.organisation_id
     WHERE d.status = 'failed' AND o.kind = 'PREFECTURE' GROUP BY 1`,
  );
}

/**
 * Queues an e-mail notice to every referent of the organisation, once per address (a primary
 * referent's row first), due now; the notice is its own subject. How many were queued.
 */
export async function insertNoticeToReferents(
  manager: EntityManager,
  notice: { subjectId: string; messageType: string; organisationId: string; body: object },
): Promise<number> {
  const rows = await manager.query<unknown[]>(
    `INSERT INTO deliveries (id, alert_id, message_type, organisation_id, channel, referent_id, email_address,
       status, next_attempt_at, body)
     SELECT gen_random_uuid(), $1, $2, $3, 'email', r.id, r.email, 'pending', now(), $4::jsonb
     FROM (SELECT DISTINCT ON (lower(email)) id, email FROM referents WHERE organisation_id = $3
           ORDER BY lower(email), role DESC, id) r
     RETURNING id`,
    [notice.subjectId, notice.messageType, notice.organisationId, JSON.stringify(notice.body)],
  );
  return rows.length;
}

/** Finished e-mail deliveries older than this keep their referent id, not the address. */
export async function eraseEmailAddressesOlderThan(manager: EntityManager, seconds: number): Promise<void> {
  await manager.query(
    `UPDATE deliveries SET email_address = 'erased'
     WHERE channel = 'email' AND status IN ('sent', 'dead') AND email_address <> 'erased'
       AND created_at < now() - $1::int * interval '1 second'`,
    [seconds],
  );
}
