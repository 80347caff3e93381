import { OrganisationKind } from '../vocabulary/organisation';
import { countedDepartments, statisticsScope } from './statistics-scope';

describe('statisticsScope', () => {
  it('gives the national level and administrators every département', () => {
    expect(statisticsScope({ isAdmin: false, kind: OrganisationKind.NationalLevel, departments: ['75'] })).toBeNull();
    expect(statisticsScope({ isAdmin: true, kind: null, departments: [] })).toBeNull();
  });

  it('gives a prefecture its own départements and a firm none', () => {
    expect(statisticsScope({ isAdmin: false, kind: OrganisationKind.Prefecture, departments: ['69'] })).toEqual(['69']);
    expect(
      statisticsScope({ isAdmin: false, kind: OrganisationKind.SecurityFirm, departments: ['69'] }),
    ).toBeUndefined();
  });

  it('narrows to the asked département only inside the scope', () => {
    expect(countedDepartments(null, '2A')).toEqual(['2A']);
    expect(countedDepartments(['69'], '69')).toEqual(['69']);
    expect(countedDepartments(['69'], '13')).toEqual([]);
    expect(countedDepartments(['69'], undefined)).toEqual(['69']);
  });
});
