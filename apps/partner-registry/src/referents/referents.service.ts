import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import { OrganisationStatus, type OrganisationKind } from '@vigie/contracts';
import { ConflictError, NotFoundError, InvalidRequestError } from '@vigie/platform';
import { actsFor, type ManagedOrganisation } from '../access/registry.access';
import { AuditLog } from '../audit/audit.log';
import type { Organisation } from '../organisations/organisation.entity';
import { refuseIfRevoked } from '../organisations/organisation.lifecycle';
import { organisationFor } from '../organisations/organisation.lookup';
import { PartnerEvents } from '../organisations/partner.events';
import { directoryConventions } from './directory.rules';
import {
  ReferentView,
  type CreateReferentDto,
  type DirectoryEntryView,
  type UpdateReferentDto,
} from './dto/referent.dto';
import { Referent, ReferentRole } from './referent.entity';

const UNIQUE_ROLE = 'uq_referents_role';

/** Its own operators and administrators run an organisation's referents. */
const runsReferents = (caller: Caller, organisation: ManagedOrganisation) => actsFor(caller, organisation.id);

/** What the audit trail keeps of a referent: who and where, never how to reach them. */
function audited(referent: Referent): object {
  return {
    id: referent.id,
    organisationId: referent.organisationId,
    department: referent.department,
    role: referent.role,
    fullName: referent.fullName,
  };
}

function roleTaken(role: ReferentRole, department: string): ConflictError {
  return new ConflictError(`the organisation already has a ${role} referent for ${department}`);
}

const isUniqueViolation = (error: unknown) =>
  error instanceof QueryFailedError &&
  (error as QueryFailedError & { driverError?: { constraint?: string } }).driverError?.constraint === UNIQUE_ROLE;

interface DirectoryRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  organisation_kind: OrganisationKind;
  conventions: string[];
  role: ReferentRole;
  full_name: string;
  email: string;
  phone: string;
}

@Injectable()
export class ReferentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly events: PartnerEvents,
  ) {}

  create(organisationId: string, input: CreateReferentDto, caller: Caller): Promise<ReferentView> {
    return this.dataSource.transaction(async (manager) => {
      const organisation = await organisationFor(manager, organisationId, caller, runsReferents, true);
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
      await this.audit.record(manager, caller, {
        action: 'referent.created',
        entity: 'referent',
        entityId: id,
        organisationId,
        after: audited(referent),
      });
      await this.events.changed(manager, organisationId);
      return ReferentView.of(referent);
    });
  }

  async list(organisationId: string, caller: Caller): Promise<ReferentView[]> {
    await organisationFor(this.dataSource.manager, organisationId, caller);
    const referents = await this.dataSource.manager
      .createQueryBuilder(Referent, 'r')
      .where('r.organisationId = :organisationId', { organisationId })
      .orderBy('r.department')
      .addOrderBy(`CASE r.role WHEN '${ReferentRole.Primary}' THEN 0 ELSE 1 END`)
      .addOrderBy('r.fullName')
      .getMany();
    return referents.map(ReferentView.of);
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
        (await this.holds(manager, referent, department, role))
      ) {
        throw roleTaken(role, department);
      }
      await this.unique({ role, department }, () => manager.update(Referent, id, changes));
      const updated = await manager.findOneByOrFail(Referent, { id });
      await this.audit.record(manager, caller, {
        action: 'referent.updated',
        entity: 'referent',
        entityId: id,
        organisationId: referent.organisationId,
        // Names of the changed fields, not their values: e-mail and phone stay out of the trail.
        before: audited(referent),
        after: { ...audited(updated), changed: Object.keys(changes).sort() },
      });
      await this.events.changed(manager, referent.organisationId);
      return ReferentView.of(updated);
    });
  }

  remove(id: string, caller: Caller): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const { referent } = await this.referentFor(manager, id, caller);
      const [{ count }] = await manager.query<{ count: number }[]>(
        'SELECT count(*)::int AS count FROM sites WHERE crisis_coordinator_id = $1',
        [id],
      );
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
      await this.audit.record(manager, caller, {
        action: 'referent.deleted',
        entity: 'referent',
        entityId: id,
        organisationId: referent.organisationId,
        before: audited(referent),
      });
      await this.events.changed(manager, referent.organisationId);
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
    const [department] = await manager.query<{ competent_organisation_id: string }[]>(
      'SELECT competent_organisation_id FROM departments WHERE code = $1',
      [code],
    );
    if (!department) throw notFound;
    const deployed = (
      await manager.query<{ id: string }[]>('SELECT id FROM conventions WHERE $1 = ANY(departments)', [code])
    ).map((row) => row.id);
    const memberships = caller.organisationId
      ? (
          await manager.query<{ convention_id: string }[]>(
            'SELECT convention_id FROM convention_members WHERE organisation_id = $1',
            [caller.organisationId],
          )
        ).map((row) => row.convention_id)
      : [];
    const visible = directoryConventions(caller, {
      department: code,
      deployedConventions: deployed,
      callerConventions: memberships,
    });
    if (!visible) throw notFound;
    const rows = await manager.query<DirectoryRow[]>(
      `SELECT r.id, r.organisation_id, o.name AS organisation_name, o.kind AS organisation_kind,
          coalesce(array_agg(c.code ORDER BY c.code) FILTER (WHERE c.code IS NOT NULL), '{}') AS conventions,
          r.role, r.full_name, r.email, r.phone
       FROM referents r
       JOIN organisations o ON o.id = r.organisation_id
       LEFT JOIN convention_members m ON m.organisation_id = r.organisation_id AND m.convention_id = ANY($3::uuid[])
       LEFT JOIN conventions c ON c.id = m.convention_id
       WHERE r.department = $1
         AND (r.organisation_id = $2 OR (m.convention_id IS NOT NULL AND o.status = $4))
       GROUP BY r.id, o.id
       ORDER BY r.organisation_id = $2 DESC, o.name, o.id, CASE r.role WHEN $5 THEN 0 ELSE 1 END, r.full_name`,
      [code, department.competent_organisation_id, visible, OrganisationStatus.Active, ReferentRole.Primary],
    );
    return rows.map((row) => ({
      id: row.id,
      organisation: { id: row.organisation_id, name: row.organisation_name, kind: row.organisation_kind },
      conventions: row.conventions,
      role: row.role,
      fullName: row.full_name,
      email: row.email,
      phone: row.phone,
    }));
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

  /** Whether another referent of the organisation already holds the role in the département. */
  private holds(manager: EntityManager, referent: Referent, department: string, role: ReferentRole): Promise<boolean> {
    return manager
      .createQueryBuilder(Referent, 'r')
      .where('r.organisationId = :organisationId AND r.department = :department AND r.role = :role AND r.id <> :id', {
        organisationId: referent.organisationId,
        department,
        role,
        id: referent.id,
      })
      .getExists();
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
