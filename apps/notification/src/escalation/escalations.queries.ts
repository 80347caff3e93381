import type { EntityManager } from 'typeorm';
import type { AlertSnapshot } from '@vigie/contracts';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';

/** Armed escalations of one département. */
export interface OpenEscalationCount {
  department: string;
  count: number;
}

/**
 * The armed escalations by département, grouped in PostgreSQL (partial index ix_escalations_open).
 * `departments` null means every département.
 */
export async function openEscalationCounts(
  db: EntityManager,
  departments: string[] | null,
): Promise<OpenEscalationCount[]> {
  const rows = await db.query<{ department: string; count: string }[]>(
    `SELECT alert->'location'->>'department' AS department, count(*) AS count
       FROM escalations
      WHERE status = 'armed' AND ($1::text[] IS NULL OR alert->'location'->>'department' = ANY ($1::text[]))
      GROUP BY 1 ORDER BY 1`,
    [departments],
  );
  return rows.map((row) => ({ department: row.department, count: Number(row.count) }));
}

/** A place in the list of open escalations: the (armed at, id) of the last one of the previous page. */
export interface OpenEscalationPosition {
  /** When it was armed, to the microsecond, in UTC (ISO 8601). */
  armedAt: string;
  id: string;
}

/** One armed escalation as the board shows it (ADR 40). */
export interface OpenEscalation {
  /** The chain's original alert (the escalation's key). */
  originalAlertId: string;
  /** The message that armed it: the one whose content and readability are judged. */
  alertId: string;
  prefectureId: string;
  department: string;
  commune: string | null;
  communeName: string | null;
  eventCode: string | null;
  severity: string | null;
  tlp: string | null;
  armedAt: Date;
  /** Where the escalation stands: the prefecture alone was alerted, or its deputy referents too. */
  step: 'prefecture' | 'deputy';
  /** When the next step is taken unless the prefecture acknowledges. */
  deadline: Date | null;
  /** Null unless the caller may read the alert: its sender or one of its recipients. */
  headline: string | null;
  contentRestricted: boolean;
  position: OpenEscalationPosition;
}

interface OpenEscalationRow {
  id: string;
  alert_id: string;
  prefecture_id: string;
  department: string;
  commune: string | null;
  commune_name: string | null;
  event_code: string | null;
  severity: string | null;
  tlp: string | null;
  created_at: Date;
  position: string;
  next_step: 'deputy' | 'national' | null;
  next_step_at: Date | null;
  readable: boolean;
  headline: string | null;
}

/*
 * Content leaves the database only for a reader: the sender of the message that armed the
 * escalation, or an organisation routing made its recipient (routed_recipients), as for the
 * alert itself. Anyone else (an administrator included) gets the metadata and a null headline.
 */
const OPEN_ESCALATIONS = (after: boolean): string => `
  SELECT e.id, e.alert_id, e.prefecture_id, e.created_at, e.next_step, e.next_step_at,
         to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS position,
         e.alert->'location'->>'department' AS department,
         e.alert->'location'->>'commune' AS commune,
         e.alert->'location'->>'communeName' AS commune_name,
         e.alert->'info'->0->>'eventCode' AS event_code,
         e.alert->'info'->0->>'severity' AS severity,
         e.alert->>'tlp' AS tlp,
         reader.readable,
         CASE WHEN reader.readable THEN e.alert->'info'->0->>'headline' END AS headline
    FROM escalations e
   CROSS JOIN LATERAL (
     SELECT $2::uuid IS NOT NULL AND (
              e.alert->>'senderOrganisationId' = $2::text
              OR EXISTS (SELECT 1 FROM routed_recipients r WHERE r.message_id = e.alert_id AND r.organisation_id = $2::uuid)
            ) AS readable
   ) reader
   WHERE e.status = 'armed'
     AND ($1::text[] IS NULL OR e.alert->'location'->>'department' = ANY ($1::text[]))
     ${after ? 'AND (e.created_at, e.id) > ($4::timestamptz, $5::uuid)' : ''}
   ORDER BY e.created_at, e.id
   LIMIT $3`;

/**
 * The armed escalations of `departments` (null: every one), oldest first, `limit` at most after
 * `after`: a keyset page read in order from the partial index ix_escalations_open, so a page
 * costs the same whatever the history. `readerId` is the caller's organisation (null: none).
 */
export async function openEscalations(
  db: EntityManager,
  scope: { departments: string[] | null; readerId: string | null },
  page: { after?: OpenEscalationPosition; limit: number },
): Promise<OpenEscalation[]> {
  const parameters: unknown[] = [scope.departments, scope.readerId, page.limit];
  if (page.after) parameters.push(page.after.armedAt, page.after.id);
  const rows = await db.query<OpenEscalationRow[]>(OPEN_ESCALATIONS(page.after !== undefined), parameters);
  return rows.map(openEscalationOf);
}

export function openEscalationOf(row: OpenEscalationRow): OpenEscalation {
  return {
    originalAlertId: row.id,
    alertId: row.alert_id,
    prefectureId: row.prefecture_id,
    department: row.department,
    commune: row.commune,
    communeName: row.commune_name,
    eventCode: row.event_code,
    severity: row.severity,
    tlp: row.tlp,
    armedAt: new Date(row.created_at),
    step: row.next_step === 'national' ? 'deputy' : 'prefecture',
    deadline: row.next_step_at ? new Date(row.next_step_at) : null,
    headline: row.readable ? row.headline : null,
    contentRestricted: !row.readable,
    position: { armedAt: row.position, id: row.id },
  };
}

/** A position as an opaque cursor, and back; null for anything this API did not write. */
export function encodePosition(position: OpenEscalationPosition): string {
  return Buffer.from(`${position.armedAt}|${position.id}`).toString('base64url');
}

export function decodePosition(cursor: string): OpenEscalationPosition | null {
  const [armedAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !armedAt || !id) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(armedAt) || Number.isNaN(Date.parse(armedAt))) return null;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return null;
  return { armedAt, id };
}

/** An escalation as its alert's page shows it. */
export interface EscalationRow {
  id: string;
  prefecture_id: string;
  status: 'armed' | 'cancelled' | 'completed';
  next_step: 'deputy' | 'national' | null;
  next_step_at: Date | null;
}

/** An armed escalation whose next step is due, with what that step needs. */
export interface DueEscalation {
  id: string;
  prefecture_id: string;
  prefecture_name: string | null;
  alert: AlertSnapshot;
  next_step: 'deputy' | 'national';
}

export interface EscalationStep {
  step: string;
  detail: string;
  at: Date;
}

/** Arms the chain's escalation, its first step due in `deadlineSeconds`; false if it was already armed. */
export async function armEscalation(
  manager: EntityManager,
  alert: AlertSnapshot,
  prefectureId: string,
  deadlineSeconds: number,
): Promise<boolean> {
  const armed = await manager.query<{ id: string }[]>(
    `INSERT INTO escalations (id, alert_id, prefecture_id, alert, status, next_step, next_step_at)
     VALUES ($1, $2, $3, $4::jsonb, 'armed', 'deputy', now() + $5::int * interval '1 second')
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [alert.originalAlertId, alert.alertId, prefectureId, JSON.stringify(alert), deadlineSeconds],
  );
  return armed.length > 0;
}

/** The prefecture whose acknowledgement disarms the chain's escalation, if it has one. */
export async function escalationPrefecture(
  manager: EntityManager,
  originalAlertId: string,
): Promise<string | undefined> {
  const [row] = await manager.query<{ prefecture_id: string }[]>(
    'SELECT prefecture_id FROM escalations WHERE id = $1',
    [originalAlertId],
  );
  return row?.prefecture_id;
}

/** Polled every second by every instance: prepared once per connection. */
const DUE_ESCALATIONS: PreparedStatement = {
  name: 'notification.due-escalations',
  text: `SELECT e.id, e.prefecture_id, o.name AS prefecture_name, e.alert, e.next_step
         FROM escalations e LEFT JOIN directory_organisations o ON o.id = e.prefecture_id
         WHERE e.status = 'armed' AND e.next_step_at <= now()
         ORDER BY e.next_step_at LIMIT $1 FOR UPDATE OF e SKIP LOCKED`,
};

/** Up to `limit` armed escalations whose next step is due, locked for this transaction (others skip them). */
export function dueEscalations(manager: EntityManager, limit: number): Promise<DueEscalation[]> {
  return runPrepared<DueEscalation>(manager, DUE_ESCALATIONS, [limit]);
}

/** The escalation of the chain of alert `alertId`, if the caller sent or received that alert (or administers). */
export async function escalationOfAlert(
  manager: EntityManager,
  alertId: string,
  caller: { isAdmin: boolean; organisationId: string | null },
): Promise<EscalationRow | undefined> {
  const [row] = await manager.query<EscalationRow[]>(
    `SELECT e.id, e.prefecture_id, e.status, e.next_step, e.next_step_at
     FROM routed_messages m JOIN escalations e ON e.id = m.original_alert_id
     WHERE m.id = $1
       AND ($2 OR m.sender_organisation_id = $3
            OR EXISTS (SELECT 1 FROM routed_recipients r WHERE r.message_id = m.id AND r.organisation_id = $3))`,
    [alertId, caller.isAdmin, caller.organisationId],
  );
  return row;
}

export function escalationSteps(manager: EntityManager, escalationId: string): Promise<EscalationStep[]> {
  return manager.query<EscalationStep[]>(
    'SELECT step, detail, at FROM escalation_steps WHERE escalation_id = $1 ORDER BY at, step',
    [escalationId],
  );
}

/** The deputy was alerted: the national level is next, one more deadline later. */
export async function nationalStepNext(manager: EntityManager, id: string, deadlineSeconds: number): Promise<void> {
  await manager.query(
    `UPDATE escalations SET next_step = 'national', next_step_at = now() + $2::int * interval '1 second' WHERE id = $1`,
    [id, deadlineSeconds],
  );
}

/** The national level was reached: nothing comes next. */
export async function completeEscalation(manager: EntityManager, id: string): Promise<void> {
  await manager.query(
    "UPDATE escalations SET status = 'completed', next_step = NULL, next_step_at = NULL WHERE id = $1",
    [id],
  );
}

/** Cancels the chain's escalation if it is still armed; whether it was. */
export async function disarmEscalation(manager: EntityManager, originalAlertId: string): Promise<boolean> {
  // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, count], not the rows.
  const disarmed = await manager.query<{ id: string }[]>(
    `WITH disarmed AS (
       UPDATE escalations SET status = 'cancelled', next_step = NULL, next_step_at = NULL
       WHERE id = $1 AND status = 'armed' RETURNING id)
     SELECT id FROM disarmed`,
    [originalAlertId],
  );
  return disarmed.length > 0;
}

/** One step of the escalation's history, recorded once. */
export async function recordEscalationStep(
  manager: EntityManager,
  escalationId: string,
  step: string,
  detail: string,
): Promise<void> {
  await manager.query(
    'INSERT INTO escalation_steps (escalation_id, step, detail) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [escalationId, step, detail],
  );
}

/** How many escalations are armed, and how long the oldest has been (seconds; 0 when none is). */
export async function armedEscalationGauge(db: EntityManager): Promise<{ open: number; oldest: number }> {
  const [row] = await db.query<{ open: number; oldest: number }[]>(
    `SELECT count(*)::int AS open, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest
     FROM escalations WHERE status = 'armed'`,
  );
  return row;
}
