import type { AuditEntry, AuditQuery } from '../../clients/registry.client';
import { frenchDateTime, label } from '../../components/labels';
import { csvDocument } from '../csv';

/** The kinds of objects the registry's audit trail records changes or reads of. */
export const AUDITED_OBJECTS: Record<string, string> = {
  alert: 'Alerte',
  audit: 'Journal d’audit',
  organisation: 'Organisation',
  person: 'Personne',
  invitation: 'Invitation',
  'api-key': 'Clé d’API',
  subscription: 'Abonnement',
  site: 'Site',
  referent: 'Référent',
  convention: 'Convention',
};

const ACTIONS: Record<string, string> = {
  'organisation.created': 'Organisation créée',
  'organisation.seeded': 'Organisation créée à l’installation',
  'organisation.imported': 'Organisation importée',
  'organisation.import-completed': 'Organisation complétée par un import',
  'organisation.active': 'Organisation activée',
  'organisation.suspended': 'Organisation suspendue',
  'organisation.revoked': 'Organisation révoquée',
  'organisation.pending': 'Organisation remise en attente',
  'person.invited': 'Personne invitée',
  'person.joined': 'Invitation acceptée',
  'person.updated': 'Rôles ou compte modifiés',
  'api-key.issued': 'Clé d’API créée',
  'api-key.rotated': 'Clé d’API remplacée',
  'api-key.revoked': 'Clé d’API révoquée',
  'subscription.created': 'Abonnement ajouté',
  'subscription.deleted': 'Abonnement supprimé',
  'site.created': 'Site créé',
  'site.updated': 'Site modifié',
  'site.deleted': 'Site supprimé',
  'referent.created': 'Référent ajouté',
  'referent.updated': 'Référent modifié',
  'referent.deleted': 'Référent supprimé',
  'convention.seeded': 'Convention créée à l’installation',
  'convention.updated': 'Convention modifiée',
  'convention.member-added': 'Membre ajouté à une convention',
  'convention.member-removed': 'Membre retiré d’une convention',
  'alert.read': 'A consulté l’alerte',
  'alert.chain-read': 'A consulté les messages de l’alerte',
  'alert.history-read': 'A consulté l’historique de son alerte',
  'alert.list-read': 'A vu l’alerte dans une liste',
  'audit.read': 'A consulté le journal d’audit',
  'organisation.people-read': 'A consulté les personnes de l’organisation',
  'organisation.invitations-read': 'A consulté les invitations de l’organisation',
  'organisation.api-keys-read': 'A consulté les clés d’API de l’organisation',
};

/** The "Nature" filter: what the page shows, in its URL. */
export const NATURES: Record<string, { label: string; kind?: 'read' | 'change' }> = {
  '': { label: 'Tout' },
  lectures: { label: 'Lectures', kind: 'read' },
  modifications: { label: 'Modifications', kind: 'change' },
};

/** The filters of the page, as typed in its form (and kept in its URL). */
export interface AuditFilters {
  /** '' (everything), `lectures` or `modifications`. */
  nature: string;
  personne: string;
  organisation: string;
  objet: string;
  identifiant: string;
  du: string;
  au: string;
  /** Entries older than this id: the next page. */
  avant: string;
}

export type FilterErrors = Partial<Record<keyof AuditFilters, string>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const text = (query: Record<string, unknown>, name: string, max: number): string => {
  const value = query[name];
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
};

/** The filters from the page's query string, and what is wrong with them (a wrong one is not sent). */
export function readAuditFilters(query: Record<string, unknown>): { filters: AuditFilters; errors: FilterErrors } {
  const filters: AuditFilters = {
    nature: text(query, 'nature', 20),
    personne: text(query, 'personne', 36).toLowerCase(),
    organisation: text(query, 'organisation', 36).toLowerCase(),
    objet: text(query, 'objet', 40),
    identifiant: text(query, 'identifiant', 200),
    du: text(query, 'du', 10),
    au: text(query, 'au', 10),
    avant: text(query, 'avant', 18),
  };
  const errors: FilterErrors = {};
  if (!(filters.nature in NATURES)) errors.nature = 'Choisissez les lectures, les modifications ou tout.';
  if (filters.personne && !UUID.test(filters.personne))
    errors.personne = 'Un identifiant de personne a la forme 8-4-4-4-12 caractères.';
  if (filters.organisation && !UUID.test(filters.organisation))
    errors.organisation = 'Un identifiant d’organisation a la forme 8-4-4-4-12 caractères.';
  if (filters.objet && !(filters.objet in AUDITED_OBJECTS)) errors.objet = 'Choisissez un type d’objet de la liste.';
  if (filters.du && !validDay(filters.du)) errors.du = 'Indiquez une date, par exemple 2026-12-01.';
  if (filters.au && !validDay(filters.au)) errors.au = 'Indiquez une date, par exemple 2026-12-04.';
  if (!errors.du && !errors.au && filters.du && filters.au && filters.au < filters.du)
    errors.au = 'La date de fin est avant la date de début.';
  if (filters.avant && !/^\d{1,18}$/.test(filters.avant)) filters.avant = '';
  return { filters, errors };
}

function validDay(day: string): boolean {
  if (!DAY.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
}

/** Minutes Paris is ahead of UTC at an instant (60 in winter, 120 in summer). */
function parisOffsetMinutes(instant: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** Midnight, Paris time, at the start of a day (YYYY-MM-DD), as an instant. */
export function startOfParisDay(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  // The offset at Paris midnight is the offset a few hours before UTC midnight's instant, bar the DST night itself.
  const guess = new Date(utcMidnight.getTime() - parisOffsetMinutes(utcMidnight) * 60_000);
  return new Date(utcMidnight.getTime() - parisOffsetMinutes(guess) * 60_000);
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The registry's query for valid filters: days are whole days of Paris time, "au" included. */
export function auditQuery(filters: AuditFilters, limit: number): AuditQuery {
  return {
    kind: NATURES[filters.nature]?.kind,
    personId: filters.personne || undefined,
    organisationId: filters.organisation || undefined,
    entity: filters.objet || undefined,
    entityId: filters.identifiant || undefined,
    from: filters.du ? startOfParisDay(filters.du).toISOString() : undefined,
    to: filters.au ? startOfParisDay(nextDay(filters.au)).toISOString() : undefined,
    before: filters.avant || undefined,
    limit: String(limit),
  };
}

/** The filters as a query string (for links: next page, CSV, a click on a person). */
export function filtersQuery(filters: Partial<AuditFilters>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Who acted, in words: a person by name, a key by its id, the administrator, the installation. */
export function actorInWords(actor: string): string {
  if (actor === 'admin') return 'Administrateur de la plateforme';
  if (actor === 'seed') return 'Vigie (installation ou invitation acceptée)';
  const person = /\/person:[0-9a-f-]{36} \((.*)\)$/.exec(actor);
  if (person) return person[1];
  const key = /\/key:([0-9a-f-]{36})$/.exec(actor);
  if (key) return `Clé d’API vgk_${key[1].slice(0, 8)}…`;
  return actor;
}

export interface AuditRow {
  id: number;
  at: string;
  /** Lecture or Modification. */
  nature: string;
  who: string;
  personId: string | null;
  action: string;
  object: string;
  entity: string;
  entityId: string;
  organisationId: string | null;
  organisation: string;
  before: string;
  after: string;
  /** For a read, what was read, in a sentence ("Ana Lopez a consulté l’alerte …"); empty for a change. */
  read: string;
}

const json = (value: unknown): string => (value === null || value === undefined ? '' : JSON.stringify(value));

export function auditRow(entry: AuditEntry): AuditRow {
  const reading = entry.kind === 'read';
  const who = actorInWords(entry.actor);
  return {
    id: entry.id,
    at: frenchDateTime(entry.at),
    nature: reading ? 'Lecture' : 'Modification',
    who,
    personId: entry.personId ?? null,
    action: ACTIONS[entry.action] ?? entry.action,
    object: label(AUDITED_OBJECTS, entry.entity),
    entity: entry.entity,
    entityId: entry.entityId,
    organisationId: entry.organisationId ?? null,
    organisation: entry.organisationName ?? entry.organisationId ?? '—',
    before: reading ? '' : json(entry.before),
    after: reading ? '' : json(entry.after),
    read: reading ? `${who} ${readInWords(entry)}` : '',
  };
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

const field = (details: unknown, name: string): unknown =>
  typeof details === 'object' && details !== null ? Reflect.get(details, name) : undefined;

const countOf = (details: unknown, name: string): number => {
  const value = field(details, name);
  return typeof value === 'number' ? value : 0;
};

/** What a read was, in words: the object and what the reader saw of it, never its content. */
export function readInWords(entry: AuditEntry): string {
  const details = entry.after;
  const alert = (): string => {
    const tlp = field(details, 'tlp');
    const department = field(details, 'department');
    const facts = [
      typeof tlp === 'string' ? `TLP:${tlp}` : '',
      typeof department === 'string' ? `département ${department}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return `l’alerte ${entry.entityId}${facts ? ` (${facts})` : ''}`;
  };
  const organisation = entry.organisationName ?? entry.entityId;
  switch (entry.action) {
    case 'alert.read':
      return `a consulté ${alert()}`;
    case 'alert.chain-read':
      return `a consulté ${plural(countOf(details, 'messages'), 'message', 'messages')} de ${alert()}`;
    case 'alert.list-read':
      return `a vu ${alert()} dans une liste d’alertes`;
    case 'alert.history-read':
      return `a consulté l’historique (${plural(countOf(details, 'messages'), 'message', 'messages')}) de ${alert()}`;
    case 'audit.read':
      return `a consulté le journal d’audit (${plural(countOf(details, 'entries'), 'entrée', 'entrées')})`;
    case 'organisation.people-read':
      return `a consulté les personnes de ${organisation} (${countOf(details, 'count')})`;
    case 'organisation.invitations-read':
      return `a consulté les invitations de ${organisation} (${countOf(details, 'count')})`;
    case 'organisation.api-keys-read':
      return `a consulté les clés d’API de ${organisation} (${countOf(details, 'count')})`;
    default:
      return `a consulté : ${label(AUDITED_OBJECTS, entry.entity)} ${entry.entityId}`.trim();
  }
}

/** The entries as CSV: one line each, every cell quoted as needed and never run as a formula. */
export function auditCsv(rows: AuditRow[]): string {
  return csvDocument(
    [
      'Date (heure de Paris)',
      'Qui',
      'Action',
      'Objet',
      'Identifiant de l’objet',
      'Organisation',
      'Avant',
      'Après',
      'Nature',
      'Lecture',
    ],
    rows.map((row) => [
      row.at,
      row.who,
      row.action,
      row.object,
      row.entityId,
      row.organisation,
      row.before,
      row.after,
      row.nature,
      row.read,
    ]),
  );
}
