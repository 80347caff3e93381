import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Rows the integration specs seed straight into their own schema (see own-schema.ts), as the
 * services would have written them, so that each spec states only what matters to its queries.
 */

/** `count` fresh ids for the rows a spec seeds, so that no two files (or runs) share one. */
export function freshIds(count: number): string[] {
  return Array.from({ length: count }, () => randomUUID());
}

/** An organisation of the registry's `organisations` table, at its first revision. */
export async function insertOrganisation(
  db: DataSource,
  organisation: { id: string; kind: string; name: string; departments: string[]; status?: string },
): Promise<void> {
  await db.query(
    `INSERT INTO organisations (id, kind, name, status, departments, revision, status_changed_at, status_changed_by)
     VALUES ($1, $2, $3, $4, $5, 1, now(), 'test')`,
    [organisation.id, organisation.kind, organisation.name, organisation.status ?? 'ACTIVE', organisation.departments],
  );
}

/** A private-security convention of the registry, named after its code, deployed in `departments`. */
export async function insertConvention(
  db: DataSource,
  convention: { id: string; code: string; status: string; departments: string[] },
): Promise<void> {
  await db.query(
    `INSERT INTO conventions (id, code, name, sector, status, signatories, departments)
     VALUES ($1, $2, $3, 'PRIVATE_SECURITY', $4, '{}', $5)`,
    [convention.id, convention.code, `Convention ${convention.code}`, convention.status, convention.departments],
  );
}

export async function insertConventionMember(
  db: DataSource,
  conventionId: string,
  organisationId: string,
): Promise<void> {
  await db.query("INSERT INTO convention_members (convention_id, organisation_id, joined_by) VALUES ($1, $2, 'test')", [
    conventionId,
    organisationId,
  ]);
}

/** An active organisation as notification knows it from partner.changed.v1 (`directory_organisations`). */
export async function insertDirectoryOrganisation(
  db: DataSource,
  organisation: { id: string; kind: string; name: string; departments: string[] },
): Promise<void> {
  await db.query(
    `INSERT INTO directory_organisations (id, kind, name, status, departments, revision)
     VALUES ($1, $2, $3, 'ACTIVE', $4, 1)`,
    [organisation.id, organisation.kind, organisation.name, organisation.departments],
  );
}

/**
 * A webhook of notification's `webhooks` table; its secret, stored as given, is one no test reads
 * unless `secretCiphertext` says otherwise.
 */
export async function insertWebhook(
  db: DataSource,
  webhook: { id: string; organisationId: string; url: string; secretCiphertext?: string },
): Promise<void> {
  await db.query('INSERT INTO webhooks (id, organisation_id, url, secret_ciphertext) VALUES ($1, $2, $3, $4)', [
    webhook.id,
    webhook.organisationId,
    webhook.url,
    webhook.secretCiphertext ?? 'x',
  ]);
}

/**
 * A message routing remembered (`routed_messages`), sent by `senderOrganisationId` at `routedAt`
 * (written as given, to the microsecond), and its recipients, all for the same rule and reason.
 */
export async function insertRouted(
  db: DataSource,
  message: {
    id: string;
    kind: 'alert' | 'broadcast';
    senderOrganisationId: string;
    routedAt: string;
    broadcast?: object;
  },
  recipients: { organisationIds: string[]; rule: string; reason: string },
): Promise<void> {
  await db.query(
    `INSERT INTO routed_messages (id, kind, original_alert_id, sender_organisation_id, routed_at, broadcast)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      message.id,
      message.kind,
      message.kind === 'alert' ? message.id : null,
      message.senderOrganisationId,
      message.routedAt,
      message.broadcast ? JSON.stringify(message.broadcast) : null,
    ],
  );
  for (const organisationId of recipients.organisationIds) {
    await db.query(
      'INSERT INTO routed_recipients (message_id, organisation_id, rule, reason) VALUES ($1, $2, $3, $4)',
      [message.id, organisationId, recipients.rule, recipients.reason],
    );
  }
}
