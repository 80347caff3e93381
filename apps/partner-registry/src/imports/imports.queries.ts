import type { EntityManager } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';
import { Subscription } from '../subscriptions/subscription.entity';

/** What an import batch reads of `organisations`, `convention_members` and `subscriptions`. */

/**
 * The organisations with one of these SIRETs, or one of these `kind:name` keys, write-locked
 * until the transaction ends.
 */
export function organisationsForUpdate(
  manager: EntityManager,
  keys: { sirets: string[]; names: string[] },
): Promise<Organisation[]> {
  return manager
    .createQueryBuilder(Organisation, 'o')
    .where('o.siret = ANY(:sirets)', { sirets: keys.sirets })
    .orWhere("(o.kind || ':' || o.name) = ANY(:names)", { names: keys.names })
    .setLock('pessimistic_write')
    .getMany();
}

/** The memberships of these organisations, each as `conventionId:organisationId`. */
export async function membershipKeys(manager: EntityManager, organisationIds: string[]): Promise<Set<string>> {
  if (organisationIds.length === 0) return new Set();
  const rows = await manager.query<{ key: string }[]>(
    `SELECT convention_id || ':' || organisation_id AS key FROM convention_members WHERE organisation_id = ANY($1)`,
    [organisationIds],
  );
  return new Set(rows.map((row) => row.key));
}

/** The subscriptions of these organisations, by organisation. */
export async function subscriptionsByOrganisation(
  manager: EntityManager,
  organisationIds: string[],
): Promise<Map<string, Subscription[]>> {
  const byOrganisation = new Map<string, Subscription[]>();
  if (organisationIds.length === 0) return byOrganisation;
  const subscriptions = await manager
    .createQueryBuilder(Subscription, 's')
    .where('s.organisation_id = ANY(:ids)', { ids: organisationIds })
    .getMany();
  for (const subscription of subscriptions) {
    byOrganisation.set(subscription.organisationId, [
      ...(byOrganisation.get(subscription.organisationId) ?? []),
      subscription,
    ]);
  }
  return byOrganisation;
}
