import { bandOf } from '../../components/france-map';
import { BANDS, figureWords, frenchDepartments, mapFigures, mapModeOf } from './national.model';

describe('national map model', () => {
  it('lists the 101 départements, Corsica and the five overseas ones included', () => {
    const codes = frenchDepartments().map((department) => department.code);
    expect(codes).toHaveLength(101);
    expect(codes).toEqual(expect.arrayContaining(['2A', '2B', '971', '972', '973', '974', '976']));
  });

  it('gives every département a figure, zero where nothing was counted', () => {
    const figures = mapFigures([{ department: '69', count: 3 }]);
    expect(figures.size).toBe(101);
    expect(figures.get('69')).toEqual({ code: '69', name: 'Rhône', count: 3 });
    expect(figures.get('974')!.count).toBe(0);
    expect(figureWords('alertes', figures.get('69')!)).toBe('Rhône (69) : 3 alertes');
    expect(figureWords('escalades', { code: '2A', name: 'Corse-du-Sud', count: 1 })).toBe(
      'Corse-du-Sud (2A) : 1 escalade en cours',
    );
  });

  it('puts each count in its band, and reads the mode from the URL', () => {
    expect(bandOf(BANDS.alertes, 0).label).toBe('Aucune alerte');
    expect(bandOf(BANDS.alertes, 4).label).toBe('2 à 4 alertes');
    expect(bandOf(BANDS.alertes, 250).label).toBe('10 alertes ou plus');
    expect(mapModeOf('escalades')).toBe('escalades');
    expect(mapModeOf('<script>')).toBe('alertes');
  });
});
