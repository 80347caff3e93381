import type { EntityManager } from 'typeorm';

/** A change of the registry's data, or a read of something it or another service holds (ADR 42). */
export type AuditKind = 'change' | 'read';

/** One entry of the audit trail, with the name of the organisation it concerns. */
export interface AuditRow {
  id: number;
  at: Date;
  kind: AuditKind;
  actor: string;
  personId: string | null;
  action: string;
  entity: string;
  entityId: string;
  organisationId: string | null;
  organisationName: string | null;
  before: unknown;
  after: unknown;
}

/** An entry to record: who did what to which object, and the object before and after. */
export interface NewAuditEntry extends Pick<
  AuditRow,
  'actor' | 'personId' | 'action' | 'entity' | 'entityId' | 'organisationId'
> {
  /** Default: a change. */
  kind?: AuditKind;
  before: object | null;
  after: object | null;
}

/** What the audit trail is filtered by; every filter is optional and they combine with AND. */
export interface AuditFilter {
  kind?: AuditKind;
  organisationId?: string;
  personId?: string;
  entity?: string;
  entityId?: string;
  /** Entries at or after this instant. */
  from?: Date;
  /** Entries strictly before this instant. */
  to?: Date;
  /** Entries older than this id (the previous page's last id). */
  beforeId?: number;
  limit: number;
}

/** A read another service reported in an event: written once per event id. */
export interface ReportedRead extends Omit<NewAuditEntry, 'kind' | 'before'> {
  eventId: string;
  at: Date;
}

interface RawAuditRow {
  id: string;
  at: Date;
  kind: AuditKind;
  actor: string;
  person_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  organisation_id: string | null;
  organisation_name: string | null;
  before: unknown;
  after: unknown;
}

export async function insertAuditEntry(manager: EntityManager, entry: NewAuditEntry): Promise<void> {
  await manager.query(
    `INSERT INTO audit_log (actor, person_id, action, entity, entity_id, organisation_id, before, after, kind)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      entry.actor,
      entry.personId,
      entry.action,
      entry.entity,
      entry.entityId,
      entry.organisationId,
      entry.before ? JSON.stringify(entry.before) : null,
      entry.after ? JSON.stringify(entry.after) : null,
      entry.kind ?? 'change',
    ],
  );
}

/** Writes a reported read unless its event was written before; true when it was written now. */
export async function insertReportedRead(manager: EntityManager, read: ReportedRead): Promise<boolean> {
  const inserted = await manager.query<{ id: string }[]>(
    `INSERT INTO audit_log (kind, event_id, at, actor, person_id, action, entity, entity_id, organisation_id, after)
     VALUES ('read', $1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (event_id) WHERE event_id IS NOT NULL DO NOTHING
     RETURNING id`,
    [
      read.eventId,
      read.at,
      read.actor,
      read.personId,
      read.action,
      read.entity,
      read.entityId,
      read.organisationId,
      read.after ? JSON.stringify(read.after) : null,
    ],
  );
  return inserted.length === 1;
}

/** The full name of a person of the registry, if there is one with that id. */
export async function personName(manager: EntityManager, personId: string): Promise<string | null> {
  const rows = await manager.query<{ full_name: string }[]>('SELECT full_name FROM people WHERE id = $1', [personId]);
  return rows[0]?.full_name ?? null;
}

/** The entries matching the filter, newest first. */
export async function auditEntries(manager: EntityManager, filter: AuditFilter): Promise<AuditRow[]> {
  const rows = await manager.query<RawAuditRow[]>(
    `SELECT a.id, a.at, a.kind, a.actor, a.person_id, a.action, a.entity, a.entity_id, a.organisation_id,
            o.name AS organisation_name, a.before, a.after
     FROM audit_log a LEFT JOIN organisations o ON o.id = a.organisation_id
     WHERE ($1::uuid IS NULL OR a.organisation_id = $1::uuid)
       AND ($2::uuid IS NULL OR a.person_id = $2::uuid)
       AND ($3::text IS NULL OR a.entity = $3::text)
       AND ($4::text IS NULL OR a.entity_id = $4::text)
       AND ($5::timestamptz IS NULL OR a.at >= $5::timestamptz)
       AND ($6::timestamptz IS NULL OR a.at < $6::timestamptz)
       AND ($7::bigint IS NULL OR a.id < $7::bigint)
       AND ($9::text IS NULL OR a.kind = $9::text)
     ORDER BY a.id DESC
     LIMIT $8`,
    [
      filter.organisationId ?? null,
      filter.personId ?? null,
      filter.entity ?? null,
      filter.entityId ?? null,
      filter.from ?? null,
      filter.to ?? null,
      filter.beforeId ?? null,
      filter.limit,
      filter.kind ?? null,
    ],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    at: row.at,
    kind: row.kind,
    actor: row.actor,
    personId: row.person_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    before: row.before,
    after: row.after,
  }));
}
