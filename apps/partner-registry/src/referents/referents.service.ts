import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import { ConflictError, NotFoundError, InvalidRequestError } from '@vigie/platform';
import { actsFor, type ManagedOrganisation } from '../access/registry.access';
import { competentPrefectureOf } from '../departments/departments.queries';
import { OrganisationWriter } from '../organisations/organisation-writer';
import type { Organisation } from '../organisations/organisation.entity';
import { refuseIfRevoked } from '../organisations/organisation.lifecycle';
import { organisationFor } from '../organisations/organisation.lookup';
import { coordinatedSites } from '../sites/sites.queries';
import { viewOf } from '../views/view-of';
import { directoryConventions } from './directory.rules';
import {
  ReferentView,
  type CreateReferentDto,
  type DirectoryEntryView,
  type UpdateReferentDto,
} from './dto/referent.dto';
import { Referent, ReferentRole } from './referent.entity';
import {
  conventionsDeployedIn,
  conventionsJoinedBy,
  directoryEntries,
  referentsOf,
  roleHeldByAnother,
} from './referents.queries';

const UNIQUE_ROLE = 'uq_referents_role';

/** Its own operators and administrators run an organisation's referents. */
const runsReferents = (caller: Caller, organisation: ManagedOrganisation) => actsFor(caller, organisation.id);

/** What the audit trail keeps of a referent: who and where, never how to reach them. */
function audited(referent: Referent): object {
  return viewOf(referent, ['id', 'organisationId', 'department', 'role', 'fullName']);
}

function roleTaken(role: ReferentRole, department: string): ConflictError {
  return new ConflictError(`the organisation already has a ${role} referent for ${department}`);
}

const isUniqueViolation = (error: unknown) =>
  error instanceof QueryFailedError &&
  (error as QueryFailedError & { driverError?: { constraint?: string } }).driverError?.constraint === UNIQUE_ROLE;

@Injectable()
export class ReferentsService extends OrganisationWriter {
  create(organisationId: string, input: CreateReferentDto, caller: Caller): Promise<ReferentView> {
    return this.underOrganisation(organisationId, caller, runsReferents, async (manager, organisation) => {
      this.checkWritable(organisation, input.department);
      if (await manager.existsBy(Referent, { organisationId, department: input.department, role: input.role })) {
        throw roleTaken(input.role, input.department);
      }
      const id = randomUUID();
      await this.unique(input, () =>
        manager.insert(Referent, {
          id,
          organisationId,
          department: input.department,
          role: input.role,
          fullName: input.fullName.trim(),
          email: input.email,
          phone: input.phone.trim(),
        }),
      );
      const referent = await manager.findOneByOrFail(Referent, { id });
      await this.changes.recordOf(manager, caller, 'referent', 'created', referent, { after: audited(referent) });
      return ReferentView.of(referent);
    });
  }

  async list(organisationId: string, caller: Caller): Promise<ReferentView[]> {
    await organisationFor(this.dataSource.manager, organisationId, caller);
    return (await referentsOf(this.dataSource.manager, organisationId)).map(ReferentView.of);
  }

  update(id: string, input: UpdateReferentDto, caller: Caller): Promise<ReferentView> {
    const changes = Object.fromEntries(
      Object.entries({ ...input, fullName: input.fullName?.trim(), phone: input.phone?.trim() }).filter(
        ([, value]) => value !== undefined,
      ),
    ) as Partial<Pick<Referent, 'department' | 'role' | 'fullName' | 'email' | 'phone'>>;
    if (Object.keys(changes).length === 0) {
      throw new InvalidRequestError([{ field: 'body', problems: ['nothing to change'] }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const { referent, organisation } = await this.referentFor(manager, id, caller);
      const department = changes.department ?? referent.department;
      const role = changes.role ?? referent.role;
      this.checkWritable(organisation, department);
      if (
        (department !== referent.department || role !== referent.role) &&
        (await roleHeldByAnother(manager, referent, department, role))
      ) {
        throw roleTaken(role, department);
      }
      await this.unique({ role, department }, () => manager.update(Referent, id, changes));
      const updated = await manager.findOneByOrFail(Referent, { id });
      await this.changes.recordOf(manager, caller, 'referent', 'updated', referent, {
        // Names of the changed fields, not their values: e-mail and phone stay out of the trail.
        before: audited(referent),
        after: { ...audited(updated), changed: Object.keys(changes).sort() },
      });
      return ReferentView.of(updated);
    });
  }

  remove(id: string, caller: Caller): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const { referent } = await this.referentFor(manager, id, caller);
      const count = await coordinatedSites(manager, id);
      if (count > 0) {
        throw new ConflictError(
          `the referent coordinates crisis management for ${count} site(s): replace them there first`,
        );
      }
      await manager.delete(Referent, id).catch((error: unknown) => {
        // A site named it as coordinator meanwhile.
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23503') {
          throw new ConflictError('the referent coordinates crisis management for a site: replace them there first');
        }
        throw error;
      });
      await this.changes.recordOf(manager, caller, 'referent', 'deleted', referent, { before: audited(referent) });
    });
  }

  /**
   * The département's directory: the competent prefecture's referents there, and those of the
   * active members of the conventions deployed there that the caller may see. Not found for
   * an unknown département and for anyone the directory is not for alike.
   */
  async directory(code: string, caller: Caller): Promise<DirectoryEntryView[]> {
    const manager = this.dataSource.manager;
    const notFound = new NotFoundError('directory of département', code);
    const competent = await competentPrefectureOf(manager, code);
    if (!competent) throw notFound;
    const visible = directoryConventions(caller, {
      department: code,
      deployedConventions: await conventionsDeployedIn(manager, code),
      callerConventions: caller.organisationId ? await conventionsJoinedBy(manager, caller.organisationId) : [],
    });
    if (!visible) throw notFound;
    return directoryEntries(manager, code, competent, visible);
  }

  /** Referents are kept for the départements where the organisation operates, while it is not revoked. */
  private checkWritable(organisation: Organisation, department: string): void {
    refuseIfRevoked(organisation);
    if (!organisation.departments.includes(department)) {
      throw new InvalidRequestError([
        { field: 'department', problems: [`the organisation does not operate in ${department}`] },
      ]);
    }
  }

  /** Runs a write; a concurrent writer that took the role first still ends in a conflict. */
  private async unique<T>(at: { role: ReferentRole; department: string }, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw roleTaken(at.role, at.department);
      throw error;
    }
  }

  /**
   * A referent with its organisation (write-locked) if the caller runs the organisation's
   * referents. A referent of an organisation the caller may not see is not found; one it may
   * see but not change is forbidden.
   */
  private async referentFor(
    manager: EntityManager,
    id: string,
    caller: Caller,
  ): Promise<{ referent: Referent; organisation: Organisation }> {
    const found = await manager.findOneBy(Referent, { id });
    if (!found) throw new NotFoundError('referent', id);
    const organisation = await organisationFor(manager, found.organisationId, caller, runsReferents, true).catch(
      (error: unknown) => {
        throw error instanceof NotFoundError ? new NotFoundError('referent', id) : error;
      },
    );
    // Read again under the organisation's lock: a concurrent writer may have changed or removed it.
    const referent = await manager.findOneBy(Referent, { id });
    if (!referent) throw new NotFoundError('referent', id);
    return { referent, organisation };
  }
}
