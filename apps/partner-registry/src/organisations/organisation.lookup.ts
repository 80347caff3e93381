import type { EntityManager, EntityTarget, FindOptionsOrder, FindOptionsWhere } from 'typeorm';
import type { Caller } from '@vigie/access';
import { ForbiddenError, NotFoundError } from '@vigie/platform';
import { canRead, type ManagedOrganisation } from '../access/registry.access';
import { Organisation } from './organisation.entity';
import { refuseIfRevoked } from './organisation.lifecycle';

/**
 * The organisation, if the caller may see it and do what `allowed` says. An organisation the
 * caller may not see is "not found" (its existence is not revealed); one it may see but not
 * change is forbidden. `lock` takes a row lock for the rest of the transaction.
 */
export async function organisationFor(
  manager: EntityManager,
  id: string,
  caller: Caller,
  allowed: (caller: Caller, organisation: ManagedOrganisation) => boolean = canRead,
  lock = false,
): Promise<Organisation> {
  const organisation = await manager.findOne(Organisation, {
    where: { id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!organisation || !canRead(caller, organisation)) throw new NotFoundError('organisation', id);
  if (!allowed(caller, organisation)) throw new ForbiddenError('not allowed for this organisation');
  return organisation;
}

/** The organisation, locked, to add to or change under it: as `organisationFor`, and refused once revoked. */
export async function organisationToChange(
  manager: EntityManager,
  id: string,
  caller: Caller,
  allowed: (caller: Caller, organisation: ManagedOrganisation) => boolean,
): Promise<Organisation> {
  const organisation = await organisationFor(manager, id, caller, allowed, true);
  refuseIfRevoked(organisation);
  return organisation;
}

/**
 * What an organisation holds (its keys, sites or subscriptions), in the order given, once the caller
 * may see the organisation and do what `allowed` says.
 */
export async function heldBy<T extends { organisationId: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  organisationId: string,
  caller: Caller,
  order: FindOptionsOrder<T>,
  allowed?: (caller: Caller, organisation: ManagedOrganisation) => boolean,
): Promise<T[]> {
  await organisationFor(manager, organisationId, caller, allowed);
  return manager.find(entity, { where: { organisationId } as FindOptionsWhere<T>, order });
}
