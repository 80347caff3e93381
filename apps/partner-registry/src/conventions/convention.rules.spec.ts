import type { Caller } from '@vigie/access';
import { OrganisationKind as K, Sector } from '@vigie/contracts';
import { caller } from '../access/caller.fixture';
import { canSeeMember, joinProblems, memberViewerOf, type Candidate, type MemberViewer } from './convention.rules';

const privateSecurity = { sector: Sector.PrivateSecurity, departments: ['01', '69', '75'] };

const organisation = (kind: K, sector: Sector | null, departments = ['69']): Candidate => ({
  kind,
  sector,
  departments,
});

describe('who may join a convention', () => {
  it.each<[string, Candidate, string[]]>([
    ['a security firm', organisation(K.SecurityFirm, Sector.PrivateSecurity), []],
    ['a professional body of the sector', organisation(K.ProfessionalBody, Sector.PrivateSecurity), []],
    [
      'a jeweller',
      organisation(K.Jeweller, Sector.Jewellery),
      ['the organisation belongs to JEWELLERY, the convention to PRIVATE_SECURITY'],
    ],
    [
      'a professional body of another sector',
      organisation(K.ProfessionalBody, Sector.LargeRetail),
      ['the organisation belongs to LARGE_RETAIL, the convention to PRIVATE_SECURITY'],
    ],
    ['a prefecture', organisation(K.Prefecture, null), ['State organisations do not join conventions']],
    ['a State force', organisation(K.StateForce, null), ['State organisations do not join conventions']],
    ['the national level', organisation(K.NationalLevel, null), ['State organisations do not join conventions']],
    [
      'a firm outside the convention’s départements',
      organisation(K.SecurityFirm, Sector.PrivateSecurity, ['2A']),
      ['the convention is deployed in none of the organisation’s départements'],
    ],
    ['a firm partly inside them', organisation(K.SecurityFirm, Sector.PrivateSecurity, ['2A', '75']), []],
  ])('%s', (_, candidate, problems) => {
    const found = joinProblems(candidate, privateSecurity);
    expect(found.flatMap((error) => error.problems)).toEqual(problems);
    expect(found.every((error) => error.field === 'organisationId')).toBe(true);
  });
});

describe('who sees the member list', () => {
  it.each<[string, Caller, boolean, MemberViewer['sees'] | null]>([
    ['an administrator', caller({ organisationId: null, kind: null, isAdmin: true, departments: [] }), false, 'all'],
    ['a prefecture', caller({ organisationId: 'pref-69', kind: K.Prefecture }), false, 'departments'],
    ['a State force', caller({ organisationId: 'gn', kind: K.StateForce }), false, 'departments'],
    ['a member', caller({}), true, 'fellows'],
    ['a partner that is not a member', caller({}), false, null],
  ])('%s', (_, who, isMember, sees) => {
    expect(memberViewerOf(who, isMember)?.sees ?? null).toBe(sees);
  });
});

describe('which members a viewer sees', () => {
  const firmIn69 = { organisationId: 'firm-69', departments: ['69'] };
  const firmIn01And69 = { organisationId: 'firm-01-69', departments: ['01', '69'] };
  const firmIn75 = { organisationId: 'firm-75', departments: ['75'] };
  const rhone: MemberViewer = { sees: 'departments', departments: ['69'] };
  const policeParis: MemberViewer = { sees: 'departments', departments: ['75', '92', '93', '94'] };
  const hautsDeSeine: MemberViewer = { sees: 'departments', departments: [] };
  const memberIn01: MemberViewer = { sees: 'fellows', organisationId: 'firm-01', departments: ['01'] };
  const memberIn2A: MemberViewer = { sees: 'fellows', organisationId: 'firm-2a', departments: ['2A'] };

  it.each<[string, MemberViewer, { organisationId: string; departments: string[] }, boolean]>([
    ['an administrator, anyone', { sees: 'all' }, firmIn75, true],
    ['the Rhône prefecture, a member in 69', rhone, firmIn69, true],
    ['the Rhône prefecture, a member also in 01', rhone, firmIn01And69, true],
    ['the Rhône prefecture, a member in 75', rhone, firmIn75, false],
    ['the Préfecture de police, a member in 75', policeParis, firmIn75, true],
    ['a prefecture competent nowhere', hautsDeSeine, firmIn75, false],
    ['a member in 01, a member in 01 and 69', memberIn01, firmIn01And69, true],
    ['a member in 01, a member in 69 only', memberIn01, firmIn69, false],
    ['a member in 2A, itself', memberIn2A, { organisationId: 'firm-2a', departments: ['2A'] }, true],
  ])('%s: %s', (_, viewer, member, visible) => {
    expect(canSeeMember(viewer, member)).toBe(visible);
  });
});
