import { AlertSeverity, OrganisationKind, OrganisationStatus } from '@vigie/contracts';
import type { DirectoryEntry } from './directory-entry';
import { indexOf } from './directory-index';

function entry(id: string, departments: string[], subscribedIn: string[][] = []): DirectoryEntry {
  return {
    id,
    name: id,
    kind: OrganisationKind.SecurityFirm,
    status: OrganisationStatus.Active,
    departments,
    sector: null,
    conventions: [],
    subscriptions: subscribedIn.map((covered, n) => ({
      id: `${id}-${n}`,
      departments: covered,
      eventCodes: [],
      minimumSeverity: AlertSeverity.Unknown,
      sectors: [],
      includeExercises: false,
    })),
  };
}

const directory = [
  entry('a', ['69', '01']),
  entry('b', ['75'], [['69'], ['69', '38']]),
  entry('c', ['69']),
  entry('d', ['38'], [['38']]),
];

describe('indexOf', () => {
  it('lists the organisations operating in, and subscribed in, a département, in the directory order', () => {
    const index = indexOf(directory);
    expect(index.operatingIn('69').map((e) => e.id)).toEqual(['a', 'c']);
    expect(index.subscribedIn('69').map((e) => e.id)).toEqual(['b']);
    expect(index.subscribedIn('38').map((e) => e.id)).toEqual(['b', 'd']);
    expect(index.operatingIn('2A')).toEqual([]);
  });

  it('finds organisations by id, each once and in the directory order whatever the order asked', () => {
    const index = indexOf(directory);
    expect(index.byId('c')?.id).toBe('c');
    expect(index.byId('z')).toBeUndefined();
    expect(index.byIds(['d', 'z', 'a', 'd']).map((e) => e.id)).toEqual(['a', 'd']);
  });

  it('indexes a frozen directory once, and any other for the call only', () => {
    const frozen = Object.freeze([...directory]);
    expect(indexOf(frozen)).toBe(indexOf(frozen));
    const open = [...directory];
    const before = indexOf(open);
    open.push(entry('e', ['69']));
    expect(before.operatingIn('69').map((e) => e.id)).toEqual(['a', 'c']);
    expect(
      indexOf(open)
        .operatingIn('69')
        .map((e) => e.id),
    ).toEqual(['a', 'c', 'e']);
  });
});
