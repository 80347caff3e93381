import type { EntityManager } from 'typeorm';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';

/**
 * `stream_heads` and `stream_events`: each organisation's numbered log of stream events, and the
 * last number it used.
 */

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

export interface StoredStreamEvent {
  seq: string;
  type: string;
  data: Record<string, unknown>;
}

/**
 * Appends each organisation's copy of one event (entries sorted by organisation, so that head
 * rows are locked in that order), skipping organisations that already have it, and announces
 * each append on `channel` at commit.
 */
export async function appendEvents(
  manager: EntityManager,
  append: { type: string; subjectId: string; entries: { organisationId: string; data: Record<string, unknown> }[] },
  channel: string,
): Promise<void> {
  await runPrepared(manager, APPEND, [
    append.entries.map((entry) => entry.organisationId),
    append.entries.map((entry) => JSON.stringify(entry.data)),
    append.type,
    append.subjectId,
    channel,
  ]);
}

/** The organisation's latest number, '0' before its first event. */
export async function streamHead(manager: EntityManager, organisationId: string): Promise<string> {
  const rows = await manager.query<{ last_seq: string }[]>('SELECT last_seq FROM stream_heads WHERE organisation_id = $1', [
    organisationId,
  ]);
  return rows[0]?.last_seq ?? '0';
}

/** The organisation's events numbered after `seq`, in order, at most `limit`. */
export async function eventsAfter(
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

/** Forgets the events older than this: the stream is kept for replay only so long. */
export async function dropEventsOlderThan(manager: EntityManager, seconds: number): Promise<void> {
  await manager.query("DELETE FROM stream_events WHERE created_at < now() - $1::int * interval '1 second'", [seconds]);
}
