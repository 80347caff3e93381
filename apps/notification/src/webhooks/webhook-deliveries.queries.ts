import type { EntityManager } from 'typeorm';
import type { DeliveryStatus } from '../deliveries/delivery.entity';
import { positionOf, type PagePosition } from '../page-cursor';

/** `deliveries` to one webhook, as its organisation's self-service routes read and resend them. */

export interface WebhookDelivery {
  id: string;
  /** The alert or broadcast delivered; for a test event, the id of the test. */
  subjectId: string;
  messageType: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  lastResponseStatus: number | null;
  lastDurationMs: number | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date;
  createdAt: Date;
  sentAt: Date | null;
}

interface WebhookDeliveryRow {
  id: string;
  alert_id: string;
  message_type: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  last_response_status: number | null;
  last_duration_ms: number | null;
  last_attempt_at: Date | null;
  next_attempt_at: Date;
  created_at: Date;
  sent_at: Date | null;
}

const COLUMNS = `id, alert_id, message_type, status, attempts, last_error, last_response_status,
  last_duration_ms, last_attempt_at, next_attempt_at, created_at, sent_at`;

const fromRow = (row: WebhookDeliveryRow): WebhookDelivery => ({
  id: row.id,
  subjectId: row.alert_id,
  messageType: row.message_type,
  status: row.status,
  attempts: row.attempts,
  lastError: row.last_error,
  lastResponseStatus: row.last_response_status,
  lastDurationMs: row.last_duration_ms,
  lastAttemptAt: row.last_attempt_at,
  nextAttemptAt: row.next_attempt_at,
  createdAt: row.created_at,
  sentAt: row.sent_at,
});

/** Queues a delivery to the webhook, due now, that the organisation sends itself (a test event). */
export async function insertOwnDelivery(
  manager: EntityManager,
  delivery: {
    id: string;
    subjectId: string;
    messageType: string;
    organisationId: string;
    webhookId: string;
    body: object;
  },
): Promise<WebhookDelivery> {
  const [row] = await manager.query<WebhookDeliveryRow[]>(
    `INSERT INTO deliveries (id, alert_id, message_type, organisation_id, sender_organisation_id, channel, webhook_id,
       status, next_attempt_at, body)
     VALUES ($1, $2, $3, $4, $4, 'webhook', $5, 'pending', now(), $6::jsonb)
     RETURNING ${COLUMNS}`,
    [
      delivery.id,
      delivery.subjectId,
      delivery.messageType,
      delivery.organisationId,
      delivery.webhookId,
      JSON.stringify(delivery.body),
    ],
  );
  return fromRow(row);
}

/**
 * A webhook's deliveries, optionally in one status, newest first, after a position: at most
 * `limit`, each with its own position.
 */
export async function webhookDeliveries(
  manager: EntityManager,
  query: { webhookId: string; status: DeliveryStatus | null; after: PagePosition | null; limit: number },
): Promise<(WebhookDelivery & { position: string })[]> {
  const rows = await manager.query<(WebhookDeliveryRow & { position: string })[]>(
    `SELECT ${COLUMNS},
            ${positionOf('created_at')} AS position
     FROM deliveries
     WHERE webhook_id = $1 AND ($2::text IS NULL OR status = $2)
       AND ($3::timestamp IS NULL OR (created_at, id) < ($3::timestamp AT TIME ZONE 'UTC', $4::uuid))
     ORDER BY created_at DESC, id DESC
     LIMIT $5`,
    [query.webhookId, query.status, query.after?.position ?? null, query.after?.id ?? null, query.limit],
  );
  return rows.map((row) => ({ ...fromRow(row), position: row.position }));
}

/**
 * Queues a sent or dead delivery of the webhook again: pending, attempts from zero, due now.
 * Undefined if the webhook has no such delivery in either status.
 */
export async function requeueDelivery(
  manager: EntityManager,
  webhookId: string,
  deliveryId: string,
): Promise<WebhookDelivery | undefined> {
  const [row] = await manager.query<WebhookDeliveryRow[]>(
    `WITH redelivered AS (
       UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL
       WHERE id = $1 AND webhook_id = $2 AND status IN ('sent', 'dead')
       RETURNING ${COLUMNS})
     SELECT * FROM redelivered`,
    [deliveryId, webhookId],
  );
  return row && fromRow(row);
}

/** The status of one of the webhook's deliveries; undefined if it has none with this id. */
export async function deliveryStatus(
  manager: EntityManager,
  webhookId: string,
  deliveryId: string,
): Promise<DeliveryStatus | undefined> {
  const [row] = await manager.query<{ status: DeliveryStatus }[]>(
    'SELECT status FROM deliveries WHERE id = $1 AND webhook_id = $2',
    [deliveryId, webhookId],
  );
  return row?.status;
}

/**
 * Queues again every dead delivery of the webhook created since `since`; how many, and how many
 * failed ones since then are still waiting for their own retry.
 */
export async function requeueDeadSince(
  manager: EntityManager,
  webhookId: string,
  since: string,
): Promise<{ redelivered: number; stillRetrying: number }> {
  const [counts] = await manager.query<{ redelivered: number; still_retrying: number }[]>(
    `WITH redelivered AS (
       UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL
       WHERE webhook_id = $1 AND status = 'dead' AND created_at >= $2::timestamptz
       RETURNING 1)
     SELECT (SELECT count(*) FROM redelivered)::int AS redelivered,
            (SELECT count(*) FROM deliveries
             WHERE webhook_id = $1 AND status = 'failed' AND created_at >= $2::timestamptz)::int AS still_retrying`,
    [webhookId, since],
  );
  return { redelivered: counts.redelivered, stillRetrying: counts.still_retrying };
}
