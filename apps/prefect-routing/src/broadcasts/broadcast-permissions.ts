/*
 * Who may broadcast where: a prefecture to the départements it is competent for (the
 * Préfecture de police to Paris and the inner ring), the national level to every département.
 */
import type { Caller } from '@vigie/access';
import { OrganisationKind } from '@vigie/contracts';

export type BroadcastReach = { departments: string[] } | { refused: string };

/**
 * The départements a broadcast goes to: those asked for, or by default all the caller may
 * reach; refused when the caller may not broadcast or asks for a département beyond its reach.
 */
export function broadcastReach(
  caller: Caller,
  requested: readonly string[] | undefined,
  everyDepartment: readonly string[],
): BroadcastReach {
  let reachable: readonly string[];
  if (caller.kind === OrganisationKind.NationalLevel) reachable = everyDepartment;
  else if (caller.kind === OrganisationKind.Prefecture) reachable = caller.departments;
  else return { refused: 'only prefectures and the national level send broadcasts' };
  if (requested === undefined || requested.length === 0) {
    return reachable.length > 0 ? { departments: [...reachable] } : { refused: 'no département to broadcast to' };
  }
  const outside = requested.filter((department) => !reachable.includes(department));
  if (outside.length > 0) return { refused: `outside the sender's competence: département ${outside.join(', ')}` };
  return { departments: [...new Set(requested)] };
}
