import { Injectable, HttpStatus } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import type { PersonRole } from '@vigie/contracts';
import { ConflictError, DomainError, NotFoundError } from '@vigie/platform';
import { actsFor, canManage, type ManagedOrganisation } from '../access/registry.access';
import { AuditLog } from '../audit/audit.log';
import { organisationFor } from '../organisations/organisation.lookup';
import { hashOpaqueToken, isOpaqueToken, newOpaqueToken } from './opaque-token';
import type {
  AcceptInvitationDto,
  InvitationLookupView,
  InvitationView,
  InviteDto,
  IssuedInvitationView,
  PersonView,
  UpdatePersonDto,
} from './people.dto';

const INVITATION_DAYS = 7;

/** The organisation's operators, whoever manages the organisation (its prefecture), administrators. */
const managesPeople = (caller: Caller, organisation: ManagedOrganisation): boolean =>
  actsFor(caller, organisation.id) || canManage(caller, organisation);

interface InvitationRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  email: string;
  full_name: string;
  roles: PersonRole[];
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
}

interface PersonRow {
  id: string;
  organisation_id: string;
  email: string;
  full_name: string;
  roles: PersonRole[];
  status: string;
  created_at: Date;
  last_login_at: Date | null;
}

const personView = (row: PersonRow): PersonView => ({
  id: row.id,
  email: row.email,
  fullName: row.full_name,
  roles: row.roles,
  status: row.status,
  createdAt: row.created_at.toISOString(),
  lastLoginAt: row.last_login_at?.toISOString() ?? null,
});

/** People of organisations: invited by a link used once, then signing in with their own password. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  invite(organisationId: string, input: InviteDto, caller: Caller): Promise<IssuedInvitationView> {
    return this.dataSource.transaction(async (manager) => {
      await organisationFor(manager, organisationId, caller, managesPeople);
      const [taken] = await manager.query<unknown[]>('SELECT 1 FROM people WHERE lower(email) = lower($1)', [
        input.email,
      ]);
      if (taken) throw new ConflictError('a person with this e-mail already has an account');
      const { id, token, hash: tokenHash } = newOpaqueToken('vgi');
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
      await manager.query(
        `INSERT INTO invitations (id, organisation_id, email, full_name, roles, token_hash, created_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          organisationId,
          input.email,
          input.fullName,
          input.roles,
          tokenHash,
          caller.person?.id ?? caller.keyId,
          expiresAt,
        ],
      );
      await this.audit.record(manager, caller, {
        action: 'person.invited',
        entity: 'invitation',
        entityId: id,
        organisationId,
        after: { roles: input.roles },
      });
      return {
        id,
        email: input.email,
        fullName: input.fullName,
        roles: input.roles,
        expiresAt: expiresAt.toISOString(),
        token,
      };
    });
  }

  async invitations(organisationId: string, caller: Caller): Promise<InvitationView[]> {
    await organisationFor(this.dataSource.manager, organisationId, caller, managesPeople);
    const rows = await this.dataSource.query<InvitationRow[]>(
      `SELECT id, email, full_name, roles, created_at, expires_at FROM invitations
       WHERE organisation_id = $1 AND accepted_at IS NULL AND expires_at > now() ORDER BY created_at DESC`,
      [organisationId],
    );
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      fullName: row.full_name,
      roles: row.roles,
      createdAt: row.created_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
    }));
  }

  async people(organisationId: string, caller: Caller): Promise<PersonView[]> {
    await organisationFor(this.dataSource.manager, organisationId, caller, managesPeople);
    const rows = await this.dataSource.query<PersonRow[]>(
      `SELECT id, organisation_id, email, full_name, roles, status, created_at, last_login_at FROM people
       WHERE organisation_id = $1 ORDER BY full_name`,
      [organisationId],
    );
    return rows.map(personView);
  }

  update(personId: string, input: UpdatePersonDto, caller: Caller): Promise<PersonView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.personFor(manager, personId, caller);
      const [[row]] = await manager.query<[PersonRow[], number]>(
        `UPDATE people SET roles = COALESCE($2, roles), status = COALESCE($3, status) WHERE id = $1
         RETURNING id, organisation_id, email, full_name, roles, status, created_at, last_login_at`,
        [personId, input.roles ?? null, input.status ?? null],
      );
      // A disabled person is signed out everywhere at once.
      if (row.status === 'DISABLED') {
        await manager.query(
          'UPDATE person_sessions SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL',
          [personId],
        );
      }
      await this.audit.record(manager, caller, {
        action: 'person.updated',
        entity: 'person',
        entityId: personId,
        organisationId: row.organisation_id,
        before: { roles: before.roles, status: before.status },
        after: { roles: row.roles, status: row.status },
      });
      return personView(row);
    });
  }

  async lookup(token: string): Promise<InvitationLookupView> {
    const invitation = await this.openInvitation(this.dataSource.manager, token);
    return {
      email: invitation.email,
      fullName: invitation.full_name,
      organisationName: invitation.organisation_name,
      expiresAt: invitation.expires_at.toISOString(),
    };
  }

  accept(input: AcceptInvitationDto): Promise<{ personId: string; email: string }> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.openInvitation(manager, input.token, true);
      const [taken] = await manager.query<unknown[]>('SELECT 1 FROM people WHERE lower(email) = lower($1)', [
        invitation.email,
      ]);
      if (taken) throw new ConflictError('a person with this e-mail already has an account');
      const personId = invitation.id;
      await manager.query(
        `INSERT INTO people (id, organisation_id, email, full_name, roles, password_hash) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          personId,
          invitation.organisation_id,
          invitation.email,
          invitation.full_name,
          invitation.roles,
          await hash(input.password),
        ],
      );
      await manager.query('UPDATE invitations SET accepted_at = now() WHERE id = $1', [invitation.id]);
      await this.audit.record(manager, 'seed', {
        action: 'person.joined',
        entity: 'person',
        entityId: personId,
        organisationId: invitation.organisation_id,
        after: { roles: invitation.roles },
      });
      return { personId, email: invitation.email };
    });
  }

  /** An invitation not used yet: 404 if unknown or used, 410 once expired. */
  private async openInvitation(manager: EntityManager, token: string, lock = false): Promise<InvitationRow> {
    if (!isOpaqueToken('vgi', token)) throw new NotFoundError('invitation', 'link');
    const [row] = await manager.query<InvitationRow[]>(
      `SELECT i.id, i.organisation_id, o.name AS organisation_name, i.email, i.full_name, i.roles, i.created_at,
              i.expires_at, i.accepted_at
       FROM invitations i JOIN organisations o ON o.id = i.organisation_id WHERE i.token_hash = $1
       ${lock ? 'FOR UPDATE OF i' : ''}`,
      [hashOpaqueToken(token)],
    );
    if (!row || row.accepted_at) throw new NotFoundError('invitation', 'link');
    if (row.expires_at.getTime() <= Date.now()) {
      throw new DomainError('gone', 'this invitation link has expired; ask for a new one', HttpStatus.GONE);
    }
    return row;
  }

  private async personFor(manager: EntityManager, personId: string, caller: Caller): Promise<PersonRow> {
    const [row] = await manager.query<PersonRow[]>(
      `SELECT id, organisation_id, email, full_name, roles, status, created_at, last_login_at FROM people WHERE id = $1 FOR UPDATE`,
      [personId],
    );
    if (!row) throw new NotFoundError('person', personId);
    await organisationFor(manager, row.organisation_id, caller, managesPeople).catch(() => {
      throw new NotFoundError('person', personId);
    });
    return row;
  }
}
