import type { EntityManager } from 'typeorm';
import type { OrganisationKind, OrganisationStatus } from '@vigie/contracts';
import { Organisation } from './organisation.entity';

/** `organisations` as lists read them. */

export interface OrganisationFilter {
  kind?: OrganisationKind;
  status?: OrganisationStatus;
  /** Organisations operating in this département. */
  department?: string;
}

/** The first 1,000 organisations by name that match every criterion given. */
export function organisationsMatching(manager: EntityManager, filter: OrganisationFilter): Promise<Organisation[]> {
  const builder = manager.createQueryBuilder(Organisation, 'o').orderBy('o.name').limit(1000);
  if (filter.kind) builder.andWhere('o.kind = :kind', { kind: filter.kind });
  if (filter.status) builder.andWhere('o.status = :status', { status: filter.status });
  if (filter.department) builder.andWhere(':department = ANY(o.departments)', { department: filter.department });
  return builder.getMany();
}
