import { Geography } from './geography';

describe('Geography (official INSEE lists)', () => {
  const geo = Geography.official();

  it.each([
    ['69123', 'Lyon', '69'],
    ['75056', 'Paris', '75'],
    ['2A004', 'Ajaccio', '2A'],
    ['2B033', 'Bastia', '2B'],
    ['97411', 'Saint-Denis', '974'],
    ['97611', 'Mamoudzou', '976'],
    ['69381', 'Lyon 1er Arrondissement', '69'],
  ])('resolves commune %s to %s in département %s', (code, name, department) => {
    expect(geo.commune(code)).toMatchObject({ code, name, department });
  });

  it('finds the communes of a postal code, one or several', () => {
    expect(geo.communesWithPostalCode('69002').map((c) => c.code)).toEqual(['69123']);
    expect(geo.communesWithPostalCode('01400').length).toBeGreaterThan(1);
    expect(geo.communesWithPostalCode('00000')).toEqual([]);
  });

  it('does not know made-up communes', () => {
    expect(geo.commune('99999')).toBeUndefined();
    expect(geo.commune('2C001')).toBeUndefined();
  });

  it('lists the 101 départements plus the overseas collectivities, with Corsica split', () => {
    const codes = geo.departments().map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['01', '2A', '2B', '75', '971', '976']));
    expect(codes).not.toContain('20');
    expect(geo.departments().filter((d) => d.zone !== 'com')).toHaveLength(101);
  });

  it.each([
    ['69', 'Préfecture du Rhône'],
    ['01', "Préfecture de l'Ain"],
    ['80', 'Préfecture de la Somme'],
    ['08', 'Préfecture des Ardennes'],
    ['75', 'Préfecture de Paris'],
  ])('names the prefecture of %s "%s"', (code, name) => {
    expect(geo.department(code)?.prefectureName).toBe(name);
  });

  it.each([
    ['69', 'le '],
    ['42', 'la '],
    ['40', 'les '],
    ['01', "l'"],
    ['75', ''],
    ['35', ''],
    ['974', ''],
  ])('gives département %s the article "%s"', (code, article) => {
    expect(geo.department(code)?.article).toBe(article);
  });
});
