import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { parse } from 'csv-parse/sync';
import type { Sector } from '@vigie/contracts';
import { DomainError, InvalidRequestError, type FieldError } from '@vigie/platform';
import { CreateOrganisationDto } from '../organisations/dto/create-organisation.dto';
import { checkOrganisation } from '../organisations/organisations.service';
import { CreateSubscriptionDto } from '../subscriptions/dto/subscription.dto';

/** The most rows one file may hold; the body limit is set so that such a file fits. */
export const MAX_IMPORT_ROWS = 10_000;
export const IMPORT_BODY_LIMIT = '8mb';
export const CSV_MEDIA_TYPE = 'text/csv';

/** The columns of a CSV file (and the fields of a JSON row). Lists in a CSV cell are separated by `|`. */
export const IMPORT_COLUMNS = [
  'kind',
  'name',
  'departments',
  'siret',
  'cnapsNumber',
  'sector',
  'conventions',
  'subscriptionDepartments',
  'eventCodes',
  'minimumSeverity',
] as const;
const LIST_COLUMNS = new Set(['departments', 'conventions', 'subscriptionDepartments', 'eventCodes']);
const CONVENTION_CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A row as read from the file, before validation: every value as the file gave it. */
export type RawRow = Record<string, unknown>;

/** One row that passed every check a file alone can make. */
export interface ImportRow {
  row: number;
  organisation: CreateOrganisationDto;
  sector: Sector | null;
  conventions: string[];
  /** Absent when the row asks for no subscription. */
  subscription: CreateSubscriptionDto | null;
}

/** Why a row was refused: machine code in English, message in plain French. */
export interface RowProblem {
  row: number;
  field: string;
  code: string;
  message: string;
  detail?: string;
}

const MESSAGES: Record<string, (field: string) => string> = {
  invalid_value: (field) => `La valeur du champ « ${field} » n’est pas valide.`,
  missing_value: (field) => `Le champ « ${field} » est obligatoire.`,
  unknown_column: (field) => `La colonne « ${field} » n’est pas reconnue.`,
  duplicate_in_file: () => 'Cette organisation figure déjà plus haut dans le fichier.',
  unknown_convention: (field) => `La convention indiquée dans « ${field} » n’existe pas.`,
  convention_refused: () => 'L’organisation ne peut pas adhérer à cette convention.',
  subscription_refused: () => 'L’abonnement couvre des départements où l’organisation n’intervient pas.',
  outside_competence: () => 'Cette organisation ne relève pas des départements de votre compétence.',
  conflicts_with_existing: (field) =>
    `Une organisation déjà enregistrée porte cet identifiant mais diffère sur « ${field} ».`,
  too_many_subscriptions: () => 'L’organisation a déjà le nombre maximal d’abonnements.',
  revoked: () => 'Cette organisation a été révoquée : elle ne peut plus être modifiée.',
};

export function problem(row: number, field: string, code: string, detail?: string): RowProblem {
  return { row, field, code, message: MESSAGES[code](field), ...(detail ? { detail } : {}) };
}

/** A malformed file, as a whole: 400 problem+json naming the file. */
export function malformedFile(reason: string): DomainError {
  return new DomainError('bad_request', 'invalid request', 400, [{ field: 'file', problems: [reason] }]);
}

function splitList(value: string): string[] {
  return value
    .split('|')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** CSV text to raw rows numbered by their line in the file (the header is line 1). */
export function parseCsv(text: string): { row: number; raw: RawRow }[] {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = header.includes(';') && !header.includes(',') ? ';' : ',';
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      columns: true,
      delimiter,
      info: true,
      skip_empty_lines: true,
      trim: true,
      max_record_size: 64 * 1024,
    });
  } catch (error) {
    throw malformedFile(`the CSV file cannot be read: ${(error as Error).message}`);
  }
  if (records.length === 0) throw malformedFile('the file holds no row');
  return records.map(({ record, info }) => {
    const raw: RawRow = {};
    for (const [column, value] of Object.entries(record)) {
      if (value === '') continue;
      raw[column] = LIST_COLUMNS.has(column) ? splitList(value) : value;
    }
    return { row: info.lines, raw };
  });
}

/** A JSON body (an array of rows, or `{ "rows": [...] }`) to raw rows numbered from 1. */
export function parseJsonRows(body: unknown): { row: number; raw: RawRow }[] {
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const unknown = Object.keys(body).filter((name) => name !== 'rows');
    if (unknown.length > 0) {
      throw new InvalidRequestError(
        unknown.map((name) => ({ field: name, problems: [`property ${name} should not exist`] })),
      );
    }
  }
  const rows: unknown = Array.isArray(body) ? body : (body as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) throw malformedFile('send an array of rows, or an object whose "rows" is one');
  if (rows.length === 0) throw malformedFile('the file holds no row');
  return (rows as unknown[]).map((raw, index) => ({
    row: index + 1,
    raw: typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as RawRow) : { '': raw },
  }));
}

export function checkRowCount(count: number): void {
  if (count > MAX_IMPORT_ROWS) throw malformedFile(`a file may hold at most ${MAX_IMPORT_ROWS} rows (${count} sent)`);
}

function flatten(errors: ValidationError[], row: number, prefix = ''): RowProblem[] {
  return errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, detail]) =>
      problem(row, field, constraint === 'isDefined' ? 'missing_value' : 'invalid_value', detail),
    );
    return [...own, ...flatten(error.children ?? [], row, `${field}.`)];
  });
}

function fromFieldErrors(errors: FieldError[], row: number): RowProblem[] {
  return errors.flatMap((error) => error.problems.map((detail) => problem(row, error.field, 'invalid_value', detail)));
}

const ORGANISATION_FIELDS = ['kind', 'name', 'departments', 'siret', 'cnapsNumber', 'sector'] as const;
const VALIDATION = { whitelist: true, forbidUnknownValues: true } as const;

/**
 * Validates one raw row with the rules the single-organisation routes apply (the same DTOs and
 * checks), so an import accepts exactly what the API would.
 */
export function validateRow(row: number, raw: RawRow): ImportRow | RowProblem[] {
  const problems: RowProblem[] = Object.keys(raw)
    .filter((column) => !(IMPORT_COLUMNS as readonly string[]).includes(column))
    .map((column) => problem(row, column || 'row', 'unknown_column'));
  const organisation = plainToInstance(
    CreateOrganisationDto,
    Object.fromEntries(ORGANISATION_FIELDS.filter((field) => raw[field] !== undefined).map((f) => [f, raw[f]])),
  );
  for (const field of ['kind', 'name', 'departments'] as const) {
    if (raw[field] === undefined) problems.push(problem(row, field, 'missing_value'));
  }
  const organisationErrors = flatten(validateSync(organisation, VALIDATION), row).filter(
    (found) => !problems.some((known) => known.field === found.field && known.code === 'missing_value'),
  );
  problems.push(...organisationErrors);
  let sector: Sector | null = null;
  if (problems.length === 0) {
    try {
      sector = checkOrganisation(organisation).sector;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push(...fromFieldErrors((error.details as FieldError[] | undefined) ?? [], row));
    }
  }

  const conventions = raw.conventions ?? [];
  if (
    !Array.isArray(conventions) ||
    conventions.some((code) => typeof code !== 'string' || !CONVENTION_CODE.test(code))
  ) {
    problems.push(problem(row, 'conventions', 'invalid_value', 'conventions must be a list of convention codes'));
  }

  let subscription: CreateSubscriptionDto | null = null;
  const departments =
    raw.subscriptionDepartments ?? (raw.eventCodes || raw.minimumSeverity ? raw.departments : undefined);
  if (departments !== undefined) {
    subscription = plainToInstance(CreateSubscriptionDto, {
      departments,
      ...(raw.eventCodes !== undefined ? { eventCodes: raw.eventCodes } : {}),
      ...(raw.minimumSeverity !== undefined ? { minimumSeverity: raw.minimumSeverity } : {}),
    });
    // The DTO's `departments` is the row's `subscriptionDepartments`.
    const errors = flatten(validateSync(subscription, VALIDATION), row).map((found) =>
      found.field === 'departments' ? problem(row, 'subscriptionDepartments', found.code, found.detail) : found,
    );
    problems.push(...errors);
  }
  if (problems.length > 0) return problems;
  return {
    row,
    organisation: { ...organisation, departments: [...new Set(organisation.departments)] },
    sector,
    conventions: [...new Set(conventions as string[])],
    subscription,
  };
}

/** The natural key of an organisation: its SIRET when it has one, else its kind and name. */
export function naturalKey(organisation: Pick<CreateOrganisationDto, 'kind' | 'name' | 'siret'>): string {
  return organisation.siret ? `siret:${organisation.siret}` : `name:${organisation.kind}:${organisation.name}`;
}

/** Validates every row and refuses the later duplicates of a natural key within the file. */
export function validateRows(rows: { row: number; raw: RawRow }[]): { valid: ImportRow[]; refused: RowProblem[] } {
  const valid: ImportRow[] = [];
  const refused: RowProblem[] = [];
  const seen = new Set<string>();
  for (const { row, raw } of rows) {
    const result = validateRow(row, raw);
    if (Array.isArray(result)) {
      refused.push(...result);
      continue;
    }
    const key = naturalKey(result.organisation);
    if (seen.has(key)) {
      refused.push(problem(row, result.organisation.siret ? 'siret' : 'name', 'duplicate_in_file'));
      continue;
    }
    seen.add(key);
    valid.push(result);
  }
  return { valid, refused };
}
