import type { SignedInPerson } from '../../clients/registry.client';
import type { AlertPreview, PreviewSender } from '../../clients/routing.client';
import {
  benchDraftOf,
  benchErrors,
  benchRecipients,
  mayUseRulesBench,
  newBenchForm,
  readBenchForm,
  senderChoices,
  trialWords,
} from './rules-bench.model';

const FIRM = '3f0c6a3e-5d0b-4f8e-9a57-0d6c1b1e2a4f';
const senders: PreviewSender[] = [
  { organisationId: FIRM, name: 'Gardiennage du Rhône', kind: 'SECURITY_FIRM', departments: ['69', '01'] },
];

describe('who may use the rules test bench', () => {
  it.each<[string, string, SignedInPerson['roles'], boolean]>([
    ['a prefecture duty officer', 'PREFECTURE', ['DUTY_OFFICER'], true],
    ['a prefecture administrator', 'PREFECTURE', ['ORGANISATION_ADMIN'], true],
    ['a national administrator', 'NATIONAL_LEVEL', ['ORGANISATION_ADMIN'], true],
    ['a national analyst', 'NATIONAL_LEVEL', ['NATIONAL_ANALYST'], false],
    ['a State force duty officer', 'STATE_FORCE', ['DUTY_OFFICER'], false],
    ['a security firm administrator', 'SECURITY_FIRM', ['ORGANISATION_ADMIN', 'DUTY_OFFICER'], false],
  ])('%s', (_, organisationKind, roles, may) => {
    expect(mayUseRulesBench({ organisationKind, roles })).toBe(may);
  });
});

describe('the rules test bench form', () => {
  /** The answers routing's draft carries as they were posted. */
  const asPosted = {
    commune: '69123',
    eventCode: 'intrusion',
    severity: 'Severe',
    urgency: 'Immediate',
    certainty: 'Observed',
    tlp: 'RED',
    status: 'Exercise',
  };
  const posted = { ...asPosted, sender: FIRM.toUpperCase(), communeQuery: ' lyon ', personalData: 'oui' };

  it('reads what was posted, trimmed, and makes routing’s draft of it as the chosen sender', () => {
    const form = readBenchForm(posted);
    expect(benchErrors(form, senders)).toEqual({});
    expect(benchDraftOf(form)).toEqual({ ...asPosted, senderOrganisationId: FIRM, personalData: true });
  });

  it('names every missing or unknown field, and refuses a sender it did not offer', () => {
    expect(Object.keys(benchErrors(newBenchForm(), senders)).sort()).toEqual(
      ['commune', 'eventCode', 'sender', 'severity'].sort(),
    );
    const tampered = readBenchForm({ ...posted, sender: '00000000-0000-4000-8000-000000000000', tlp: 'WHITE' });
    expect(benchErrors(tampered, senders)).toEqual({
      sender: 'Choisissez l’émetteur.',
      tlp: 'Choisissez qui peut lire l’alerte.',
    });
  });

  it('offers the senders with their kind and départements', () => {
    expect(senderChoices(senders)).toEqual([
      { value: FIRM, label: 'Gardiennage du Rhône — Entreprise de sécurité privée (69, 01)' },
    ]);
  });

  it('says the trial in one line', () => {
    expect(trialWords(readBenchForm(posted), 'Gardiennage du Rhône', 'Lyon (Rhône)')).toBe(
      'Intrusion (exercice), gravité grave, à Lyon (Rhône), signalé par Gardiennage du Rhône, Diffusion nominative (TLP:RED)',
    );
  });
});

describe('the trial’s recipients', () => {
  it('pairs every rule with its reason', () => {
    const preview: AlertPreview = {
      department: '69',
      recipients: [
        {
          organisationId: 'pref',
          name: 'Préfecture du Rhône',
          kind: 'PREFECTURE',
          rules: ['competent-prefecture', 'subscribers'],
          reasons: ['competent for 69', 'subscription s1'],
        },
      ],
      excluded: [],
      warnings: [],
    };
    expect(benchRecipients(preview)).toEqual([
      {
        organisationId: 'pref',
        name: 'Préfecture du Rhône',
        kind: 'Préfecture',
        choices: [
          { rule: 'competent-prefecture', reason: 'competent for 69' },
          { rule: 'subscribers', reason: 'subscription s1' },
        ],
      },
    ]);
  });
});
