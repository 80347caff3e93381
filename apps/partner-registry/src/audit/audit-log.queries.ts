import type { EntityManager } from 'typeorm';

/** One entry of the audit trail, with the name of the organisation it concerns. */
export interface AuditRow {
  id: number;
  at: Date;
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

export interface NewAuditEntry {
  actor: string;
  personId: string | null;
  action: string;
  entity: string;
  entityId: string;
  organisationId: string | null;
  before: object | null;
  after: object | null;
}

/** What the audit trail is filtered by; every filter is optional and they combine with AND. */
export interface AuditFilter {
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

interface RawAuditRow {
  id: string;
  at: Date;
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
    `INSERT INTO audit_log (actor, person_id, action, entity, entity_id, organisation_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      entry.actor,
      entry.personId,
      entry.action,
      entry.entity,
      entry.entityId,
      entry.organisationId,
      entry.before ? JSON.stringify(entry.before) : null,
      entry.after ? JSON.stringify(entry.after) : null,
    ],
  );
}

/** The entries matching the filter, newest first. */
export async function auditEntries(manager: EntityManager, filter: AuditFilter): Promise<AuditRow[]> {
  const rows = await manager.query<RawAuditRow[]>(
    `SELECT a.id, a.at, a.actor, a.person_id, a.action, a.entity, a.entity_id, a.organisation_id,
            o.name AS organisation_name, a.before, a.after
     FROM audit_log a LEFT JOIN organisations o ON o.id = a.organisation_id
     WHERE ($1::uuid IS NULL OR a.organisation_id = $1::uuid)
       AND ($2::uuid IS NULL OR a.person_id = $2::uuid)
       AND ($3::text IS NULL OR a.entity = $3::text)
       AND ($4::text IS NULL OR a.entity_id = $4::text)
       AND ($5::timestamptz IS NULL OR a.at >= $5::timestamptz)
       AND ($6::timestamptz IS NULL OR a.at < $6::timestamptz)
       AND ($7::bigint IS NULL OR a.id < $7::bigint)
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
    ],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    at: row.at,
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
