import type { Caller } from '@vigie/access';
import { ApiKeyRole, OrganisationKind as K } from '@vigie/contracts';
import { caller } from '../access/caller.fixture';
import { directoryConventions } from './directory.rules';

const admin = caller({ organisationId: null, kind: null, departments: [], isAdmin: true, roles: [ApiKeyRole.Admin] });
const rhone = caller({ organisationId: 'pref-69', kind: K.Prefecture });
const ain = caller({ organisationId: 'pref-01', kind: K.Prefecture, departments: ['01'] });
const policeParis = caller({ organisationId: 'pp', kind: K.Prefecture, departments: ['75', '92', '93', '94'] });
const hautsDeSeine = caller({ organisationId: 'pref-92', kind: K.Prefecture, departments: [] });
const gendarmerie = caller({ organisationId: 'gn', kind: K.StateForce });

describe('who reads a département directory, and whose referents', () => {
  const deployed = ['security', 'retail'];

  it.each<[string, Caller, string, string[], string[] | null]>([
    ['an administrator', admin, '69', [], deployed],
    ['the competent prefecture', rhone, '69', [], deployed],
    ['another prefecture', ain, '69', [], null],
    ['the Préfecture de police, for the inner ring', policeParis, '92', [], deployed],
    ['the prefecture of a département of the inner ring', hautsDeSeine, '92', [], null],
    ['a State force', gendarmerie, '69', [], null],
    ['a member of the security convention', caller({}), '69', ['security'], ['security']],
    ['a member of both', caller({}), '69', ['retail', 'security'], deployed],
    ['a member of the retail convention', caller({ organisationId: 'mall' }), '69', ['retail'], ['retail']],
    ['a partner that is no member', caller({}), '69', [], null],
    ['a member of a convention deployed elsewhere only', caller({}), '69', ['jewellery'], null],
    ['a member that does not operate there', caller({ departments: ['01'] }), '69', ['security'], null],
  ])('%s', (_, who, department, memberships, expected) => {
    expect(
      directoryConventions(who, { department, deployedConventions: deployed, callerConventions: memberships }),
    ).toEqual(expected);
  });
});
