import type { Caller } from '@vigie/access';
import { ApiKeyRole, OrganisationKind } from '@vigie/contracts';

/**
 * Where the caller may try a draft alert as any organisation (the rules test bench): every
 * département (null) for administrators and the national level's operators, its own for a
 * prefecture's operators, nowhere (undefined) for anyone else. Everyone still previews their own
 * organisation's alerts where it may publish.
 */
export function benchScope(
  caller: Pick<Caller, 'isAdmin' | 'kind' | 'roles' | 'departments'>,
): string[] | null | undefined {
  if (caller.isAdmin) return null;
  if (!caller.roles.includes(ApiKeyRole.Operator)) return undefined;
  if (caller.kind === OrganisationKind.NationalLevel) return null;
  if (caller.kind === OrganisationKind.Prefecture) return caller.departments;
  return undefined;
}

export function benchCovers(scope: string[] | null, department: string): boolean {
  return scope === null || scope.includes(department);
}
