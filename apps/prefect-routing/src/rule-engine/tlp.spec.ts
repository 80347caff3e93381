import { Tlp } from '@vigie/contracts';
import { ORGS, RETAIL_CONVENTION, SECURITY_CONVENTION } from '../../../../test/fixtures/routing/rules.fixtures';
import { allowedByTlp, mostRestrictive, type TlpCandidate, type TlpContext } from './tlp';

const partnerSender: TlpContext = {
  department: '69',
  senderId: ORGS.sender.id,
  senderIsState: false,
  senderConventions: [SECURITY_CONVENTION],
  namedRecipients: [],
};

const CANDIDATES: Record<string, TlpCandidate> = {
  prefecture: ORGS.p69,
  'State force': ORGS.gendarmerie,
  'national level': ORGS.national,
  'partner of the same convention': ORGS.colleague,
  'partner of another convention': ORGS.mall,
  'non-member': ORGS.outsider,
  'the sender itself': ORGS.sender,
};

// Rows: recipient kind; columns: CLEAR, GREEN, AMBER, AMBER+STRICT, RED (not named).
const LEVELS = [Tlp.Clear, Tlp.Green, Tlp.Amber, Tlp.AmberStrict, Tlp.Red];
const MATRIX: [string, boolean[]][] = [
  ['prefecture', [true, true, true, true, false]],
  ['State force', [true, true, true, true, false]],
  ['national level', [true, true, true, true, false]],
  ['partner of the same convention', [true, true, false, false, false]],
  ['partner of another convention', [true, false, false, false, false]],
  ['non-member', [true, false, false, false, false]],
  ['the sender itself', [true, true, true, true, true]],
];
const CASES = MATRIX.flatMap(([who, row]) => LEVELS.map((tlp, i) => [tlp, who, row[i]] as const));

// The same recipients when a rule names them (need to know): AMBER opens to them.
const NEED_TO_KNOW: [string, boolean[]][] = [
  ['partner of the same convention', [true, true, true, false, false]],
  ['partner of another convention', [true, true, true, false, false]],
  ['non-member', [true, true, true, false, false]],
];
const NEED_TO_KNOW_CASES = NEED_TO_KNOW.flatMap(([who, row]) => LEVELS.map((tlp, i) => [tlp, who, row[i]] as const));

describe('allowedByTlp', () => {
  it.each(CASES)('TLP:%s, %s → allowed %s', (tlp, who, allowed) => {
    const verdict = allowedByTlp(tlp, CANDIDATES[who], partnerSender);
    expect(verdict.allowed).toBe(allowed);
    expect(verdict.reason).toMatch(new RegExp(`^TLP:${tlp.replace('+', '\\+')} — `));
  });

  it.each(NEED_TO_KNOW_CASES)('TLP:%s, %s named by a rule → allowed %s', (tlp, who, allowed) => {
    expect(allowedByTlp(tlp, CANDIDATES[who], partnerSender, true).allowed).toBe(allowed);
  });

  it.each(CASES.filter(([, who]) => ['prefecture', 'State force', 'national level'].includes(who)))(
    'TLP:%s, %s: being named by a rule changes nothing for the State (%s)',
    (tlp, who, allowed) => {
      expect(allowedByTlp(tlp, CANDIDATES[who], partnerSender, true).allowed).toBe(allowed);
    },
  );

  it.each(Object.keys(CANDIDATES))('TLP:RED lets a named %s through', (who) => {
    const context = { ...partnerSender, namedRecipients: [CANDIDATES[who].id] };
    expect(allowedByTlp(Tlp.Red, CANDIDATES[who], context)).toEqual({
      allowed: true,
      reason: who === 'the sender itself' ? 'TLP:RED — originating organisation' : 'TLP:RED — named recipient',
    });
  });

  it.each([
    [Tlp.Red, 'TLP:RED — not a named recipient'],
    [Tlp.AmberStrict, 'TLP:AMBER+STRICT — restricted to the originating organisation and State recipients'],
    [Tlp.Amber, 'TLP:AMBER — restricted to State recipients and organisations named by a rule'],
    [Tlp.Green, "TLP:GREEN — outside the community: not a member of the sender's convention deployed in 69"],
  ])('explains a refusal under TLP:%s', (tlp, reason) => {
    expect(allowedByTlp(tlp, ORGS.outsider, partnerSender)).toEqual({ allowed: false, reason });
  });

  describe('GREEN community', () => {
    it.each([
      ['a State sender: any convention member in the département', { senderIsState: true }, ORGS.mall, true],
      ['a State sender: not a non-member', { senderIsState: true }, ORGS.outsider, false],
      ['an unknown sender: nobody outside the State', { senderConventions: [] }, ORGS.colleague, false],
      ['same convention, but not deployed in the département', { department: '976' }, ORGS.colleague, false],
      ['another convention deployed in the département', { department: '93' }, ORGS.mall, false],
    ])('%s', (_, override, candidate, allowed) => {
      expect(allowedByTlp(Tlp.Green, candidate, { ...partnerSender, ...override }).allowed).toBe(allowed);
    });

    it('needs the shared convention itself to be deployed in the département', () => {
      const elsewhere = { ...SECURITY_CONVENTION, departments: ['75'] };
      const candidate = { ...ORGS.colleague, conventions: [elsewhere, RETAIL_CONVENTION] };
      expect(allowedByTlp(Tlp.Green, candidate, partnerSender).allowed).toBe(false);
    });
  });
});

describe('mostRestrictive', () => {
  it.each([
    [Tlp.Clear, undefined, Tlp.Clear],
    [Tlp.Green, Tlp.Clear, Tlp.Green],
    [Tlp.Green, Tlp.Amber, Tlp.Amber],
    [Tlp.Amber, Tlp.AmberStrict, Tlp.AmberStrict],
    [Tlp.Red, Tlp.AmberStrict, Tlp.Red],
  ])('%s and %s → %s', (label, rule, expected) => {
    expect(mostRestrictive(label, rule)).toBe(expected);
  });
});
