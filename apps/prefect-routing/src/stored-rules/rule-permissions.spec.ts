import type { Caller } from '@vigie/access';
import { ApiKeyRole, OrganisationKind } from '@vigie/contracts';
import { mayReadRules, ruleDeleteRefusal, ruleWriteRefusal } from './rule-permissions';

const caller = (kind: OrganisationKind | null, departments: string[] = [], isAdmin = false): Caller => ({
  organisationId: kind ? `org-${kind}-${departments.join('-')}` : null,
  kind,
  departments,
  roles: [isAdmin ? ApiKeyRole.Admin : ApiKeyRole.Operator],
  isAdmin,
  keyId: 'key',
});
const admin = caller(null, [], true);
const pp = caller(OrganisationKind.Prefecture, ['75', '92', '93', '94']);
const rhone = caller(OrganisationKind.Prefecture, ['69']);
const firm = caller(OrganisationKind.SecurityFirm, ['69']);
const gendarmerie = caller(OrganisationKind.StateForce, ['69']);
const own = { builtin: false, ownerOrganisationId: rhone.organisationId };

describe('reading rules', () => {
  it.each<[string, Caller, boolean]>([
    ['an administrator', admin, true],
    ['a prefecture', rhone, true],
    ['a State force', gendarmerie, true],
    ['a partner', firm, false],
  ])('%s → %s', (_, who, may) => expect(mayReadRules(who)).toBe(may));
});

describe('writing rules', () => {
  it.each<
    [string, Caller, Parameters<typeof ruleWriteRefusal>[1], Parameters<typeof ruleWriteRefusal>[2], string | null]
  >([
    ['an administrator, anything', admin, [], { builtin: true, ownerOrganisationId: null }, null],
    ['a prefecture, within its département', rhone, [{ departments: ['69'] }], undefined, null],
    [
      'the Préfecture de police, the inner ring',
      pp,
      [{ departments: ['92', '93'] }, { departments: ['75'] }],
      undefined,
      null,
    ],
    ['a prefecture, its own rule', rhone, [{ departments: ['69'] }], own, null],
    [
      'a prefecture, beyond its competence',
      rhone,
      [{ departments: ['69', '38'] }],
      undefined,
      "outside the prefecture's competence: département 38",
    ],
    [
      'the Préfecture de police, outside the inner ring',
      pp,
      [{ departments: ['91'] }],
      undefined,
      "outside the prefecture's competence: département 91",
    ],
    [
      'a prefecture, a rule for everywhere',
      rhone,
      [],
      undefined,
      "a prefecture's rule must be limited to its départements: give it at least one condition with departments",
    ],
    [
      'a prefecture, one condition without départements',
      rhone,
      [{ departments: ['69'] }, { eventCodes: [] }],
      undefined,
      "every condition of a prefecture's rule must list départements",
    ],
    [
      'a prefecture, a default rule',
      rhone,
      [{ departments: ['69'] }],
      { builtin: true, ownerOrganisationId: null },
      'a default rule: only an administrator changes it',
    ],
    [
      "a prefecture, another's rule",
      rhone,
      [{ departments: ['69'] }],
      { builtin: false, ownerOrganisationId: 'other' },
      'the rule belongs to another organisation',
    ],
    [
      'a State force',
      gendarmerie,
      [{ departments: ['69'] }],
      undefined,
      'only administrators and prefectures write routing rules',
    ],
    [
      'a partner',
      firm,
      [{ departments: ['69'] }],
      undefined,
      'only administrators and prefectures write routing rules',
    ],
  ])('%s', (_, who, conditions, existing, refusal) => {
    expect(ruleWriteRefusal(who, conditions, existing)).toBe(refusal);
  });

  it.each<[string, Caller, Parameters<typeof ruleDeleteRefusal>[1], string | null]>([
    ['an administrator, a default rule', admin, { builtin: true, ownerOrganisationId: null }, null],
    ['a prefecture, its own rule', rhone, own, null],
    [
      'a prefecture, a default rule',
      rhone,
      { builtin: true, ownerOrganisationId: null },
      'a default rule: only an administrator changes it',
    ],
    ['another prefecture', pp, own, 'the rule belongs to another organisation'],
    ['a partner', firm, own, 'only administrators and prefectures write routing rules'],
  ])('deleting: %s', (_, who, existing, refusal) => {
    expect(ruleDeleteRefusal(who, existing)).toBe(refusal);
  });
});
