import { randomUUID } from 'node:crypto';
import { OrganisationKind, PersonRole } from '@vigie/contracts';
import { competentPrefectureOf } from '../../apps/partner-registry/src/departments/departments.queries';
import {
  emailTaken,
  insertInvitation,
  insertPerson,
  markInvitationAccepted,
  pendingInvitations,
} from '../../apps/partner-registry/src/people/people.queries';
import {
  conventionsDeployedIn,
  conventionsJoinedBy,
  directoryEntries,
} from '../../apps/partner-registry/src/referents/referents.queries';
import {
  accountByEmail,
  insertSession,
  openSessionOrganisation,
  revokeSessionsOf,
  sessionByTokenHash,
} from '../../apps/partner-registry/src/sessions/person-sessions.queries';
import { REGISTRY_TABLES } from '../../apps/partner-registry/src/tables';
import { ownSchema } from './own-schema';
import { freshIds, insertConvention, insertConventionMember, insertOrganisation } from './seed-rows';

/**
 * The registry's département directory, people, invitations and sessions queries against the
 * real PostgreSQL, on a schema of this file's own: who the directory lists and in which order,
 * e-mail addresses whatever their case, invitations still open, sessions ended everywhere.
 */

describe('the registry directory and accounts on the real PostgreSQL', () => {
  const db = ownSchema('registry_directory', REGISTRY_TABLES);
  const [prefecture, member, suspended, elsewhere, otherConvention, visible, hidden] = freshIds(7);

  const organisation = (id: string, kind: string, name: string, status = 'ACTIVE') =>
    insertOrganisation(db.dataSource, { id, kind, name, status, departments: ['87'] });

  async function referent(organisationId: string, role: string, fullName: string, department = '87'): Promise<string> {
    const id = randomUUID();
    await db.dataSource.query(
      `INSERT INTO referents (id, organisation_id, department, role, full_name, email, phone)
       VALUES ($1, $2, $3, $4, $5, 'contact@example.org', '+33 5 55 00 00 00')`,
      [id, organisationId, department, role, fullName],
    );
    return id;
  }

  beforeAll(async () => {
    await organisation(prefecture, 'PREFECTURE', 'Préfecture de la Haute-Vienne');
    await organisation(member, 'SECURITY_FIRM', 'Limoges Gardiennage');
    await organisation(suspended, 'SECURITY_FIRM', 'Aixe Surveillance', 'SUSPENDED');
    await organisation(otherConvention, 'SECURITY_FIRM', 'Bellac Veille');
    await organisation(elsewhere, 'SECURITY_FIRM', 'Tulle Rondes');
    await db.dataSource.query(
      `INSERT INTO departments (code, name, prefecture_organisation_id, competent_organisation_id)
       VALUES ('87', 'Haute-Vienne', $1, $1)`,
      [prefecture],
    );
    for (const [id, code] of [
      [visible, 'SP-87'],
      [hidden, 'CO-87'],
    ]) {
      await insertConvention(db.dataSource, { id, code, status: 'ACTIVE', departments: ['87'] });
    }
    for (const [conventionId, organisationId] of [
      [visible, member],
      [visible, suspended],
      [visible, elsewhere],
      [hidden, otherConvention],
    ]) {
      await insertConventionMember(db.dataSource, conventionId, organisationId);
    }
  });

  it('lists the competent prefecture first, primary before deputy, then the active members of the visible conventions', async () => {
    const deputy = await referent(prefecture, 'DEPUTY', 'Alain Astreinte');
    const primary = await referent(prefecture, 'PRIMARY', 'Zoé Permanence');
    const memberReferent = await referent(member, 'PRIMARY', 'Marc Ronde');
    await referent(suspended, 'PRIMARY', 'Suspendu');
    await referent(otherConvention, 'PRIMARY', 'Autre convention');
    await referent(elsewhere, 'PRIMARY', 'Ailleurs', '19');

    expect(await competentPrefectureOf(db.dataSource.manager, '87')).toBe(prefecture);
    expect(await competentPrefectureOf(db.dataSource.manager, '99')).toBeUndefined();
    expect(new Set(await conventionsDeployedIn(db.dataSource.manager, '87'))).toEqual(new Set([visible, hidden]));
    expect(await conventionsJoinedBy(db.dataSource.manager, member)).toEqual([visible]);

    const entries = await directoryEntries(db.dataSource.manager, '87', prefecture, [visible]);
    expect(entries.map((entry) => entry.id)).toEqual([primary, deputy, memberReferent]);
    expect(entries[0]).toMatchObject({
      organisation: { id: prefecture, kind: OrganisationKind.Prefecture },
      conventions: [],
      role: 'PRIMARY',
    });
    expect(entries[2]).toMatchObject({ organisation: { id: member }, conventions: ['SP-87'], fullName: 'Marc Ronde' });
    expect((await directoryEntries(db.dataSource.manager, '87', prefecture, [])).map((entry) => entry.id)).toEqual([
      primary,
      deputy,
    ]);
  });

  it('finds accounts whatever the case of the e-mail, and ends every session of a person', async () => {
    const personId = randomUUID();
    await insertPerson(db.dataSource.manager, {
      id: personId,
      organisationId: member,
      email: 'Marc.Ronde@Limoges-Gardiennage.fr',
      fullName: 'Marc Ronde',
      roles: [PersonRole.DutyOfficer],
      passwordHash: 'not-a-real-hash',
    });
    expect(await emailTaken(db.dataSource.manager, 'marc.ronde@limoges-gardiennage.fr')).toBe(true);
    expect(await emailTaken(db.dataSource.manager, 'marc@limoges-gardiennage.fr')).toBe(false);
    expect(await accountByEmail(db.dataSource.manager, 'MARC.RONDE@limoges-gardiennage.fr')).toMatchObject({
      id: personId,
      organisationId: member,
      organisationName: 'Limoges Gardiennage',
      failedLogins: 0,
      lockedUntil: null,
      departments: ['87'],
    });

    const sessions = [randomUUID(), randomUUID()];
    for (const id of sessions) {
      await insertSession(db.dataSource.manager, {
        id,
        personId,
        tokenHash: `hash-${id}`,
        expiresAt: new Date(Date.now() + 3_600_000),
      });
    }
    const claims = { sessionId: sessions[0], personId, organisationId: member };
    expect(await openSessionOrganisation(db.dataSource.manager, claims)).toMatchObject({ kind: 'SECURITY_FIRM' });
    expect(
      await openSessionOrganisation(db.dataSource.manager, { ...claims, organisationId: prefecture }),
    ).toBeUndefined();
    await revokeSessionsOf(db.dataSource.manager, personId);
    for (const id of sessions) {
      expect((await sessionByTokenHash(db.dataSource.manager, `hash-${id}`))?.revokedAt).toBeInstanceOf(Date);
    }
    expect(await openSessionOrganisation(db.dataSource.manager, claims)).toBeUndefined();
  });

  it('lists only the invitations neither used nor expired, newest first', async () => {
    const invite = async (expiresAt: Date): Promise<string> => {
      const id = randomUUID();
      await insertInvitation(db.dataSource.manager, {
        id,
        organisationId: prefecture,
        email: `${id}@haute-vienne.gouv.fr`,
        fullName: 'Invité',
        roles: [PersonRole.DutyOfficer],
        tokenHash: `invitation-${id}`,
        createdBy: 'test',
        expiresAt,
      });
      return id;
    };
    const open = await invite(new Date(Date.now() + 86_400_000));
    const used = await invite(new Date(Date.now() + 86_400_000));
    await invite(new Date(Date.now() - 1000));
    await markInvitationAccepted(db.dataSource.manager, used);
    expect((await pendingInvitations(db.dataSource.manager, prefecture)).map((invitation) => invitation.id)).toEqual([
      open,
    ]);
  });
});
