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

const DAY_MS = 86_400_000;
/** The window figures cover when none is asked for: the 30 days before `to`. */
export const STATISTICS_DEFAULT_DAYS = 30;
/** The longest window figures may cover. */
export const STATISTICS_MAX_DAYS = 366;

/**
 * The window [from, to) figures are counted over: `to` defaults to now, `from` to 30 days
 * before `to`. A window that is empty, inverted or longer than 366 days is refused: the result
 * is then the problem with `from`, in words.
 */
export function statisticsWindow(
  asked: { from?: string; to?: string },
  now = new Date(),
): { from: Date; to: Date } | { problem: string } {
  const to = asked.to ? new Date(asked.to) : now;
  const from = asked.from ? new Date(asked.from) : new Date(to.getTime() - STATISTICS_DEFAULT_DAYS * DAY_MS);
  if (from.getTime() >= to.getTime()) return { problem: 'from must be before to' };
  if (to.getTime() - from.getTime() > STATISTICS_MAX_DAYS * DAY_MS) {
    return { problem: `the window is at most ${STATISTICS_MAX_DAYS} days` };
  }
  return { from, to };
}
