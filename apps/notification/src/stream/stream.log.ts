import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';

/** The channel a committed append is announced on; the payload is the organisation id. */
export const STREAM_CHANNEL = 'notification_stream';

const APPEND: PreparedStatement = {
  name: 'notification.stream-append',
  text: `WITH fresh AS (
         SELECT e.organisation_id, e.data FROM unnest($1::uuid[], $2::jsonb[]) AS e(organisation_id, data)
         WHERE NOT EXISTS (SELECT 1 FROM stream_events s
                           WHERE s.organisation_id = e.organisation_id AND s.type = $3 AND s.subject_id = $4)),
       heads AS (
         INSERT INTO stream_heads (organisation_id, last_seq)
         SELECT organisation_id, 1 FROM fresh ORDER BY organisation_id
         ON CONFLICT (organisation_id) DO UPDATE SET last_seq = stream_heads.last_seq + 1
         RETURNING organisation_id, last_seq),
       appended AS (
         INSERT INTO stream_events (id, organisation_id, seq, type, subject_id, data)
         SELECT gen_random_uuid(), h.organisation_id, h.last_seq, $3, $4, f.data FROM heads h JOIN fresh f USING (organisation_id)
         RETURNING organisation_id)
       SELECT count(pg_notify($5, organisation_id::text)) FROM appended`,
};

/** One message for several organisations, each with its own copy. */
export interface StreamAppend {
  /** SSE event name: `alert.routed`, `alert.escalated`, `broadcast.routed`, `alert.acknowledged`, `broadcast.acknowledged`. */
  type: string;
  /** The alert or broadcast the event is about: an organisation gets one event per type and subject. */
  subjectId: string;
  entries: { organisationId: string; data: Record<string, unknown> }[];
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
  /**
   * Appends each organisation's copy to its log, skipping organisations that already have this
   * event, in one statement whatever their number. Head rows are locked in organisation order, so
   * two transactions appending for overlapping organisations wait for each other instead of
   * deadlocking. The appends are announced with pg_notify, which is delivered at commit: a
   * listener never wakes for an event it cannot read yet.
   */
  async appendAll(manager: EntityManager, append: StreamAppend): Promise<void> {
    if (append.entries.length === 0) return;
    const entries = [...append.entries].sort((a, b) => (a.organisationId < b.organisationId ? -1 : 1));
    await runPrepared(manager, APPEND, [
      entries.map((entry) => entry.organisationId),
      entries.map((entry) => JSON.stringify(entry.data)),
      append.type,
      append.subjectId,
      STREAM_CHANNEL,
    ]);
  }

  /** The organisation's latest number (0 before its first event): where a new subscriber starts. */
  async head(manager: EntityManager, organisationId: string): Promise<string> {
    const rows = await manager.query<{ last_seq: string }[]>(
      'SELECT last_seq FROM stream_heads WHERE organisation_id = $1',
      [organisationId],
    );
    return rows[0]?.last_seq ?? '0';
  }

  async after(
    manager: EntityManager,
    organisationId: string,
    seq: string,
    limit: number,
  ): Promise<StoredStreamEvent[]> {
    return await manager.query<StoredStreamEvent[]>(
      `SELECT seq::text AS seq, type, data FROM stream_events
       WHERE organisation_id = $1 AND seq > $2::bigint ORDER BY seq LIMIT $3`,
      [organisationId, seq, limit],
    );
  }
}
