import { ApiKeyRole, OrganisationKind, PersonRole } from '@vigie/contracts';

/**
 * The API roles a person's access tokens carry: the same scoping as a key of their
 * organisation with those roles. A prefecture's duty desk also manages its partners.
 */
export function apiRolesOf(roles: readonly PersonRole[], kind: OrganisationKind): ApiKeyRole[] {
  const granted = new Set<ApiKeyRole>();
  for (const role of roles) {
    if (role === PersonRole.DutyOfficer) {
      granted.add(ApiKeyRole.Publisher).add(ApiKeyRole.Subscriber);
      if (kind === OrganisationKind.Prefecture) granted.add(ApiKeyRole.Operator);
    }
    if (role === PersonRole.OrganisationAdmin) granted.add(ApiKeyRole.Operator);
    if (role === PersonRole.NationalAnalyst) granted.add(ApiKeyRole.Subscriber);
  }
  return [...granted].sort();
}

export interface LockoutSettings {
  attempts: number;
  lockSeconds: number;
}

/** After a failed password: the new failure count, and until when the account is locked (if it now is). */
export function afterFailure(
  failures: number,
  settings: LockoutSettings,
  now: Date,
): { failures: number; lockedUntil: Date | null } {
  const next = failures + 1;
  if (next < settings.attempts) return { failures: next, lockedUntil: null };
  return { failures: 0, lockedUntil: new Date(now.getTime() + settings.lockSeconds * 1000) };
}

export interface SessionLifetime {
  idleSeconds: number;
  absoluteSeconds: number;
}

/** A session lives until idle too long or past its absolute limit, whichever comes first. */
export function sessionAlive(
  session: { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null },
  lifetime: SessionLifetime,
  now: Date,
): boolean {
  if (session.revokedAt) return false;
  if (now.getTime() - session.lastSeenAt.getTime() > lifetime.idleSeconds * 1000) return false;
  return now.getTime() - session.createdAt.getTime() <= lifetime.absoluteSeconds * 1000;
}

export const MIN_PASSWORD_LENGTH = 12;

const STATE_ORGANISATIONS = new Set<OrganisationKind>([
  OrganisationKind.Prefecture,
  OrganisationKind.StateForce,
  OrganisationKind.NationalLevel,
]);

/** State sign-in (the State's agent identity) is for people of State organisations only. */
export function mayUseStateSignIn(kind: OrganisationKind): boolean {
  return STATE_ORGANISATIONS.has(kind);
}
