import { Geography } from '@vigie/geo';
import type { Band, MapFigure } from '../../components/france-map';

/** What colours the map: alerts of the last 24 hours, or escalations still open. */
export type MapMode = 'alertes' | 'escalades';

export function mapModeOf(asked: unknown): MapMode {
  return asked === 'escalades' ? 'escalades' : 'alertes';
}

export const BANDS: Record<MapMode, Band[]> = {
  alertes: [
    { min: 0, fill: '#f6f6f6', label: 'Aucune alerte' },
    { min: 1, fill: '#fcd7b6', label: '1 alerte' },
    { min: 2, fill: '#f4a261', label: '2 à 4 alertes' },
    { min: 5, fill: '#d9480f', label: '5 à 9 alertes' },
    { min: 10, fill: '#7f1d05', label: '10 alertes ou plus' },
  ],
  escalades: [
    { min: 0, fill: '#f6f6f6', label: 'Aucune escalade en cours' },
    { min: 1, fill: '#cfc4f5', label: '1 escalade en cours' },
    { min: 2, fill: '#8c6fe0', label: '2 ou 3 escalades en cours' },
    { min: 4, fill: '#3f1a9e', label: '4 escalades en cours ou plus' },
  ],
};

export const MODE_WORDS: Record<MapMode, { one: string; many: string; caption: string }> = {
  alertes: { one: 'alerte', many: 'alertes', caption: 'Alertes des dernières 24 heures par département' },
  escalades: {
    one: 'escalade en cours',
    many: 'escalades en cours',
    caption: 'Escalades en cours (alertes graves ou extrêmes non prises en compte) par département',
  },
};

let departments: { code: string; name: string }[] | undefined;

/** The 101 départements (96 in mainland France, 5 overseas), in INSEE order; read once. */
export function frenchDepartments(): { code: string; name: string }[] {
  departments ??= Geography.official()
    .departments()
    .filter((department) => department.zone !== 'com')
    .map(({ code, name }) => ({ code, name }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return departments;
}

export function departmentName(code: string): string | undefined {
  return frenchDepartments().find((department) => department.code === code)?.name;
}

/** Every département with its count (0 when the service counted none). */
export function mapFigures(counts: { department: string; count: number }[]): Map<string, MapFigure> {
  const byCode = new Map(counts.map((row) => [row.department, row.count]));
  return new Map(frenchDepartments().map(({ code, name }) => [code, { code, name, count: byCode.get(code) ?? 0 }]));
}

export function figureWords(mode: MapMode, figure: MapFigure): string {
  const words = MODE_WORDS[mode];
  return `${figure.name} (${figure.code}) : ${figure.count} ${figure.count > 1 ? words.many : words.one}`;
}

/** Whose figures these are, in words: all of France, or the départements of the caller's scope. */
export function scopeWords(departments: string[] | null): string {
  if (departments === null) return 'pour toute la France';
  return `pour le${departments.length > 1 ? 's départements' : ' département'} ${departments.join(', ')}`;
}
