import { Injectable } from '@nestjs/common';
import { OrganisationStatus } from '@vigie/contracts';
import { issueApiKey, type Caller } from '@vigie/access';
import { Geography } from '@vigie/geo';
import { ConflictError, DomainError, NotFoundError } from '@vigie/platform';
import { HttpStatus } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiKey } from '../credentials/api-key.entity';
import type { IssueKeyDto, IssuedKeyView } from '../credentials/dto/issued-key.view';
import type { CreateOrganisationDto } from './dto/create-organisation.dto';
import { OrganisationView } from './dto/organisation.view';
import { canTransition } from './organisation.lifecycle';
import { Organisation } from './organisation.entity';
import { PartnerEvents } from './partner.events';

function actorOf(caller: Caller): string {
  return caller.isAdmin ? 'admin' : `organisation:${caller.organisationId}`;
}

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: PartnerEvents,
  ) {}

  async create(input: CreateOrganisationDto, caller: Caller): Promise<OrganisationView> {
    const unknown = input.departments.filter((code) => !Geography.official().department(code));
    if (unknown.length > 0) {
      throw new DomainError('unknown_department', 'unknown département codes', HttpStatus.BAD_REQUEST, unknown);
    }
    return this.dataSource.transaction(async (manager) => {
      const organisation = manager.create(Organisation, {
        id: randomUUID(),
        kind: input.kind,
        name: input.name,
        status: OrganisationStatus.Pending,
        departments: [...new Set(input.departments)],
        revision: 1,
        statusChangedAt: new Date(),
        statusChangedBy: actorOf(caller),
        statusReason: null,
      });
      await manager.save(organisation);
      await this.events.changed(manager, organisation);
      return OrganisationView.of(organisation);
    });
  }

  async get(id: string, caller: Caller): Promise<OrganisationView> {
    const organisation = await this.dataSource.manager.findOneBy(Organisation, { id });
    // An organisation sees itself; only the administrator sees others.
    if (!organisation || (!caller.isAdmin && caller.organisationId !== id)) throw new NotFoundError('organisation', id);
    return OrganisationView.of(organisation);
  }

  changeStatus(
    id: string,
    to: OrganisationStatus,
    reason: string | undefined,
    caller: Caller,
  ): Promise<OrganisationView> {
    return this.dataSource.transaction(async (manager) => {
      const organisation = await this.lockOrganisation(manager, id);
      if (!canTransition(organisation.status, to)) {
        throw new ConflictError(`cannot go from ${organisation.status} to ${to}`);
      }
      organisation.status = to;
      organisation.statusChangedAt = new Date();
      organisation.statusChangedBy = actorOf(caller);
      organisation.statusReason = reason ?? null;
      organisation.revision += 1;
      await manager.save(organisation);
      await this.events.changed(manager, organisation);
      return OrganisationView.of(organisation);
    });
  }

  issueKey(id: string, input: IssueKeyDto): Promise<IssuedKeyView> {
    return this.dataSource.transaction(async (manager) => {
      const organisation = await this.lockOrganisation(manager, id);
      if (organisation.status === OrganisationStatus.Revoked) throw new ConflictError('organisation is revoked');
      const issued = issueApiKey();
      const key = manager.create(ApiKey, {
        id: issued.id,
        organisationId: id,
        secretHash: issued.secretHash,
        label: input.label ?? null,
        revokedAt: null,
      });
      await manager.save(key);
      organisation.revision += 1;
      await manager.save(organisation);
      await this.events.changed(manager, organisation);
      return {
        id: key.id,
        organisationId: id,
        key: issued.token,
        label: key.label,
        createdAt: key.createdAt.toISOString(),
      };
    });
  }

  private async lockOrganisation(manager: EntityManager, id: string): Promise<Organisation> {
    const organisation = await manager.findOne(Organisation, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!organisation) throw new NotFoundError('organisation', id);
    return organisation;
  }
}
