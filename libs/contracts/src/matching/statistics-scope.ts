import { OrganisationKind } from '../vocabulary/organisation';

/** Who asks for figures: the parts of a caller the scope depends on. */
export interface StatisticsCaller {
  isAdmin: boolean;
  kind: OrganisationKind | null;
  departments: string[];
}

/**
 * The départements whose figures a caller may count: every one (null) for the national level
 * and administrators, its own for a prefecture or a State force, none (undefined) otherwise.
 */
export function statisticsScope(caller: StatisticsCaller): string[] | null | undefined {
  if (caller.isAdmin || caller.kind === OrganisationKind.NationalLevel) return null;
  if (caller.kind === OrganisationKind.Prefecture || caller.kind === OrganisationKind.StateForce) {
    return caller.departments;
  }
  return undefined;
}

/**
 * The départements to count: the scope, narrowed to the one asked for. A département outside
 * the scope gives an empty list (its figures are not the caller's to see).
 */
export function countedDepartments(scope: string[] | null, asked: string | undefined): string[] | null {
  if (asked === undefined) return scope;
  return scope === null || scope.includes(asked) ? [asked] : [];
}
