import type { Subscription } from '../../clients/registry.client';
import { EVENT, SECTORS, SEVERITY, label } from '../../components/labels';

/** A département as a sentence names it: "le Rhône", "l’Ain", "Paris". */
export interface DepartmentName {
  name: string;
  /** '' when the name takes none ("Paris", "Mayotte", "Maine-et-Loire"). */
  article: string;
}

/** Severities a subscription can start from, lowest first (Unknown, the lowest of all, means every alert). */
const SEVERITY_ORDER = ['Minor', 'Moderate', 'Severe', 'Extreme'];

/** "a, b ou c" / "a, b et c". */
function list(items: string[], conjunction: 'ou' | 'et'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Extrême → Extrêmes, Grave → Graves: the four severity words take an s. */
const plural = (word: string): string => `${word}s`;

function severities(minimum: string): string {
  const from = SEVERITY_ORDER.indexOf(minimum);
  if (from < 0) return 'toutes les alertes';
  return `les alertes ${list(
    SEVERITY_ORDER.slice(from).map((severity) => plural(label(SEVERITY, severity))),
    'ou',
  )}`;
}

/**
 * "dans le Rhône et la Loire"; a name without an article takes its own preposition: "à Paris",
 * "à Mayotte", "en Maine-et-Loire".
 */
function places(codes: string[], departmentOf: (code: string) => DepartmentName | undefined): string {
  const withArticle: string[] = [];
  const withoutArticle: string[] = [];
  for (const code of codes) {
    const department = departmentOf(code);
    if (!department) withArticle.push(`le département ${code}`);
    else if (department.article) withArticle.push(`${department.article.replace("'", '’')}${department.name}`);
    else withoutArticle.push(`${department.name.includes('-et-') ? 'en' : 'à'} ${department.name}`);
  }
  const phrases = withArticle.length > 0 ? [`dans ${list(withArticle, 'et')}`, ...withoutArticle] : withoutArticle;
  return list(phrases, 'et');
}

/**
 * A subscription as the sentence its organisation reads, so that nobody mistakes its filters
 * (every list is an "or", the lists together an "and"): "Recevoir les alertes Graves ou
 * Extrêmes de type intrusion dans le Rhône et la Loire".
 */
export function subscriptionSentence(
  subscription: Pick<Subscription, 'departments' | 'eventCodes' | 'minimumSeverity' | 'sectors' | 'includeExercises'>,
  departmentOf: (code: string) => DepartmentName | undefined,
): string {
  const events =
    subscription.eventCodes.length > 0
      ? ` de type ${list(
          subscription.eventCodes.map((code) => label(EVENT, code).toLowerCase()),
          'ou',
        )}`
      : '';
  const sectors =
    subscription.sectors.length > 0
      ? ` émises par le secteur ${list(
          subscription.sectors.map((sector) => `« ${label(SECTORS, sector)} »`),
          'ou',
        )}`
      : '';
  const exercises = subscription.includeExercises ? ', exercices compris' : '';
  return `Recevoir ${severities(subscription.minimumSeverity)}${events}${sectors} ${places(
    subscription.departments,
    departmentOf,
  )}${exercises}`;
}
