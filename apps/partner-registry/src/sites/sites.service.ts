import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import { Geography } from '@vigie/geo';
import { NotFoundError, type FieldError, InvalidRequestError } from '@vigie/platform';
import { actsFor, canRead, isCompetentFor, type ManagedOrganisation } from '../access/registry.access';
import { AuditLog } from '../audit/audit.log';
import type { Organisation } from '../organisations/organisation.entity';
import { refuseIfRevoked } from '../organisations/organisation.lifecycle';
import { heldBy, organisationFor } from '../organisations/organisation.lookup';
import { referentOrganisationForShare } from '../referents/referents.queries';
import type { ComplianceView, NonCompliantSite } from './dto/compliance.view';
import type { CreateSiteDto, UpdateSiteDto } from './dto/site.dto';
import { SiteView } from './dto/site.view';
import { Site } from './site.entity';
import { missingRequirements, securityPlanProblems, type SecurityPlan } from './site.requirements';
import { SecurityPlanStatus, SiteRequirement } from './site.vocabulary';
import { sitesOfDepartment } from './sites.queries';

/** The organisation's own operators, and administrators, run its sites. */
const runsSites = (caller: Caller, organisation: ManagedOrganisation) => actsFor(caller, organisation.id);

@Injectable()
export class SitesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  create(organisationId: string, input: CreateSiteDto, caller: Caller): Promise<SiteView> {
    return this.dataSource.transaction(async (manager) => {
      const organisation = await organisationFor(manager, organisationId, caller, runsSites);
      refuseIfRevoked(organisation);
      const plan: SecurityPlan = input.securityPlan ?? { status: SecurityPlanStatus.None };
      const commune = Geography.official().commune(input.commune);
      const problems = [
        ...placeProblems(input.commune, commune?.department, organisation),
        ...securityPlanProblems(plan),
        ...(await coordinatorProblems(manager, organisationId, input.crisisCoordinatorId)),
      ];
      if (problems.length > 0) throw new InvalidRequestError(problems);
      const id = randomUUID();
      await manager.insert(Site, {
        id,
        organisationId,
        name: input.name,
        kind: input.kind,
        commune: input.commune,
        department: commune!.department,
        securityPlanStatus: plan.status,
        securityPlanVersion: plan.version ?? null,
        securityPlanDate: plan.date ?? null,
        crisisCoordinatorId: input.crisisCoordinatorId ?? null,
      });
      const view = SiteView.of(await manager.findOneByOrFail(Site, { id }));
      await this.audit.recordChange(manager, caller, 'site', 'created', view, { after: view });
      return view;
    });
  }

  async list(organisationId: string, caller: Caller): Promise<SiteView[]> {
    const order = { name: 'ASC', createdAt: 'ASC' } as const;
    const sites = await heldBy(this.dataSource.manager, Site, organisationId, caller, order);
    return sites.map(SiteView.of);
  }

  async get(id: string, caller: Caller): Promise<SiteView> {
    const { site } = await siteFor(this.dataSource.manager, id, caller);
    return SiteView.of(site);
  }

  update(id: string, input: UpdateSiteDto, caller: Caller): Promise<SiteView> {
    return this.dataSource.transaction(async (manager) => {
      const { site } = await siteFor(manager, id, caller, runsSites, true);
      const problems = [
        ...(input.securityPlan ? securityPlanProblems(input.securityPlan) : []),
        ...(input.crisisCoordinatorId
          ? await coordinatorProblems(manager, site.organisationId, input.crisisCoordinatorId)
          : []),
      ];
      if (problems.length > 0) throw new InvalidRequestError(problems);
      const changes: Partial<Site> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.kind !== undefined) changes.kind = input.kind;
      if (input.securityPlan !== undefined) {
        changes.securityPlanStatus = input.securityPlan.status;
        changes.securityPlanVersion = input.securityPlan.version ?? null;
        changes.securityPlanDate = input.securityPlan.date ?? null;
      }
      if (input.crisisCoordinatorId !== undefined) changes.crisisCoordinatorId = input.crisisCoordinatorId;
      const before = SiteView.of(site);
      if (Object.keys(changes).length === 0) return before;
      await manager.update(Site, id, changes);
      const after = SiteView.of(await manager.findOneByOrFail(Site, { id }));
      await this.audit.recordChange(manager, caller, 'site', 'updated', site, { before, after });
      return after;
    });
  }

  remove(id: string, caller: Caller): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const { site } = await siteFor(manager, id, caller, runsSites, true);
      await manager.delete(Site, id);
      await this.audit.recordChange(manager, caller, 'site', 'deleted', site, { before: SiteView.of(site) });
    });
  }

  /**
   * The sites of a département that lack what the large-retail convention recommends, for the
   * competent prefecture and administrators. Sites of revoked organisations are left out.
   */
  async compliance(code: string, caller: Caller): Promise<ComplianceView> {
    const department = Geography.official().department(code);
    if (!department || !isCompetentFor(caller, code)) throw new NotFoundError('département', code);
    const rows = await sitesOfDepartment(this.dataSource.manager, code);
    const assessed = rows.map((row) => ({ row, missing: missingRequirements(row) }));
    const lacking = assessed.filter(({ missing }) => missing.length > 0);
    const lackingOf = (requirement: SiteRequirement) =>
      lacking.filter(({ missing }) => missing.includes(requirement)).length;
    return {
      department: { code: department.code, name: department.name },
      counts: {
        sites: rows.length,
        compliant: rows.length - lacking.length,
        nonCompliant: lacking.length,
        missingApprovedSecurityPlan: lackingOf(SiteRequirement.ApprovedSecurityPlan),
        missingCrisisCoordinator: lackingOf(SiteRequirement.CrisisCoordinator),
      },
      sites: lacking.map(({ row, missing }): NonCompliantSite => ({
        id: row.id,
        name: row.name,
        kind: row.kind,
        commune: row.commune,
        communeName: Geography.official().commune(row.commune)?.name ?? null,
        organisation: row.organisation,
        securityPlanStatus: row.securityPlanStatus,
        missing,
      })),
    };
  }
}

/** The commune must be on the official list and in a département where the organisation operates. */
function placeProblems(code: string, department: string | undefined, organisation: Organisation): FieldError[] {
  if (!department) return [{ field: 'commune', problems: [`unknown commune: ${code}`] }];
  if (!organisation.departments.includes(department)) {
    return [
      {
        field: 'commune',
        problems: [`commune ${code} is in département ${department}, where the organisation does not operate`],
      },
    ];
  }
  return [];
}

/** A crisis-management coordinator must be one of the organisation's own referents. */
async function coordinatorProblems(
  manager: EntityManager,
  organisationId: string,
  referentId: string | undefined,
): Promise<FieldError[]> {
  if (!referentId) return [];
  // FOR SHARE: the referent cannot be removed before this transaction ends.
  if ((await referentOrganisationForShare(manager, referentId)) === organisationId) return [];
  return [
    { field: 'crisisCoordinatorId', problems: ['the crisis coordinator must be a referent of the organisation'] },
  ];
}

/**
 * The site, if the caller may see its organisation and do what `allowed` says. A site whose
 * organisation the caller may not see is "not found", like the organisation itself.
 */
async function siteFor(
  manager: EntityManager,
  id: string,
  caller: Caller,
  allowed: (caller: Caller, organisation: ManagedOrganisation) => boolean = canRead,
  lock = false,
): Promise<{ site: Site; organisation: Organisation }> {
  const site = await manager.findOne(Site, {
    where: { id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!site) throw new NotFoundError('site', id);
  try {
    return { site, organisation: await organisationFor(manager, site.organisationId, caller, allowed) };
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError('site', id);
    throw error;
  }
}
