import type { DataSource, EntityManager } from 'typeorm';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';
import { withContent } from '../deliveries/message-contents.queries';

/**
 * `stream_heads` and `stream_events`: each organisation's numbered log of stream events, and the
 * last number it used.
 */

/**
 * The CTEs up to `appended` (the organisation of each event appended) that append the events of
 * a JSON document (`document`, ADR 48). Each entry is (organisation, event type, subject, content,
 * data, its rank): `data` is the organisation's own part, laid over the shared content (if any)
 * when read. An organisation's new events take the next numbers of its head in the order given;
 * entries it already has (same type and subject) are skipped. Head rows are updated in organisation order, so two transactions appending for
 * overlapping organisations wait for each other instead of deadlocking.
 *
 * It does not NOTIFY (ADR 50).
 *
 * `OFFSET 0` keeps the "already has it" check a probe of the unique index per entry (ADR 49).
 * Without it PostgreSQL turns the check into an anti-join and, guessing a hundred entries for
 * any JSON array, hashes the whole table whenever it holds fewer than some ten thousand rows:
 * each append then read the table through, for the one to ten entries it usually carries.
 */
export function appendedEvents(document: string): string {
  return `input AS (
         SELECT e.* FROM jsonb_to_recordset(${document}::jsonb)
           AS e(organisation_id uuid, type text, subject_id uuid, content_id uuid, data jsonb, ord int)),
       fresh AS (
         SELECT DISTINCT ON (i.organisation_id, i.type, i.subject_id) i.* FROM input i
         WHERE NOT EXISTS (SELECT 1 FROM stream_events s
                           WHERE s.organisation_id = i.organisation_id AND s.type = i.type AND s.subject_id = i.subject_id
                           OFFSET 0)
         ORDER BY i.organisation_id, i.type, i.subject_id, i.ord),
       counts AS (SELECT organisation_id, count(*) AS n FROM fresh GROUP BY organisation_id),
       heads AS (
         INSERT INTO stream_heads (organisation_id, last_seq)
         SELECT organisation_id, n FROM counts ORDER BY organisation_id
         ON CONFLICT (organisation_id) DO UPDATE SET last_seq = stream_heads.last_seq + EXCLUDED.last_seq
         RETURNING organisation_id, last_seq),
       appended AS (
         INSERT INTO stream_events (id, organisation_id, seq, type, subject_id, content_id, data)
         SELECT gen_random_uuid(), f.organisation_id,
                h.last_seq - c.n + row_number() OVER (PARTITION BY f.organisation_id ORDER BY f.ord),
                f.type, f.subject_id, f.content_id, f.data
         FROM fresh f JOIN heads h USING (organisation_id) JOIN counts c USING (organisation_id)
         RETURNING organisation_id)`;
}

/** Appends the events of a document; the organisations whose logs grew. */
export const APPEND_EVENTS: PreparedStatement = {
  name: 'notification.stream-append-events',
  text: `WITH ${appendedEvents('$1')} SELECT DISTINCT organisation_id::text AS organisation_id FROM appended`,
};

/** One event for several organisations, each with its own copy (or its own part of a shared content). */
export interface EventCopies {
  type: string;
  subjectId: string;
  /** What every copy shares, stored once in `message_contents`; each entry's data is laid over it. */
  contentId?: string;
  entries: { organisationId: string; data: Record<string, unknown> }[];
}

export interface StoredStreamEvent {
  seq: string;
  type: string;
  data: Record<string, unknown>;
}

/** Appends the events' copies in one statement; returns the organisations whose logs grew. */
export async function appendEvents(manager: EntityManager, events: readonly EventCopies[]): Promise<string[]> {
  if (!events.some((event) => event.entries.length > 0)) return [];
  const appended = await runPrepared<{ organisation_id: string }>(manager, APPEND_EVENTS, [eventsDocument(events)]);
  return appended.map((row) => row.organisation_id);
}

/** The events' copies as the document {@link appendedEvents} reads, in the order given. */
export function eventsDocument(events: readonly EventCopies[]): string {
  const rows = events.flatMap((event) => event.entries.map((entry) => ({ ...entry, event })));
  return JSON.stringify(
    rows.map((row, index) => ({
      organisation_id: row.organisationId,
      type: row.event.type,
      subject_id: row.event.subjectId,
      content_id: row.event.contentId ?? null,
      data: row.data,
      ord: index,
    })),
  );
}

/**
 * Announces on `channel` that these organisations' logs grew, in a statement of its own after
 * the append committed: its transaction takes the server's NOTIFY lock only for itself, and
 * commits without waiting for its WAL flush (what it records is only this announcement).
 */
const ANNOUNCE_APPENDS: PreparedStatement = {
  name: 'notification.stream-announce',
  text: `SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, organisation)
         FROM unnest($2::text[]) AS organisation`,
};

export async function announceAppends(
  dataSource: DataSource,
  channel: string,
  organisations: readonly string[],
): Promise<void> {
  await runPrepared(dataSource, ANNOUNCE_APPENDS, [channel, organisations]);
}

/** The organisation's latest number, '0' before its first event. */
export async function streamHead(manager: EntityManager, organisationId: string): Promise<string> {
  const rows = await manager.query<{ last_seq: string }[]>(
    'SELECT last_seq FROM stream_heads WHERE organisation_id = $1',
    [organisationId],
  );
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
    `SELECT s.seq::text AS seq, s.type, ${withContent('s.data', 'c')} AS data
     FROM stream_events s LEFT JOIN message_contents c ON c.id = s.content_id
     WHERE s.organisation_id = $1 AND s.seq > $2::bigint ORDER BY s.seq LIMIT $3`,
    [organisationId, seq, limit],
  );
}

/** Forgets the events older than this: the stream is kept for replay only so long. */
export async function dropEventsOlderThan(manager: EntityManager, seconds: number): Promise<void> {
  await manager.query("DELETE FROM stream_events WHERE created_at < now() - $1::int * interval '1 second'", [seconds]);
}
