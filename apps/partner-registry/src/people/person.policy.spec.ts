import { ApiKeyRole, OrganisationKind, PersonRole } from '@vigie/contracts';
import { afterFailure, apiRolesOf, mayUseStateSignIn, sessionAlive } from './person.policy';

describe('person policy', () => {
  it.each([
    [
      [PersonRole.DutyOfficer],
      OrganisationKind.Prefecture,
      [ApiKeyRole.Operator, ApiKeyRole.Publisher, ApiKeyRole.Subscriber],
    ],
    [[PersonRole.DutyOfficer], OrganisationKind.SecurityFirm, [ApiKeyRole.Publisher, ApiKeyRole.Subscriber]],
    [[PersonRole.OrganisationAdmin], OrganisationKind.SecurityFirm, [ApiKeyRole.Operator]],
    [[PersonRole.NationalAnalyst], OrganisationKind.NationalLevel, [ApiKeyRole.Subscriber]],
    [[], OrganisationKind.Prefecture, []],
  ])('maps %p in a %s to %p, never admin', (roles, kind, expected) => {
    expect(apiRolesOf(roles, kind)).toEqual(expected);
  });

  it.each([
    [OrganisationKind.Prefecture, true],
    [OrganisationKind.StateForce, true],
    [OrganisationKind.NationalLevel, true],
    [OrganisationKind.SecurityFirm, false],
    [OrganisationKind.Jeweller, false],
    [OrganisationKind.ShoppingSiteOperator, false],
    [OrganisationKind.ProfessionalBody, false],
  ])('State sign-in for a person of a %s: %p', (kind, allowed) => {
    expect(mayUseStateSignIn(kind)).toBe(allowed);
  });

  it('locks the account at the last allowed failure, for the configured time', () => {
    const now = new Date('2026-12-04T03:00:00Z');
    const settings = { attempts: 3, lockSeconds: 900 };
    expect(afterFailure(0, settings, now)).toEqual({ failures: 1, lockedUntil: null });
    expect(afterFailure(1, settings, now)).toEqual({ failures: 2, lockedUntil: null });
    expect(afterFailure(2, settings, now)).toEqual({ failures: 0, lockedUntil: new Date('2026-12-04T03:15:00Z') });
  });

  it('ends a session when idle too long, past its absolute limit, or revoked', () => {
    const lifetime = { idleSeconds: 60, absoluteSeconds: 3600 };
    const start = new Date('2026-12-04T00:00:00Z');
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    const session = { createdAt: start, lastSeenAt: start, revokedAt: null };
    expect(sessionAlive(session, lifetime, at(59))).toBe(true);
    expect(sessionAlive(session, lifetime, at(61))).toBe(false);
    expect(sessionAlive({ ...session, lastSeenAt: at(3590) }, lifetime, at(3599))).toBe(true);
    expect(sessionAlive({ ...session, lastSeenAt: at(3600) }, lifetime, at(3601))).toBe(false);
    expect(sessionAlive({ ...session, revokedAt: at(1) }, lifetime, at(2))).toBe(false);
  });
});
