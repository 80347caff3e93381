import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import type { ManagedOrganisation } from '../access/registry.access';
import { OrganisationChanges } from './organisation.changes';
import type { Organisation } from './organisation.entity';
import { organisationToChange } from './organisation.lookup';

/**
 * A service whose writes change organisations (their state, keys, referents, subscriptions or
 * memberships): each write runs in one transaction and is published and audited through
 * OrganisationChanges.
 */
@Injectable()
export abstract class OrganisationWriter {
  constructor(
    protected readonly dataSource: DataSource,
    protected readonly changes: OrganisationChanges,
  ) {}

  /** Runs `work` in one transaction under the organisation the caller may change: locked, refused once revoked. */
  protected underOrganisation<T>(
    organisationId: string,
    caller: Caller,
    allowed: (caller: Caller, organisation: ManagedOrganisation) => boolean,
    work: (manager: EntityManager, organisation: Organisation) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) =>
      work(manager, await organisationToChange(manager, organisationId, caller, allowed)),
    );
  }
}
