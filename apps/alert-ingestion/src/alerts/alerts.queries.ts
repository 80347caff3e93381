import type { DataSource, EntityManager } from 'typeorm';
import type { DirectoryOrganisation } from '@vigie/access';
import { primaryInfo, type AlertSnapshot } from '@vigie/contracts';
import { OUTBOX_COLUMNS, OUTBOX_RECORD, outboxRecord, type OutboxRow } from '@vigie/messaging';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';
import { CLAIM_KEYS, claimValues, type KeyRow } from '../idempotency/idempotency-keys.queries';
import type { AlertCursor } from './alert.cursor';

/**
 * The alerts aggregate's SQL: `alerts` (every message of every chain, its snapshot beside the
 * columns that filter it) and `alert_recipients` (who may read each message here). Every read
 * is scoped to an organisation: its sender, or a recipient routing named.
 */

const VISIBLE_TO = `(a.sender_organisation_id = $1
  OR EXISTS (SELECT 1 FROM alert_recipients r WHERE r.alert_id = a.id AND r.organisation_id = $1))`;

const ALERT_COLUMNS = `id, original_alert_id, sender_organisation_id, sent, status, msg_type, department, event_code,
  severity, tlp, personal_data, snapshot, identifier, declared_sender_digest, declared_sent`;
/** What each column is made of, from an {@link alertRecord} (the declared sender is kept as a digest). */
const ALERT_VALUES = `id, original_alert_id, sender_organisation_id, sent, status, msg_type, department, event_code,
  severity, tlp, personal_data, snapshot, identifier, sha256(convert_to(declared_sender, 'UTF8')), declared_sent`;
const ALERT_RECORD = `id uuid, original_alert_id uuid, sender_organisation_id uuid, sent timestamptz, status text,
  msg_type text, department text, event_code text, severity text, tlp text, personal_data boolean,
  snapshot jsonb, identifier text, declared_sender text, declared_sent timestamptz`;

/** One statement for any number of messages, as one JSON document: the snapshot travels nested (ADR 48). */
const INSERT_ALERTS: PreparedStatement = {
  name: 'ingestion.insert-alerts',
  text: `INSERT INTO alerts (${ALERT_COLUMNS})
         SELECT ${ALERT_VALUES} FROM jsonb_to_recordset($1::jsonb) AS m(${ALERT_RECORD})`,
};

/**
 * New alerts with their events, and the Idempotency-Keys they came with, as one statement that
 * is its own transaction (ADR 57): the keys are claimed first ($1 to $4, in one order), then
 * stored are the alerts that came without a key or whose key this statement claimed, each with
 * its outbox row, in the order given. Returns the ids of the alerts stored.
 */
const STORE_NEW_ALERTS: PreparedStatement = {
  name: 'ingestion.store-new-alerts',
  text: `WITH claimed AS (${CLAIM_KEYS.text}),
         kept AS (
           SELECT * FROM jsonb_to_recordset($5::jsonb) AS m(n integer, keyed boolean, event jsonb, ${ALERT_RECORD})
           WHERE NOT m.keyed OR m.id IN (SELECT alert_id FROM claimed)),
         stored AS (INSERT INTO alerts (${ALERT_COLUMNS}) SELECT ${ALERT_VALUES} FROM kept ORDER BY n),
         events AS (
           INSERT INTO outbox (${OUTBOX_COLUMNS})
           SELECT e.* FROM kept, jsonb_to_record(kept.event) AS e(${OUTBOX_RECORD}) ORDER BY kept.n)
         SELECT id FROM kept`,
};

const INSERT_RECIPIENTS: PreparedStatement = {
  name: 'ingestion.insert-alert-recipients',
  text: `INSERT INTO alert_recipients (alert_id, organisation_id)
         SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`,
};

/** Read for every alert accepted: what says where its sender may publish. */
const SENDER: PreparedStatement = {
  name: 'ingestion.sender',
  text: 'SELECT id, kind, departments, conventions FROM directory_organisations WHERE id = $1',
};
export type Sender = Pick<DirectoryOrganisation, 'id' | 'kind' | 'departments' | 'conventions'>;

/** A message to insert, with what its submitter's CAP document declared of itself, if any. */
export interface AlertRow {
  snapshot: AlertSnapshot;
  declared?: { sender: string; sent: string };
}

/** Filters of a list; every one optional. */
export interface AlertFilters {
  status?: string;
  msgType?: string;
  eventCode?: string;
  severity?: string;
  department?: string;
  from?: Date;
  to?: Date;
}

export async function insertAlerts(manager: EntityManager, rows: readonly AlertRow[]): Promise<void> {
  if (rows.length === 0) return;
  await runPrepared(manager, INSERT_ALERTS, [JSON.stringify(rows.map(alertRecord))]);
}

/**
 * Stores new alerts and their events, claiming their keys, in one statement outside any
 * transaction (see STORE_NEW_ALERTS); the ids, lower-cased, of the alerts stored.
 */
export async function storeNewAlerts(
  dataSource: DataSource,
  keys: readonly KeyRow[],
  rows: readonly (AlertRow & { keyed: boolean; event: OutboxRow })[],
): Promise<Set<string>> {
  const stored = await runPrepared<{ id: string }>(dataSource, STORE_NEW_ALERTS, [
    ...claimValues(keys),
    JSON.stringify(
      rows.map((row, n) => ({ ...alertRecord(row), n, keyed: row.keyed, event: outboxRecord(row.event) })),
    ),
  ]);
  return new Set(stored.map((row) => row.id.toLowerCase()));
}

/** A message as one JSON record of {@link ALERT_RECORD}. */
function alertRecord({ snapshot, declared }: AlertRow): object {
  const info = primaryInfo(snapshot);
  return {
    id: snapshot.alertId,
    original_alert_id: snapshot.originalAlertId,
    sender_organisation_id: snapshot.senderOrganisationId,
    sent: snapshot.sent,
    status: snapshot.status,
    msg_type: snapshot.msgType,
    department: snapshot.location.department,
    event_code: info.eventCode,
    severity: info.severity,
    tlp: snapshot.tlp,
    personal_data: snapshot.personalData,
    snapshot,
    identifier: snapshot.identifier,
    declared_sender: declared?.sender ?? null,
    declared_sent: declared?.sent ?? null,
  };
}

/** Who may read each message here (routing's decisions), several alerts in one statement. */
export async function insertRecipients(
  manager: EntityManager,
  rows: readonly { alertId: string; organisationId: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await runPrepared(manager, INSERT_RECIPIENTS, [
    rows.map((row) => row.alertId),
    rows.map((row) => row.organisationId),
  ]);
}

export async function senderOf(manager: EntityManager, organisationId: string): Promise<Sender | undefined> {
  const [sender] = await runPrepared<Sender>(manager, SENDER, [organisationId]);
  return sender;
}

/** A message the organisation sent or received; undefined for any other. */
export async function visibleAlert(
  manager: EntityManager,
  id: string,
  organisationId: string,
): Promise<AlertSnapshot | undefined> {
  const [row] = await manager.query<{ snapshot: AlertSnapshot }[]>(
    `SELECT a.snapshot FROM alerts a WHERE a.id = $2 AND ${VISIBLE_TO}`,
    [organisationId, id],
  );
  return row?.snapshot;
}

/** The organisation's messages, sent or received, newest first, after the cursor; `limit` at most. */
export async function visibleAlerts(
  manager: EntityManager,
  organisationId: string,
  filters: AlertFilters,
  page: { after?: AlertCursor; limit: number },
): Promise<{ id: string; sent: Date; snapshot: AlertSnapshot }[]> {
  const conditions = [VISIBLE_TO];
  const parameters: unknown[] = [organisationId];
  const where = (sql: string, value: unknown): void => {
    if (value === undefined) return;
    parameters.push(value);
    conditions.push(sql.replace('?', `$${parameters.length}`));
  };
  where('a.status = ?', filters.status);
  where('a.msg_type = ?', filters.msgType);
  where('a.event_code = ?', filters.eventCode);
  where('a.severity = ?', filters.severity);
  where('a.department = ?', filters.department);
  where('a.sent >= ?', filters.from);
  where('a.sent < ?', filters.to);
  if (page.after) {
    parameters.push(new Date(page.after.sent), page.after.id);
    conditions.push(`(a.sent, a.id) < ($${parameters.length - 1}, $${parameters.length})`);
  }
  parameters.push(page.limit);
  return manager.query(
    `SELECT a.id, a.sent, a.snapshot FROM alerts a WHERE ${conditions.join(' AND ')}
     ORDER BY a.sent DESC, a.id DESC LIMIT $${parameters.length}`,
    parameters,
  );
}

/** Every message of a chain, oldest first. */
export async function chainMessages(manager: EntityManager, originalAlertId: string): Promise<AlertSnapshot[]> {
  const rows = await manager.query<{ snapshot: AlertSnapshot }[]>(
    'SELECT snapshot FROM alerts WHERE original_alert_id = $1 ORDER BY sent, id',
    [originalAlertId],
  );
  return rows.map((row) => row.snapshot);
}

/** The messages of a chain the organisation sent or received, oldest first. */
export async function visibleChainMessages(
  manager: EntityManager,
  originalAlertId: string,
  organisationId: string,
): Promise<AlertSnapshot[]> {
  const rows = await manager.query<{ snapshot: AlertSnapshot }[]>(
    `SELECT a.snapshot FROM alerts a WHERE a.original_alert_id = $2 AND ${VISIBLE_TO} ORDER BY a.sent, a.id`,
    [organisationId, originalAlertId],
  );
  return rows.map((row) => row.snapshot);
}

/**
 * The latest message of each chain the organisation sent, most recent first, after a position
 * (the (sent, id) of the latest message of the previous page's last chain): at most `limit`.
 */
export async function latestSent(
  manager: EntityManager,
  organisationId: string,
  page: { after?: AlertCursor; limit: number },
): Promise<{ id: string; sent: Date; snapshot: AlertSnapshot }[]> {
  return manager.query(
    `SELECT latest.id, latest.sent, latest.snapshot FROM (
       SELECT DISTINCT ON (a.original_alert_id) a.snapshot, a.sent, a.id FROM alerts a
       WHERE a.sender_organisation_id = $1
       ORDER BY a.original_alert_id, a.sent DESC, a.id DESC) latest
     WHERE $3::timestamptz IS NULL OR (latest.sent, latest.id) < ($3::timestamptz, $4::uuid)
     ORDER BY latest.sent DESC, latest.id DESC LIMIT $2`,
    [organisationId, page.limit, page.after ? new Date(page.after.sent) : null, page.after?.id ?? null],
  );
}

/** Until the transaction ends, the one change of this chain being made (the chain read after it is current). */
export async function lockChain(manager: EntityManager, originalAlertId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [originalAlertId]);
}

/** A CAP reference as `readCapReferences` parses it. */
export interface ReferenceKey {
  sender: string;
  identifier: string;
  sent: Date;
}

/** A message a reference matched (none: `original_alert_id` null); `position` counts from 1. */
export interface ReferenceMatch {
  position: number;
  original_alert_id: string | null;
}

/**
 * For each reference, the chain of the organisation's message it names. It matches when the
 * identifier is the message's and the sender and sent are either Vigie's (`vigieSender`, the
 * acceptance time, as Vigie answers and writes them) or those the submitter's own CAP document
 * declared. Another organisation's message is unknown, like a missing one.
 */
export function matchReferences(
  manager: EntityManager,
  organisationId: string,
  vigieSender: string,
  references: readonly ReferenceKey[],
): Promise<ReferenceMatch[]> {
  return manager.query<ReferenceMatch[]>(
    `SELECT r.position::int AS position, a.original_alert_id
     FROM unnest($2::text[], $3::text[], $4::timestamptz[]) WITH ORDINALITY AS r(sender, identifier, sent, position)
     LEFT JOIN alerts a ON a.sender_organisation_id = $1 AND a.identifier = r.identifier
       AND ((r.sender = $5 AND date_trunc('second', a.sent) = r.sent)
         OR (a.declared_sender_digest = sha256(convert_to(r.sender, 'UTF8'))
           AND date_trunc('second', a.declared_sent) = r.sent))`,
    [
      organisationId,
      references.map((reference) => reference.sender),
      references.map((reference) => reference.identifier),
      references.map((reference) => reference.sent),
      vigieSender,
    ],
  );
}

/** Counts of new real alerts over a window, in five groupings; unsorted. */
export interface AlertCounts {
  byDepartment: { department: string; count: number }[];
  byEventCode: { eventCode: string; count: number }[];
  bySeverity: { severity: string; count: number }[];
  /** Days in Europe/Paris time, `YYYY-MM-DD`. */
  byDayAndEventCode: { day: string; eventCode: string; count: number }[];
  byDayAndSeverity: { day: string; severity: string; count: number }[];
}

interface GroupRow {
  department: string | null;
  event_code: string | null;
  severity: string | null;
  day: string | null;
  set: number;
  count: string;
}

// GROUPING(...) bits, most significant first: department, event_code, severity, day.
const BY_DEPARTMENT = 0b0111;
const BY_EVENT = 0b1011;
const BY_SEVERITY = 0b1101;
const BY_DAY_EVENT = 0b1010;
const BY_DAY_SEVERITY = 0b1100;

/**
 * Counts of new real alerts (`Alert`, `Actual`) sent in [from, to), in the départements given
 * (every one for null), grouped in PostgreSQL: one statement with grouping sets, read from
 * ix_alerts_statistics; never a row per alert in memory, and never any content.
 */
export async function alertCounts(
  manager: EntityManager,
  window: { from: Date; to: Date; departments: string[] | null },
): Promise<AlertCounts> {
  const rows = await manager.query<GroupRow[]>(
    `SELECT department, event_code, severity, day,
            GROUPING(department, event_code, severity, day)::int AS set, count(*) AS count
       FROM (SELECT department, event_code, severity,
                    to_char((sent AT TIME ZONE 'Europe/Paris')::date, 'YYYY-MM-DD') AS day
               FROM alerts
              WHERE msg_type = 'Alert' AND status = 'Actual' AND sent >= $1 AND sent < $2
                AND ($3::text[] IS NULL OR department = ANY ($3::text[]))) AS counted
      GROUP BY GROUPING SETS ((department), (event_code), (severity), (day, event_code), (day, severity))`,
    [window.from, window.to, window.departments],
  );
  const counts: AlertCounts = {
    byDepartment: [],
    byEventCode: [],
    bySeverity: [],
    byDayAndEventCode: [],
    byDayAndSeverity: [],
  };
  for (const row of rows) {
    const count = Number(row.count);
    if (row.set === BY_DEPARTMENT) counts.byDepartment.push({ department: row.department!, count });
    else if (row.set === BY_EVENT) counts.byEventCode.push({ eventCode: row.event_code!, count });
    else if (row.set === BY_SEVERITY) counts.bySeverity.push({ severity: row.severity!, count });
    else if (row.set === BY_DAY_EVENT)
      counts.byDayAndEventCode.push({ day: row.day!, eventCode: row.event_code!, count });
    else if (row.set === BY_DAY_SEVERITY) {
      counts.byDayAndSeverity.push({ day: row.day!, severity: row.severity!, count });
    }
  }
  return counts;
}
