import type { Caller } from '@vigie/access';
import { ApiKeyRole, OrganisationKind } from '@vigie/contracts';
import { caller as partnerCaller } from './caller.fixture';
import { actorOf, actsFor, canManage, canRead, isCompetentFor } from './registry.access';

/** An operator's key unless a case says otherwise: a prefecture manages its partners with it. */
const caller = (changes: Partial<Caller>): Caller =>
  partnerCaller({ organisationId: 'org-caller', roles: [ApiKeyRole.Operator], keyId: 'key-1', ...changes });
const admin = caller({ organisationId: null, kind: null, departments: [], roles: [ApiKeyRole.Admin], isAdmin: true });
const rhone = caller({ organisationId: 'pref-69', kind: OrganisationKind.Prefecture, departments: ['69'] });
const policeParis = caller({
  organisationId: 'pp',
  kind: OrganisationKind.Prefecture,
  departments: ['75', '92', '93', '94'],
});
const firm = { id: 'firm', kind: OrganisationKind.SecurityFirm, departments: ['69'] };
const firmInTwo = { id: 'firm2', kind: OrganisationKind.SecurityFirm, departments: ['69', '01'] };
const firmInRing = { id: 'firm3', kind: OrganisationKind.Jeweller, departments: ['92', '93'] };

describe('registry access policy', () => {
  it.each([
    ['an administrator', admin, firm, true],
    ['the competent prefecture', rhone, firm, true],
    ['a prefecture for a partner also elsewhere', rhone, firmInTwo, false],
    ['another prefecture', rhone, firmInRing, false],
    ['the Préfecture de police in the inner ring', policeParis, firmInRing, true],
    ['a prefecture key without the operator role', { ...rhone, roles: [ApiKeyRole.Subscriber] }, firm, false],
    ['a prefecture for a State organisation', rhone, { ...firm, kind: OrganisationKind.StateForce }, false],
    ['a partner for itself', caller({ organisationId: 'firm' }), firm, false],
    ['a partner for another', caller({}), firm, false],
  ])('%s may manage: %s', (_, who, target, expected) => {
    expect(canManage(who, target)).toBe(expected);
  });

  it('lets an organisation read itself, and its managers read it', () => {
    expect(canRead(caller({ organisationId: 'firm', roles: [ApiKeyRole.Publisher] }), firm)).toBe(true);
    expect(canRead(rhone, firm)).toBe(true);
    expect(canRead(caller({ organisationId: 'other' }), firm)).toBe(false);
  });

  it('lets only an operator of the organisation, or an administrator, act for it', () => {
    expect(actsFor(caller({ organisationId: 'firm' }), 'firm')).toBe(true);
    expect(actsFor(caller({ organisationId: 'firm', roles: [ApiKeyRole.Publisher] }), 'firm')).toBe(false);
    expect(actsFor(rhone, 'firm')).toBe(false);
    expect(actsFor(admin, 'firm')).toBe(true);
  });

  it('knows who is competent for a département', () => {
    expect(isCompetentFor(policeParis, '93')).toBe(true);
    expect(isCompetentFor(rhone, '93')).toBe(false);
    expect(isCompetentFor(caller({ departments: ['93'] }), '93')).toBe(false);
    expect(isCompetentFor(admin, '2A')).toBe(true);
  });

  it('names the actor for the audit trail', () => {
    expect(actorOf(admin)).toBe('admin');
    expect(actorOf(rhone)).toBe('organisation:pref-69/key:key-1');
  });
});
