import { InvalidRequestError } from '@vigie/platform';

/**
 * A keyset page position, newest first: the time of the last row of the previous page (UTC,
 * microseconds, `YYYY-MM-DDTHH:MM:SS.ffffff`, as PostgreSQL keeps it) and its id.
 */
export interface PagePosition {
  position: string;
  id: string;
}

/** The SQL of a row's position: `to_char` of its timestamp, in UTC, to the microsecond. */
export const positionOf = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

/** The opaque cursor of a position (base64url). */
export function encodeCursor(position: string, id: string): string {
  return Buffer.from(`${position}|${id}`).toString('base64url');
}

/** The position of a cursor this API returned; anything else is a 400 on `cursor`. */
export function decodeCursor(value: string): PagePosition {
  const [position, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (
    rest.length > 0 ||
    !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/.test(position ?? '') ||
    !/^[0-9a-f-]{36}$/.test(id ?? '')
  ) {
    throw new InvalidRequestError([{ field: 'cursor', problems: ['cursor is not one this API returned'] }]);
  }
  return { position, id };
}
