import { OrganisationStatus as S } from '@vigie/contracts';
import { canTransition } from './organisation.lifecycle';

describe('organisation life cycle', () => {
  it.each([
    [S.Pending, S.Active, true],
    [S.Pending, S.Suspended, false],
    [S.Active, S.Suspended, true],
    [S.Active, S.Active, false],
    [S.Suspended, S.Active, true],
    [S.Suspended, S.Revoked, true],
    [S.Revoked, S.Active, false],
    [S.Revoked, S.Pending, false],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });
});
