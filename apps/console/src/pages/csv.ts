/** What would make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A signed number (a phone number such as +33 4 …) is not a formula. */
const SIGNED_NUMBER = /^[+-]?[\d\s().]+$/;

export interface CsvOptions {
  /** Leave cells that are plain signed numbers as they are (phone numbers). */
  keepNumbers?: boolean;
}

/**
 * One cell: a value starting with = + - @ (or a tab or carriage return) gets a leading
 * apostrophe, so a spreadsheet shows it as text instead of running it; a cell holding the
 * separator, a quote or a line break is quoted, its quotes doubled.
 */
export function csvCell(value: string, options: CsvOptions = {}): string {
  const formula = FORMULA_START.test(value) && !(options.keepNumbers && SIGNED_NUMBER.test(value));
  const safe = formula ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV a French spreadsheet opens directly: semicolons, CRLF, UTF-8 with a byte order mark. */
export function csvDocument(header: string[], rows: string[][], options: CsvOptions = {}): string {
  const lines = [header, ...rows].map((cells) => cells.map((cell) => csvCell(cell, options)).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
