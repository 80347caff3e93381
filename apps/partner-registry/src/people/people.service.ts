import { Injectable, HttpStatus } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import { ConflictError, DomainError, NotFoundError } from '@vigie/platform';
import { actsFor, canManage, type ManagedOrganisation } from '../access/registry.access';
import { AuditLog } from '../audit/audit.log';
import { organisationFor } from '../organisations/organisation.lookup';
import { revokeSessionsOf } from '../sessions/person-sessions.queries';
import { viewOf } from '../views/view-of';
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
import {
  emailTaken,
  insertInvitation,
  insertPerson,
  invitationByTokenHash,
  markInvitationAccepted,
  peopleOf,
  pendingInvitations,
  personForUpdate,
  updatePerson,
  type Invitation,
  type Person,
} from './people.queries';

const INVITATION_DAYS = 7;

/** The organisation's operators, whoever manages the organisation (its prefecture), administrators. */
const managesPeople = (caller: Caller, organisation: ManagedOrganisation): boolean =>
  actsFor(caller, organisation.id) || canManage(caller, organisation);

const personView = (person: Person): PersonView =>
  viewOf(person, ['id', 'email', 'fullName', 'roles', 'status', 'createdAt', 'lastLoginAt']);

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
      if (await emailTaken(manager, input.email))
        throw new ConflictError('a person with this e-mail already has an account');
      const { id, token, hash: tokenHash } = newOpaqueToken('vgi');
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
      await insertInvitation(manager, {
        id,
        organisationId,
        email: input.email,
        fullName: input.fullName,
        roles: input.roles,
        tokenHash,
        createdBy: caller.person?.id ?? caller.keyId,
        expiresAt,
      });
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
    const invitations = await pendingInvitations(this.dataSource.manager, organisationId);
    return invitations.map((invitation) => ({
      ...invitation,
      createdAt: invitation.createdAt.toISOString(),
      expiresAt: invitation.expiresAt.toISOString(),
    }));
  }

  async people(organisationId: string, caller: Caller): Promise<PersonView[]> {
    await organisationFor(this.dataSource.manager, organisationId, caller, managesPeople);
    return (await peopleOf(this.dataSource.manager, organisationId)).map(personView);
  }

  update(personId: string, input: UpdatePersonDto, caller: Caller): Promise<PersonView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.personFor(manager, personId, caller);
      const row = await updatePerson(manager, personId, input);
      // A disabled person is signed out everywhere at once.
      if (row.status === 'DISABLED') await revokeSessionsOf(manager, personId);
      await this.audit.record(manager, caller, {
        action: 'person.updated',
        entity: 'person',
        entityId: personId,
        organisationId: row.organisationId,
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
      fullName: invitation.fullName,
      organisationName: invitation.organisationName,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  accept(input: AcceptInvitationDto): Promise<{ personId: string; email: string }> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.openInvitation(manager, input.token, true);
      if (await emailTaken(manager, invitation.email))
        throw new ConflictError('a person with this e-mail already has an account');
      const personId = invitation.id;
      await insertPerson(manager, {
        id: personId,
        organisationId: invitation.organisationId,
        email: invitation.email,
        fullName: invitation.fullName,
        roles: invitation.roles,
        passwordHash: await hash(input.password),
      });
      await markInvitationAccepted(manager, invitation.id);
      await this.audit.record(manager, 'seed', {
        action: 'person.joined',
        entity: 'person',
        entityId: personId,
        organisationId: invitation.organisationId,
        after: { roles: invitation.roles },
      });
      return { personId, email: invitation.email };
    });
  }

  /** An invitation not used yet: 404 if unknown or used, 410 once expired. */
  private async openInvitation(manager: EntityManager, token: string, lock = false): Promise<Invitation> {
    if (!isOpaqueToken('vgi', token)) throw new NotFoundError('invitation', 'link');
    const row = await invitationByTokenHash(manager, hashOpaqueToken(token), lock);
    if (!row || row.acceptedAt) throw new NotFoundError('invitation', 'link');
    if (row.expiresAt.getTime() <= Date.now()) {
      throw new DomainError('gone', 'this invitation link has expired; ask for a new one', HttpStatus.GONE);
    }
    return row;
  }

  private async personFor(manager: EntityManager, personId: string, caller: Caller): Promise<Person> {
    const row = await personForUpdate(manager, personId);
    if (!row) throw new NotFoundError('person', personId);
    await organisationFor(manager, row.organisationId, caller, managesPeople).catch(() => {
      throw new NotFoundError('person', personId);
    });
    return row;
  }
}
