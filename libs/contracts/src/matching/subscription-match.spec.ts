import { AlertEventCode as E, AlertSeverity as S, AlertStatus, Sector } from '../index';
import { matchesSubscription, severityAtLeast, type AlertFacts, type SubscriptionCriteria } from './subscription-match';

const everything: SubscriptionCriteria = {
  departments: ['69'],
  eventCodes: [],
  minimumSeverity: S.Unknown,
  sectors: [],
  includeExercises: false,
};

const robberyInLyon: AlertFacts = {
  department: '69',
  event: E.ArmedRobbery,
  severity: S.Severe,
  sector: Sector.Jewellery,
  status: AlertStatus.Actual,
};

describe('matchesSubscription', () => {
  it.each<[string, Partial<SubscriptionCriteria>, Partial<AlertFacts>, boolean]>([
    ['empty lists mean every event and sector', {}, {}, true],
    ['another département', {}, { department: '01' }, false],
    ['one of several départements', { departments: ['01', '69'] }, {}, true],
    ['a listed event code', { eventCodes: [E.Intrusion, E.ArmedRobbery] }, {}, true],
    ['an event code not listed', { eventCodes: [E.Intrusion] }, {}, false],
    ['severity above the minimum', { minimumSeverity: S.Moderate }, {}, true],
    ['severity equal to the minimum', { minimumSeverity: S.Severe }, {}, true],
    ['severity below the minimum', { minimumSeverity: S.Extreme }, {}, false],
    ['Unknown severity with minimum Unknown', {}, { severity: S.Unknown }, true],
    ['Unknown severity counts as the lowest', { minimumSeverity: S.Minor }, { severity: S.Unknown }, false],
    ['a listed sector', { sectors: [Sector.Jewellery, Sector.Tobacco] }, {}, true],
    ['a sector not listed', { sectors: [Sector.LargeRetail] }, {}, false],
    ['no sector, no sector filter', {}, { sector: null }, true],
    ['no sector against a sector filter', { sectors: [Sector.Jewellery] }, { sector: null }, false],
    ['an exercise, not included', {}, { status: AlertStatus.Exercise }, false],
    ['an exercise, included', { includeExercises: true }, { status: AlertStatus.Exercise }, true],
    ['a test message, even with exercises', { includeExercises: true }, { status: AlertStatus.Test }, false],
    ['a system message', { includeExercises: true }, { status: AlertStatus.System }, false],
    ['a draft', {}, { status: AlertStatus.Draft }, false],
    [
      'every criterion at once',
      { eventCodes: [E.ArmedRobbery], minimumSeverity: S.Severe, sectors: [Sector.Jewellery] },
      {},
      true,
    ],
  ])('%s → %s', (_, subscription, alert, expected) => {
    expect(matchesSubscription({ ...everything, ...subscription }, { ...robberyInLyon, ...alert })).toBe(expected);
  });
});

describe('severityAtLeast', () => {
  const ordered = [S.Unknown, S.Minor, S.Moderate, S.Severe, S.Extreme];
  it.each(ordered.flatMap((severity, i) => ordered.map((minimum, j) => [severity, minimum, i >= j] as const)))(
    '%s reaches %s: %s',
    (severity, minimum, expected) => {
      expect(severityAtLeast(severity, minimum)).toBe(expected);
    },
  );
});
