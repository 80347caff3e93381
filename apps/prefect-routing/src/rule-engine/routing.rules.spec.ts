import {
  AlertCertainty,
  AlertEventCode,
  AlertSeverity,
  AlertStatus,
  AlertUrgency,
  OrganisationStatus,
  Sector,
  Tlp,
  type BroadcastAudience,
} from '@vigie/contracts';
import {
  alert,
  DIRECTORY,
  ORGS,
  SECURITY_CONVENTION,
  subscription,
  type AlertShape,
} from '../../../../test/fixtures/routing/rules.fixtures';
import { BROADCAST_RULES, DEFAULT_RULES } from './default-rules';
import type { DirectoryEntry } from './directory-entry';
import { conditionHolds, type RoutingRule, type RuleCondition, type RuleFacts } from './routing-rule';
import { decide, type RoutingDecisionResult, type RoutingOptions } from './routing.rules';

const ids = (result: RoutingDecisionResult) => result.recipients.map((r) => r.organisationId).sort();
const exclusionOf = (result: RoutingDecisionResult, id: string) => result.excluded.find((e) => e.organisationId === id);
const replace = (entry: DirectoryEntry): DirectoryEntry[] => DIRECTORY.map((e) => (e.id === entry.id ? entry : e));
const run = (shape: AlertShape, options: RoutingOptions = {}, directory = DIRECTORY) =>
  decide(alert(shape), directory, options);

/** A prefecture of the Rhône that asked for exercises and tests. */
const drillingRhone = { ...ORGS.p69, subscriptions: [subscription({ id: 'sub-p69', includeExercises: true })] };

describe('decide — competent prefecture', () => {
  it.each([
    ['2A', 'Ajaccio', ORGS.p2A],
    ['2B', 'Bastia', ORGS.p2B],
    ['971', 'Pointe-à-Pitre', ORGS.p971],
    ['976', 'Mamoudzou', ORGS.p976],
    ['75', 'Paris', ORGS.pp],
    ['92', 'Nanterre', ORGS.pp],
    ['93', 'Saint-Denis', ORGS.pp],
    ['94', 'Créteil', ORGS.pp],
    ['69', 'Lyon', ORGS.p69],
  ])('an alert in %s (%s) goes to %s', (department, communeName, expected) => {
    const result = run({ department, communeName, severity: AlertSeverity.Minor });
    const prefectures = result.recipients.filter((r) => r.rules.includes('competent-prefecture'));
    expect(prefectures).toEqual([
      {
        organisationId: expected.id,
        rules: ['competent-prefecture'],
        reasons: [
          `${expected.name} is competent for département ${department} (${communeName}); TLP:GREEN — State recipient`,
        ],
      },
    ]);
  });

  it.each([
    ['92', ORGS.p92],
    ['93', ORGS.p93],
    ['94', ORGS.p94],
  ])('an alert in %s does not go to the prefecture of that département (%s)', (department, local) => {
    const result = run({ department });
    expect(ids(result)).not.toContain(local.id);
    expect(exclusionOf(result, local.id)).toBeUndefined();
  });

  it('warns when no prefecture is competent', () => {
    expect(run({ department: '38' }).warnings).toContain('no prefecture receives this alert (département 38)');
  });

  it('leaves out a suspended prefecture, says why, and warns', () => {
    const result = run({}, {}, replace({ ...ORGS.p69, status: OrganisationStatus.Suspended }));
    expect(ids(result)).not.toContain('p69');
    expect(exclusionOf(result, 'p69')).toEqual({
      organisationId: 'p69',
      rule: 'competent-prefecture',
      reason: 'organisation is SUSPENDED, only active organisations receive',
    });
    expect(result.warnings).toContain('no prefecture receives this alert (département 69)');
  });
});

describe('decide — national escalation', () => {
  it.each([
    [AlertSeverity.Extreme, AlertEventCode.Intrusion, true, 'severity Extreme reaches Severe'],
    [AlertSeverity.Severe, AlertEventCode.Theft, true, 'severity Severe reaches Severe'],
    [AlertSeverity.Moderate, AlertEventCode.Intrusion, false, ''],
    [AlertSeverity.Minor, AlertEventCode.TerroristThreat, true, 'event terrorist-threat'],
    [AlertSeverity.Unknown, AlertEventCode.Other, false, ''],
  ])('%s %s → national level %s', (severity, eventCode, escalated, why) => {
    const national = run({ severity, eventCode }).recipients.find((r) => r.organisationId === ORGS.national.id);
    if (!escalated) return expect(national).toBeUndefined();
    expect(national).toEqual({
      organisationId: 'dcs',
      rules: ['national-escalation'],
      reasons: [`${ORGS.national.name} selected: ${why}; TLP:GREEN — State recipient`],
    });
  });
});

describe('decide — subscribers', () => {
  const result = run({ severity: AlertSeverity.Moderate, eventCode: AlertEventCode.Intrusion });

  it('routes to the prefecture and to every entitled, active, matching subscriber of the community', () => {
    expect(ids(result)).toEqual(['firm-b', 'firm-e', 'gn69', 'p69']);
  });

  it('under TLP:CLEAR, to every entitled, active, matching subscriber', () => {
    expect(ids(run({ tlp: Tlp.Clear }))).toEqual(['firm-b', 'firm-e', 'gn69', 'mall', 'p69']);
  });

  it.each([
    ['firm-a', 'subscribers', 'the sender does not receive its own alert'],
    ['jeweller', 'subscribers', 'not a member of a convention deployed in 69'],
    ['firm-c', 'subscribers', 'subscription minimum severity Severe (alert is Moderate)'],
    ['firm-d', 'subscribers', 'organisation is SUSPENDED, only active organisations receive'],
  ])('excludes %s (%s): %s', (organisationId, rule, reason) => {
    expect(exclusionOf(result, organisationId)).toEqual({ organisationId, rule, reason });
  });

  it('says which subscription matched', () => {
    expect(result.recipients.find((r) => r.organisationId === 'firm-b')?.reasons).toEqual([
      "Bravo Gardiennage subscribed to intrusion in 69 from severity Minor (subscription sub-b); TLP:GREEN — community: the sender's convention deployed in 69",
    ]);
  });

  it('lists every rule that selected a recipient', () => {
    const both = run({}, {}, replace(drillingRhone)).recipients.find((r) => r.organisationId === 'p69');
    expect(both?.rules).toEqual(['competent-prefecture', 'subscribers']);
    expect(both?.reasons).toHaveLength(2);
  });

  it('does not route an event outside the subscription', () => {
    const theft = run({ eventCode: AlertEventCode.Theft });
    expect(exclusionOf(theft, 'firm-b')?.reason).toBe('subscription does not include event theft');
  });
});

describe('decide — status', () => {
  it.each([
    ['Exercise, prefecture not opted in', AlertStatus.Exercise, DIRECTORY, ['firm-e']],
    ['Exercise, prefecture opted in', AlertStatus.Exercise, replace(drillingRhone), ['firm-e', 'p69']],
    ['Test, prefecture not opted in', AlertStatus.Test, DIRECTORY, []],
    ['Test, prefecture opted in', AlertStatus.Test, replace(drillingRhone), ['p69']],
    ['System', AlertStatus.System, replace(drillingRhone), []],
    ['Draft', AlertStatus.Draft, replace(drillingRhone), []],
  ])('%s → %j', (_, status, directory, expected) => {
    expect(ids(run({ status, severity: AlertSeverity.Extreme }, {}, directory))).toEqual(expected);
  });

  it('explains why an Exercise does not reach an organisation that did not opt in', () => {
    const result = run({ status: AlertStatus.Exercise });
    expect(exclusionOf(result, 'p69')?.reason).toBe(
      'Exercise message — Préfecture du Rhône has not opted in to exercises',
    );
    expect(exclusionOf(result, 'firm-b')?.reason).toBe('subscription does not include exercises');
  });

  it('never sends a Test to subscribers, even opted-in ones', () => {
    expect(exclusionOf(run({ status: AlertStatus.Test }), 'firm-e')?.reason).toBe(
      'Test messages never go to subscribers',
    );
  });

  it.each([AlertStatus.System, AlertStatus.Draft])('%s reaches nobody and says so', (status) => {
    expect(run({ status })).toEqual({
      recipients: [],
      excluded: [],
      warnings: [`${status} messages are not routed to anyone`],
    });
  });
});

describe('decide — TLP', () => {
  const severe = { severity: AlertSeverity.Severe, eventCode: AlertEventCode.Intrusion };
  it.each([
    [Tlp.Clear, ['dcs', 'firm-b', 'firm-c', 'firm-e', 'gn69', 'mall', 'p69']],
    [Tlp.Green, ['dcs', 'firm-b', 'firm-c', 'firm-e', 'gn69', 'p69']],
    [Tlp.Amber, ['dcs', 'gn69', 'p69']],
    [Tlp.AmberStrict, ['dcs', 'gn69', 'p69']],
    [Tlp.Red, []],
  ])('TLP:%s → %j', (tlp, expected) => {
    expect(ids(run({ ...severe, tlp }))).toEqual(expected);
  });

  it('TLP:RED reaches only named recipients, who must still be entitled', () => {
    const result = run({ ...severe, tlp: Tlp.Red }, { namedRecipients: ['firm-b', 'p69', 'jeweller'] });
    expect(ids(result)).toEqual(['firm-b', 'p69']);
    expect(exclusionOf(result, 'dcs')?.reason).toBe('TLP:RED — not a named recipient');
    expect(exclusionOf(result, 'jeweller')).toEqual({
      organisationId: 'jeweller',
      rule: 'subscribers',
      reason: 'not a member of a convention deployed in 69',
    });
  });

  it('TLP:GREEN leaves out partners of another convention, saying why', () => {
    expect(exclusionOf(run({ tlp: Tlp.Green }), 'mall')?.reason).toBe(
      "TLP:GREEN — outside the community: not a member of the sender's convention deployed in 69",
    );
  });

  it('TLP:AMBER leaves out subscribers, even of the same convention, saying why', () => {
    expect(exclusionOf(run({ tlp: Tlp.Amber }), 'firm-b')?.reason).toBe(
      'TLP:AMBER — restricted to State recipients and organisations named by a rule',
    );
  });

  it('TLP:AMBER reaches an organisation a rule names (need to know), and the sender’s named recipients', () => {
    const rule: RoutingRule = {
      id: 'mall-needs-to-know',
      description: 'The shopping centre is told of intrusions in 69.',
      when: [{ eventCodes: [AlertEventCode.Intrusion] }],
      select: { type: 'organisations', organisationIds: ['mall'] },
    };
    const result = run({ tlp: Tlp.Amber }, { rules: [rule, ...DEFAULT_RULES], namedRecipients: ['firm-c'] });
    expect(ids(result)).toEqual(['firm-c', 'gn69', 'mall', 'p69']);
    expect(result.recipients.find((r) => r.organisationId === 'mall')?.reasons).toEqual([
      'Centre commercial Part-Dieu selected: event intrusion; TLP:AMBER — named by a rule: need to know',
    ]);
  });

  it('TLP:GREEN from a prefecture reaches the convention members of its département', () => {
    const result = run({ tlp: Tlp.Green, senderId: 'p69' });
    expect(ids(result)).toEqual(['firm-a', 'firm-b', 'firm-e', 'gn69', 'mall']);
    expect(exclusionOf(result, 'p69')?.reason).toBe('the sender does not receive its own alert');
  });

  it('applies the more restrictive of the rule label and the alert label', () => {
    const rule: RoutingRule = {
      id: 'retail-watch',
      description: 'Copy drone overflights in 69 to the shopping centre.',
      when: [{ eventCodes: [AlertEventCode.DroneOverflight] }],
      select: { type: 'organisations', organisationIds: ['mall', 'gn69'] },
      tlp: Tlp.AmberStrict,
    };
    const result = run({ eventCode: AlertEventCode.DroneOverflight }, { rules: [rule] });
    expect(result.recipients).toEqual([
      {
        organisationId: 'gn69',
        rules: ['retail-watch'],
        reasons: [
          'Groupement de gendarmerie du Rhône selected: event drone-overflight; TLP:AMBER+STRICT — State recipient (imposed by rule retail-watch)',
        ],
      },
    ]);
    expect(exclusionOf(result, 'mall')?.reason).toBe(
      'TLP:AMBER+STRICT — restricted to the originating organisation and State recipients (imposed by rule retail-watch)',
    );
  });
});

describe('decide — explanations and warnings', () => {
  it.each([
    ['GREEN', {}],
    ['AMBER in 93', { department: '93', tlp: Tlp.Amber }],
    ['RED', { tlp: Tlp.Red }],
    ['Exercise', { status: AlertStatus.Exercise }],
    ['Extreme in 971', { department: '971', severity: AlertSeverity.Extreme }],
  ] as [string, AlertShape][])('every recipient and exclusion is explained (%s)', (_, shape) => {
    const result = run(shape, { namedRecipients: ['p69'] });
    for (const recipient of result.recipients) {
      expect(recipient.rules.length).toBeGreaterThan(0);
      expect(recipient.reasons).toHaveLength(recipient.rules.length);
      recipient.reasons.forEach((reason) => expect(reason).toMatch(/\S+; TLP:/));
    }
    for (const exclusion of result.excluded) {
      expect(exclusion.rule).not.toBe('');
      expect(exclusion.reason).not.toBe('');
      expect(ids(result)).not.toContain(exclusion.organisationId);
    }
  });

  it.each([
    [
      'TLP:CLEAR with personal data',
      { tlp: Tlp.Clear, personalData: true },
      {},
      'TLP:CLEAR alert flagged as holding personal data',
    ],
    ['too many partners', {}, { maxPartners: 1 }, '2 partners receive this alert, more than 1'],
    ['RED without named recipients', { tlp: Tlp.Red }, {}, 'TLP:RED alert with no named recipient'],
    ['unknown named recipient', {}, { namedRecipients: ['ghost'] }, 'named recipient ghost is not in the directory'],
    ['unknown sender', { senderId: 'ghost' }, {}, 'sender ghost is not in the directory'],
    ['no prefecture', { department: '01' }, {}, 'no prefecture receives this alert (département 01)'],
  ] as [string, AlertShape, RoutingOptions, string][])('warns: %s', (_, shape, options, warning) => {
    expect(run(shape, options).warnings).toContain(warning);
  });

  it('does not warn about a plain alert', () => {
    expect(run({}).warnings).toEqual([]);
  });

  it('counts only non-State recipients as partners', () => {
    const stateAndSender = [ORGS.sender, ORGS.p69, ORGS.gendarmerie, ORGS.national];
    const result = run({ severity: AlertSeverity.Extreme }, { maxPartners: 0 }, stateAndSender);
    expect(ids(result)).toEqual(['dcs', 'gn69', 'p69']);
    expect(result.warnings).toEqual([]);
  });
});

describe('conditions of stored rules', () => {
  const facts: RuleFacts = {
    department: '69',
    event: AlertEventCode.Intrusion,
    severity: AlertSeverity.Moderate,
    urgency: AlertUrgency.Immediate,
    certainty: AlertCertainty.Observed,
    sector: Sector.PrivateSecurity,
    status: AlertStatus.Actual,
    tlp: Tlp.Green,
  };
  it.each<[string, RuleCondition, boolean]>([
    ['no condition', {}, true],
    ['urgency listed', { urgencies: [AlertUrgency.Immediate, AlertUrgency.Expected] }, true],
    ['urgency not listed', { urgencies: [AlertUrgency.Future] }, false],
    ['certainty listed', { certainties: [AlertCertainty.Observed] }, true],
    ['certainty not listed', { certainties: [AlertCertainty.Possible] }, false],
    ["sender's sector listed", { sectors: [Sector.PrivateSecurity] }, true],
    ["sender's sector not listed", { sectors: [Sector.Jewellery] }, false],
    ['TLP listed', { tlps: [Tlp.Green, Tlp.Clear] }, true],
    ['TLP not listed', { tlps: [Tlp.Amber] }, false],
    ['every field holds', { departments: ['69'], eventCodes: [AlertEventCode.Intrusion], tlps: [Tlp.Green] }, true],
    ['one field fails', { departments: ['69'], eventCodes: [AlertEventCode.Theft] }, false],
  ])('%s → %s', (_, condition, holds) => {
    expect(conditionHolds(condition, facts)).toBe(holds);
  });

  it('a State sender has no sector: a sector condition does not hold', () => {
    expect(conditionHolds({ sectors: [Sector.PrivateSecurity] }, { ...facts, sector: null })).toBe(false);
  });
});

describe('decide — broadcast audience', () => {
  const fromPrefecture = (department: string, tlp = Tlp.Green) =>
    alert({ senderId: 'p69', department, tlp, severity: AlertSeverity.Minor });
  const audience = (overrides: Partial<BroadcastAudience> = {}): BroadcastAudience => ({
    departments: ['69'],
    sectors: [],
    conventions: [],
    ...overrides,
  });
  const broadcast = (overrides: Partial<BroadcastAudience> = {}, tlp = Tlp.Green) =>
    decide(fromPrefecture('69', tlp), DIRECTORY, { rules: BROADCAST_RULES, audience: audience(overrides) });

  it('reaches the active partners of the département, never the State', () => {
    const result = broadcast();
    expect(ids(result)).toEqual(['firm-a', 'firm-b', 'firm-c', 'firm-e', 'mall']);
    expect(exclusionOf(result, 'firm-d')?.reason).toBe('organisation is SUSPENDED, only active organisations receive');
    expect(exclusionOf(result, 'jeweller')?.reason).toBe('not a member of a convention deployed in 69');
    expect(result.warnings).toEqual([]);
  });

  it.each<[string, Partial<BroadcastAudience>, string[]]>([
    ['one sector', { sectors: [Sector.LargeRetail] }, ['mall']],
    ['one convention', { conventions: [SECURITY_CONVENTION.conventionId] }, ['firm-a', 'firm-b', 'firm-c', 'firm-e']],
    ['subscribers of an event code', { eventCode: AlertEventCode.Theft }, ['firm-a', 'firm-c', 'firm-e', 'mall']],
  ])('narrowed to %s', (_, overrides, expected) => {
    expect(ids(broadcast(overrides))).toEqual(expected);
  });

  it('says why a partner of another sector was left out', () => {
    expect(exclusionOf(broadcast({ sectors: [Sector.LargeRetail] }), 'firm-b')?.reason).toBe(
      'sector PRIVATE_SECURITY not among LARGE_RETAIL',
    );
  });

  it('is bound by TLP like an alert: AMBER+STRICT reaches no partner', () => {
    expect(ids(broadcast({}, Tlp.AmberStrict))).toEqual([]);
  });

  it('reaches nobody in a département where no partner operates', () => {
    const result = decide(fromPrefecture('2B'), DIRECTORY, { rules: BROADCAST_RULES, audience: audience() });
    expect(ids(result)).toEqual([]);
  });
});
