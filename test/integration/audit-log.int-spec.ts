import { randomUUID } from 'node:crypto';
import { newEventId } from '@vigie/contracts';
import {
  auditEntries,
  insertAuditEntry,
  insertReportedRead,
  personName,
  type ReportedRead,
} from '../../apps/partner-registry/src/audit/audit-log.queries';
import { REGISTRY_TABLES } from '../../apps/partner-registry/src/tables';
import { ownSchema } from './own-schema';
import { freshIds, insertOrganisation } from './seed-rows';

/**
 * The audit trail's query module against the real PostgreSQL, on a schema of this file's own
 * (the registry's migrations included): reads beside changes, and a reported read written once.
 */

describe('the audit trail on the real PostgreSQL', () => {
  const db = ownSchema('audit_log', REGISTRY_TABLES);
  const [prefecture, person] = freshIds(2);
  const alert = newEventId();

  const reportedRead = (eventId: string): ReportedRead => ({
    eventId,
    at: new Date('2026-12-04T21:30:00.000Z'),
    actor: `organisation:${prefecture}/person:${person} (Lucie Bernard)`,
    personId: person,
    action: 'alert.read',
    entity: 'alert',
    entityId: alert,
    organisationId: prefecture,
    after: { tlp: 'RED', department: '05', messages: 1 },
  });

  beforeAll(async () => {
    await insertOrganisation(db.dataSource, {
      id: prefecture,
      kind: 'PREFECTURE',
      name: 'Préfecture des Hautes-Alpes',
      departments: ['05'],
    });
    await db.dataSource.query(
      `INSERT INTO people (id, organisation_id, email, full_name, roles, password_hash)
       VALUES ($1, $2, 'lucie.bernard@hautes-alpes.gouv.fr', 'Lucie Bernard', '{DUTY_OFFICER}', 'x')`,
      [person, prefecture],
    );
  });

  it('writes a reported read once per event id, at the time of the read', async () => {
    const eventId = newEventId();
    expect(await insertReportedRead(db.dataSource.manager, reportedRead(eventId))).toBe(true);
    expect(
      await insertReportedRead(db.dataSource.manager, { ...reportedRead(eventId), action: 'alert.chain-read' }),
    ).toBe(false);
    const entries = await auditEntries(db.dataSource.manager, { entity: 'alert', entityId: alert, limit: 10 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'read',
      action: 'alert.read',
      personId: person,
      organisationId: prefecture,
      organisationName: 'Préfecture des Hautes-Alpes',
      before: null,
      after: { tlp: 'RED', department: '05', messages: 1 },
    });
    expect(entries[0].at.toISOString()).toBe('2026-12-04T21:30:00.000Z');
  });

  it('tells reads from changes, a change being the default', async () => {
    await insertAuditEntry(db.dataSource.manager, {
      actor: 'admin',
      personId: null,
      action: 'organisation.suspended',
      entity: 'organisation',
      entityId: prefecture,
      organisationId: prefecture,
      before: { status: 'ACTIVE' },
      after: { status: 'SUSPENDED' },
    });
    await insertAuditEntry(db.dataSource.manager, {
      kind: 'read',
      actor: 'admin',
      personId: null,
      action: 'organisation.people-read',
      entity: 'organisation',
      entityId: prefecture,
      organisationId: prefecture,
      before: null,
      after: { count: 1 },
    });
    const kinds = async (kind?: 'read' | 'change') =>
      (await auditEntries(db.dataSource.manager, { kind, organisationId: prefecture, limit: 10 })).map(
        (entry) => `${entry.kind} ${entry.action}`,
      );
    expect(await kinds()).toEqual([
      'read organisation.people-read',
      'change organisation.suspended',
      'read alert.read',
    ]);
    expect(await kinds('read')).toEqual(['read organisation.people-read', 'read alert.read']);
    expect(await kinds('change')).toEqual(['change organisation.suspended']);
  });

  it('refuses any other kind of entry', async () => {
    await expect(
      db.dataSource.query(
        `INSERT INTO audit_log (actor, action, entity, entity_id, kind) VALUES ('admin', 'x', 'x', 'x', 'glance')`,
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('names a person of the registry, and no one else', async () => {
    expect(await personName(db.dataSource.manager, person)).toBe('Lucie Bernard');
    expect(await personName(db.dataSource.manager, randomUUID())).toBeNull();
  });
});
