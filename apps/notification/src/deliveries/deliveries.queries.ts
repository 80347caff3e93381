import type { EntityManager } from 'typeorm';
import type { DeliveryStatus } from './delivery.entity';

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
