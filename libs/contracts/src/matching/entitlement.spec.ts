import { OrganisationKind, Sector } from '../index';
import { isEntitledIn } from './entitlement';

const member = (departments: string[]) => [{ conventionId: 'c', sector: Sector.PrivateSecurity, departments }];

describe('isEntitledIn', () => {
  it.each([
    [
      'a member of a convention deployed there',
      OrganisationKind.SecurityFirm,
      ['69'],
      member(['69', '01']),
      '69',
      true,
    ],
    ['a member of a convention deployed elsewhere', OrganisationKind.SecurityFirm, ['69'], member(['01']), '69', false],
    ['a partner of no convention, even where it operates', OrganisationKind.Jeweller, ['69'], [], '69', false],
    ['a prefecture where it is competent', OrganisationKind.Prefecture, ['75', '92'], [], '92', true],
    ['a prefecture elsewhere', OrganisationKind.Prefecture, ['69'], [], '01', false],
    ['the national level anywhere', OrganisationKind.NationalLevel, [], [], '976', true],
  ])('%s: %s', (_, kind, departments, conventions, department, expected) => {
    expect(isEntitledIn({ kind, departments, conventions }, department)).toBe(expected);
  });
});
