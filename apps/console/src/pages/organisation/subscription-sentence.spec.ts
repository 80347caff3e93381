import { Geography } from '@vigie/geo';
import { subscriptionSentence, type DepartmentName } from './subscription-sentence';

const geography = Geography.official();
const departmentOf = (code: string): DepartmentName | undefined => geography.department(code);

type Sentenced = Parameters<typeof subscriptionSentence>[0];
const subscription = (fields: Partial<Sentenced>): Sentenced => ({
  departments: ['69'],
  eventCodes: [],
  minimumSeverity: 'Unknown',
  sectors: [],
  includeExercises: false,
  ...fields,
});

describe('a subscription as a sentence', () => {
  it.each<[string, Partial<Sentenced>, string]>([
    [
      'the example of the issue',
      { departments: ['69', '42'], eventCodes: ['intrusion'], minimumSeverity: 'Severe' },
      'Recevoir les alertes Graves ou Extrêmes de type intrusion dans le Rhône et la Loire',
    ],
    ['every alert of one département', {}, 'Recevoir toutes les alertes dans le Rhône'],
    [
      'the lowest named severity lists all four',
      { minimumSeverity: 'Minor' },
      'Recevoir les alertes Mineures, Modérées, Graves ou Extrêmes dans le Rhône',
    ],
    ['Extreme alone', { minimumSeverity: 'Extreme' }, 'Recevoir les alertes Extrêmes dans le Rhône'],
    [
      'several event types, lower case, with "ou"',
      { eventCodes: ['theft', 'armed-robbery', 'drone-overflight'] },
      'Recevoir toutes les alertes de type vol, vol à main armée ou survol de drone dans le Rhône',
    ],
    [
      'sectors and exercises',
      { sectors: ['JEWELLERY', 'TOBACCO'], includeExercises: true },
      'Recevoir toutes les alertes émises par le secteur « Bijouterie » ou « Buralistes » dans le Rhône, exercices compris',
    ],
    [
      'every article: le, la, les, l’',
      { departments: ['69', '42', '40', '01'] },
      'Recevoir toutes les alertes dans le Rhône, la Loire, les Landes et l’Ain',
    ],
    [
      'names without an article take their own preposition',
      { departments: ['69', '75', '49', '976'] },
      'Recevoir toutes les alertes dans le Rhône, à Paris, en Maine-et-Loire et à Mayotte',
    ],
    ['only names without an article', { departments: ['974'] }, 'Recevoir toutes les alertes à La Réunion'],
    [
      'an unknown code is named by its code',
      { departments: ['00'] },
      'Recevoir toutes les alertes dans le département 00',
    ],
  ])('%s', (_case, fields, sentence) => {
    expect(subscriptionSentence(subscription(fields), departmentOf)).toBe(sentence);
  });
});
