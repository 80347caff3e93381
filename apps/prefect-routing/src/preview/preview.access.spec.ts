import type { Caller } from '@vigie/access';
import { ApiKeyRole, OrganisationKind as K } from '@vigie/contracts';
import { benchCovers, benchScope } from './preview.access';

const caller = (changes: Partial<Caller>): Caller => ({
  organisationId: 'org',
  kind: K.SecurityFirm,
  departments: ['69'],
  roles: [ApiKeyRole.Operator, ApiKeyRole.Publisher],
  isAdmin: false,
  keyId: 'key',
  ...changes,
});

describe('who may try alerts as another organisation (rules test bench)', () => {
  it.each<[string, Caller, string[] | null | undefined]>([
    ['an administrator key', caller({ organisationId: null, kind: null, isAdmin: true, roles: [] }), null],
    ['a national-level operator', caller({ kind: K.NationalLevel, departments: [] }), null],
    ['a national-level subscriber', caller({ kind: K.NationalLevel, roles: [ApiKeyRole.Subscriber] }), undefined],
    ['a prefecture operator', caller({ kind: K.Prefecture, departments: ['69'] }), ['69']],
    ['a prefecture subscriber', caller({ kind: K.Prefecture, roles: [ApiKeyRole.Subscriber] }), undefined],
    ['a State force operator', caller({ kind: K.StateForce }), undefined],
    ['a security firm operator', caller({}), undefined],
  ])('%s', (_, who, scope) => {
    expect(benchScope(who)).toEqual(scope);
  });

  it('covers the départements of its scope only', () => {
    expect(benchCovers(null, '2A')).toBe(true);
    expect(benchCovers(['69'], '69')).toBe(true);
    expect(benchCovers(['69'], '01')).toBe(false);
    expect(benchCovers([], '69')).toBe(false);
  });
});
