/**
 * Where security partnerships are run by another prefecture than the département's own: the
 * Préfecture de police is competent for Paris and the three inner-ring départements.
 */
export const COMPETENCE: Record<string, string> = {
  '92': '75',
  '93': '75',
  '94': '75',
};

/** Prefectures whose name is not "Préfecture de <département>". */
export const PREFECTURE_NAMES: Record<string, string> = {
  '75': 'Préfecture de police',
};

export const NATIONAL_LEVEL_NAME = 'Délégation aux coopérations de sécurité';

/** The départements each prefecture is competent for, given the départements' codes. */
export function competenceOf(codes: string[]): Map<string, string[]> {
  const competence = new Map<string, string[]>();
  for (const code of codes) {
    const competent = COMPETENCE[code] ?? code;
    competence.set(competent, [...(competence.get(competent) ?? []), code]);
    if (!competence.has(code)) competence.set(code, []);
  }
  return competence;
}
