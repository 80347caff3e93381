import { CommuneSearch, searchKey } from './commune-search';

describe('commune search', () => {
  const search = CommuneSearch.official();
  const names = (query: string, limit?: number) =>
    search.search(query, { limit }).map((commune) => `${commune.name} (${commune.department})`);

  it.each([
    ['Saint-Étienne', 'saint etienne'],
    ['st etienne', 'saint etienne'],
    ['ST-ETIENNE', 'saint etienne'],
    ["L'Haÿ-les-Roses", 'l hay les roses'],
    ['Œuilly', 'oeuilly'],
    ['  Ste   Foy ', 'sainte foy'],
  ])('reads %s as "%s"', (typed, key) => {
    expect(searchKey(typed)).toBe(key);
  });

  it('finds Saint-Étienne first however it is typed', () => {
    for (const typed of ['st etienne', 'saint-etienne', 'Saint Étienne', 'SAINT ETIENNE', 'st et']) {
      expect(names(typed)[0]).toBe('Saint-Étienne (42)');
    }
  });

  it('matches words in any order, each as a prefix', () => {
    expect(names('etienne saint')).toContain('Saint-Étienne (42)');
    expect(names('roses hay')).toContain("L'Haÿ-les-Roses (94)");
  });

  it('ranks an exact name before longer ones, then the bigger commune first', () => {
    const lyon = names('lyon', 5);
    expect(lyon[0]).toBe('Lyon (69)');
    const saintDenis = search.search('saint denis').filter((commune) => commune.name === 'Saint-Denis');
    expect(saintDenis.length).toBeGreaterThan(1);
    // Saint-Denis of La Réunion and of Seine-Saint-Denis outnumber every other Saint-Denis.
    expect(['974', '93']).toContain(saintDenis[0].department);
    for (let i = 1; i < saintDenis.length; i++) {
      expect(saintDenis[i - 1].population).toBeGreaterThanOrEqual(saintDenis[i].population);
    }
  });

  it('lists every commune an ambiguous postal code serves', () => {
    const served = search.search('01400').map((commune) => commune.code);
    expect(served.length).toBeGreaterThan(1);
    expect(new Set(served.map((code) => code.slice(0, 2)))).toEqual(new Set(['01']));
    // 69002 is a postal code of Lyon and the INSEE code of Aigueperse: both, the postal code first.
    expect(search.search('69002').map((commune) => commune.name)).toEqual(['Lyon', 'Aigueperse']);
  });

  it('takes an INSEE code, Corsican ones included, and postal code prefixes', () => {
    expect(search.search('69123').map((commune) => commune.name)).toContain('Lyon');
    expect(search.search('2A004').map((commune) => commune.name)).toEqual(['Ajaccio']);
    const prefix = search.search('974', { limit: 50 });
    expect(prefix.length).toBeGreaterThan(10);
    expect(prefix.every((commune) => commune.department === '974')).toBe(true);
  });

  it('answers nothing for nothing, and keeps to its limit', () => {
    expect(search.search('')).toEqual([]);
    expect(search.search(' - ')).toEqual([]);
    expect(search.search('zzzzqx')).toEqual([]);
    expect(search.search('saint', { limit: 7 })).toHaveLength(7);
    expect(search.search('saint', { limit: 500 })).toHaveLength(50);
  });
});
