import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import type { Caller } from '@vigie/access';
import { OrganisationKind, OrganisationStatus, SECTOR_OF_KIND, STATE_KINDS, type Sector } from '@vigie/contracts';
import { Geography } from '@vigie/geo';
import { ConflictError, ForbiddenError, type FieldError, InvalidRequestError } from '@vigie/platform';
import { actorOf, canManage, canRead } from '../access/registry.access';
import type { CreateOrganisationDto } from './dto/create-organisation.dto';
import type { ListOrganisationsQuery } from './dto/list-organisations.query';
import { OrganisationView } from './dto/organisation.view';
import { OrganisationWriter } from './organisation-writer';
import { Organisation } from './organisation.entity';
import { canTransition } from './organisation.lifecycle';
import { organisationFor } from './organisation.lookup';
import { organisationsMatching } from './organisations.queries';
import { isValidSiret } from './siret';

/** Field problems a DTO cannot see alone: codes against the official lists, kind-specific fields. */
export function checkOrganisation(input: CreateOrganisationDto): { sector: Sector | null } {
  const problems: FieldError[] = [];
  const unknown = input.departments.filter((code) => !Geography.official().department(code));
  if (unknown.length > 0)
    problems.push({ field: 'departments', problems: [`unknown départements: ${unknown.join(', ')}`] });
  if (input.siret !== undefined && !isValidSiret(input.siret)) {
    problems.push({ field: 'siret', problems: ['siret must be 14 digits with a valid checksum'] });
  }
  if (input.kind === OrganisationKind.SecurityFirm) {
    if (input.siret === undefined) problems.push({ field: 'siret', problems: ['a security firm needs its SIRET'] });
    if (input.cnapsNumber === undefined) {
      problems.push({ field: 'cnapsNumber', problems: ['a security firm needs its CNAPS authorisation number'] });
    }
  }
  const implied = SECTOR_OF_KIND[input.kind] ?? null;
  if (implied && input.sector && input.sector !== implied) {
    problems.push({ field: 'sector', problems: [`a ${input.kind} belongs to ${implied}`] });
  }
  if (input.kind === OrganisationKind.ProfessionalBody && !input.sector) {
    problems.push({ field: 'sector', problems: ['a professional body needs its sector'] });
  }
  if (STATE_KINDS.includes(input.kind) && input.sector) {
    problems.push({ field: 'sector', problems: ['State organisations belong to no sector'] });
  }
  if (problems.length > 0) throw new InvalidRequestError(problems);
  return { sector: implied ?? input.sector ?? null };
}

const UNIQUE_FIELDS: Record<string, FieldError> = {
  uq_organisations_siret: { field: 'siret', problems: ['an organisation with this SIRET is already registered'] },
  uq_organisations_kind_name: { field: 'name', problems: ['an organisation of this kind already has this name'] },
};

@Injectable()
export class OrganisationsService extends OrganisationWriter {
  async create(input: CreateOrganisationDto, caller: Caller): Promise<OrganisationView> {
    const { sector } = checkOrganisation(input);
    const draft = { id: randomUUID(), kind: input.kind, departments: [...new Set(input.departments)] };
    if (!canManage(caller, draft)) throw new ForbiddenError('you may register partners of your own départements only');
    try {
      return await this.dataSource.transaction(async (manager) => {
        await manager.insert(Organisation, {
          ...draft,
          name: input.name,
          sector,
          siret: input.siret ?? null,
          cnapsNumber: input.cnapsNumber ?? null,
          status: OrganisationStatus.Pending,
          revision: 0,
          statusChangedAt: new Date(),
          statusChangedBy: actorOf(caller),
          statusReason: null,
        });
        const created = await this.changes.record(manager, caller, draft.id, (organisation) => ({
          action: 'organisation.created',
          entity: 'organisation',
          entityId: draft.id,
          after: OrganisationView.of(organisation),
        }));
        return OrganisationView.of(created);
      });
    } catch (error) {
      const constraint = (error as QueryFailedError & { driverError?: { constraint?: string } }).driverError
        ?.constraint;
      if (error instanceof QueryFailedError && constraint && UNIQUE_FIELDS[constraint]) {
        throw new InvalidRequestError([UNIQUE_FIELDS[constraint]]);
      }
      throw error;
    }
  }

  async get(id: string, caller: Caller): Promise<OrganisationView> {
    return OrganisationView.of(await organisationFor(this.dataSource.manager, id, caller));
  }

  /** What the caller may see: everything for an administrator, its départements for a prefecture, itself otherwise. */
  async list(query: ListOrganisationsQuery, caller: Caller): Promise<OrganisationView[]> {
    const organisations = await organisationsMatching(this.dataSource.manager, query);
    return organisations.filter((organisation) => canRead(caller, organisation)).map(OrganisationView.of);
  }

  changeStatus(
    id: string,
    to: OrganisationStatus,
    reason: string | undefined,
    caller: Caller,
  ): Promise<OrganisationView> {
    return this.dataSource.transaction(async (manager) => {
      const organisation = await organisationFor(manager, id, caller, canManage, true);
      if (!canTransition(organisation.status, to)) {
        throw new ConflictError(`cannot go from ${organisation.status} to ${to}`);
      }
      const before = OrganisationView.of(organisation);
      await manager.update(Organisation, id, {
        status: to,
        statusChangedAt: new Date(),
        statusChangedBy: actorOf(caller),
        statusReason: reason ?? null,
      });
      const changed = await this.changes.record(manager, caller, id, (organisation) => ({
        action: `organisation.${to.toLowerCase()}`,
        entity: 'organisation',
        entityId: id,
        before,
        after: OrganisationView.of(organisation),
      }));
      return OrganisationView.of(changed);
    });
  }
}
