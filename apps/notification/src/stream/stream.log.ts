import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** The channel a committed append is announced on; the payload is the organisation id. */
export const STREAM_CHANNEL = 'notification_stream';

export interface StreamEntry {
  organisationId: string;
  /** SSE event name: `alert.routed`, `alert.escalated`, `broadcast.routed`, `alert.acknowledged`. */
  type: string;
  /** The alert or broadcast the event is about: an organisation gets one event per type and subject. */
  subjectId: string;
  data: Record<string, unknown>;
}

export interface StoredStreamEvent {
  seq: string;
  type: string;
  data: Record<string, unknown>;
}

/**
 * Each organisation's stream is a numbered log. An append takes the organisation's next number
 * by updating its head row, which stays locked until the transaction ends: an organisation's
 * events therefore commit in the order of their numbers, and a reader that saw number n has
 * seen every event before it. A replay is "everything after n", exactly once.
 */
@Injectable()
export class StreamLog {
  async append(manager: EntityManager, entry: StreamEntry): Promise<void> {
    const exists = (await manager.query(
      'SELECT 1 FROM stream_events WHERE organisation_id = $1 AND type = $2 AND subject_id = $3',
      [entry.organisationId, entry.type, entry.subjectId],
    )) as unknown[];
    if (exists.length > 0) return;
    const [{ last_seq: seq }] = (await manager.query(
      `INSERT INTO stream_heads (organisation_id, last_seq) VALUES ($1, 1)
       ON CONFLICT (organisation_id) DO UPDATE SET last_seq = stream_heads.last_seq + 1
       RETURNING last_seq`,
      [entry.organisationId],
    )) as { last_seq: string }[];
    await manager.query(
      `INSERT INTO stream_events (id, organisation_id, seq, type, subject_id, data) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
      [randomUUID(), entry.organisationId, seq, entry.type, entry.subjectId, JSON.stringify(entry.data)],
    );
    // Delivered at commit: listeners never wake for an event they cannot read yet.
    await manager.query('SELECT pg_notify($1, $2)', [STREAM_CHANNEL, entry.organisationId]);
  }

  /** The organisation's latest number (0 before its first event): where a new subscriber starts. */
  async head(manager: EntityManager, organisationId: string): Promise<string> {
    const rows = (await manager.query('SELECT last_seq FROM stream_heads WHERE organisation_id = $1', [
      organisationId,
    ])) as { last_seq: string }[];
    return rows[0]?.last_seq ?? '0';
  }

  async after(
    manager: EntityManager,
    organisationId: string,
    seq: string,
    limit: number,
  ): Promise<StoredStreamEvent[]> {
    return (await manager.query(
      `SELECT seq::text AS seq, type, data FROM stream_events
       WHERE organisation_id = $1 AND seq > $2::bigint ORDER BY seq LIMIT $3`,
      [organisationId, seq, limit],
    )) as StoredStreamEvent[];
  }
}
