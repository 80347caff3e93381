import type { OpenEscalation } from '../../clients/statistics.client';
import { ageWords, escalationRow, pageCursorOf } from './escalations.model';

const NOW = new Date('2026-12-04T22:00:00Z');

const escalation: OpenEscalation = {
  alertId: '0f8e3a52-6d1e-4a7b-8c2f-5e9d0a1b2c3d',
  originalAlertId: '0f8e3a52-6d1e-4a7b-8c2f-5e9d0a1b2c3d',
  prefectureId: '5f0c7a4e-2b1d-4e8a-9c3f-7d6e5b4a3c21',
  department: '69',
  commune: '69123',
  communeName: 'Lyon',
  eventCode: 'intrusion',
  severity: 'Severe',
  tlp: 'RED',
  armedAt: '2026-12-04T19:55:00Z',
  step: 'prefecture',
  deadline: '2026-12-04T20:10:00Z',
  headline: null,
  contentRestricted: true,
};

describe('the escalations board', () => {
  it('says how long an escalation has waited', () => {
    expect(ageWords('2026-12-04T21:59:15Z', NOW)).toBe('depuis 45 s');
    expect(ageWords('2026-12-04T21:48:00Z', NOW)).toBe('depuis 12 min');
    expect(ageWords('2026-12-04T19:55:00Z', NOW)).toBe('depuis 2 h 05 min');
    expect(ageWords('2026-12-01T18:00:00Z', NOW)).toBe('depuis 3 j 4 h');
    expect(ageWords('2026-12-02T22:00:00Z', NOW)).toBe('depuis 2 j');
    // A clock slightly behind the database's is not a negative wait.
    expect(ageWords('2026-12-04T22:00:02Z', NOW)).toBe('depuis 0 s');
  });

  it('shows a restricted alert by its metadata only, and the next step with its deadline', () => {
    const row = escalationRow(escalation, NOW);
    expect(row).toMatchObject({
      departmentLabel: 'Rhône (69)',
      commune: 'Lyon',
      event: 'Intrusion',
      severity: 'Grave',
      tlp: 'TLP:RED',
      age: 'depuis 2 h 05 min',
      step: 'Préfecture alertée',
      headline: null,
      restricted: 'Contenu restreint (TLP:RED)',
    });
    expect(row.next).toMatch(/^Référent suppléant alerté le 04\/12\/2026/);
  });

  it('gives the headline to a reader, and names the deputy step', () => {
    const row = escalationRow(
      {
        ...escalation,
        tlp: 'AMBER',
        headline: 'Intrusion grave',
        contentRestricted: false,
        step: 'deputy',
        deadline: null,
      },
      NOW,
    );
    expect(row).toMatchObject({
      headline: 'Intrusion grave',
      step: 'Référent suppléant alerté',
      next: 'Niveau national alerté',
    });
  });

  it('takes only a cursor-shaped page parameter', () => {
    expect(pageCursorOf(undefined)).toBeUndefined();
    expect(pageCursorOf('MjAyNi0xMi0wNFQ')).toBe('MjAyNi0xMi0wNFQ');
    expect(pageCursorOf('')).toBeNull();
    expect(pageCursorOf('../etc')).toBeNull();
    expect(pageCursorOf(['a', 'b'])).toBeNull();
  });
});
