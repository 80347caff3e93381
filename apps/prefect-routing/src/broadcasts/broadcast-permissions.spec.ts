import type { Caller } from '@vigie/access';
import { ApiKeyRole, OrganisationKind } from '@vigie/contracts';
import { broadcastReach } from './broadcast-permissions';

const caller = (kind: OrganisationKind | null, departments: string[] = []): Caller => ({
  organisationId: kind ? `org-${kind}` : null,
  kind,
  departments,
  roles: [ApiKeyRole.Operator],
  isAdmin: kind === null,
  keyId: 'key',
});
const EVERY = ['13', '2A', '2B', '69', '75', '92', '93', '94', '971'];

describe('broadcastReach', () => {
  it.each<[string, Caller, string[] | undefined, ReturnType<typeof broadcastReach>]>([
    [
      'a prefecture, by default its département',
      caller(OrganisationKind.Prefecture, ['13']),
      undefined,
      { departments: ['13'] },
    ],
    ['a prefecture, its département', caller(OrganisationKind.Prefecture, ['13']), ['13'], { departments: ['13'] }],
    [
      'a prefecture, another département',
      caller(OrganisationKind.Prefecture, ['13']),
      ['13', '69'],
      { refused: "outside the sender's competence: département 69" },
    ],
    [
      'the Préfecture de police, by default Paris and the inner ring',
      caller(OrganisationKind.Prefecture, ['75', '92', '93', '94']),
      [],
      { departments: ['75', '92', '93', '94'] },
    ],
    [
      'the Préfecture de police, Corsica',
      caller(OrganisationKind.Prefecture, ['75', '92', '93', '94']),
      ['2A'],
      { refused: "outside the sender's competence: département 2A" },
    ],
    [
      'the national level, by default everywhere',
      caller(OrganisationKind.NationalLevel),
      undefined,
      { departments: EVERY },
    ],
    ['the national level, overseas', caller(OrganisationKind.NationalLevel), ['971', '971'], { departments: ['971'] }],
    [
      'a prefecture competent nowhere',
      caller(OrganisationKind.Prefecture, []),
      undefined,
      { refused: 'no département to broadcast to' },
    ],
    [
      'a security firm',
      caller(OrganisationKind.SecurityFirm, ['13']),
      ['13'],
      { refused: 'only prefectures and the national level send broadcasts' },
    ],
    [
      'a State force',
      caller(OrganisationKind.StateForce, ['13']),
      undefined,
      { refused: 'only prefectures and the national level send broadcasts' },
    ],
    [
      'an administrator',
      caller(null),
      undefined,
      { refused: 'only prefectures and the national level send broadcasts' },
    ],
  ])('%s', (_, who, requested, expected) => {
    expect(broadcastReach(who, requested, EVERY)).toEqual(expected);
  });
});
