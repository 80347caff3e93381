import { OrganisationKind } from '../vocabulary/organisation';
import { countedDepartments, statisticsScope, statisticsWindow } from './statistics-scope';

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

describe('statisticsWindow', () => {
  const now = new Date('2026-12-04T12:00:00Z');

  it('defaults to the 30 days before now, or before the end asked for', () => {
    expect(statisticsWindow({}, now)).toEqual({ from: new Date('2026-11-04T12:00:00Z'), to: now });
    expect(statisticsWindow({ to: '2026-02-01T00:00:00Z' }, now)).toEqual({
      from: new Date('2026-01-02T00:00:00Z'),
      to: new Date('2026-02-01T00:00:00Z'),
    });
  });

  it('refuses an empty or inverted window and one longer than 366 days, and keeps one of 366', () => {
    expect(statisticsWindow({ from: '2026-12-04T12:00:00Z' }, now)).toEqual({ problem: 'from must be before to' });
    expect(statisticsWindow({ from: '2025-12-01T00:00:00Z', to: '2026-12-04T00:00:00Z' }, now)).toEqual({
      problem: 'the window is at most 366 days',
    });
    expect(statisticsWindow({ from: '2025-12-03T00:00:00Z', to: '2026-12-04T00:00:00Z' }, now)).toEqual({
      from: new Date('2025-12-03T00:00:00Z'),
      to: new Date('2026-12-04T00:00:00Z'),
    });
  });
});
