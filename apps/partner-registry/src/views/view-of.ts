/** A field as the API writes it: a date as its ISO 8601 text, anything else as it is. */
export type AsWritten<V> = V extends Date ? string : V;

/**
 * The named fields of a row, in the order given, dates written as ISO 8601: most views are a row
 * with its dates as text, and listing the fields once keeps a view's shape and its mapping together.
 */
export function viewOf<T, K extends keyof T>(row: T, fields: readonly K[]): { [P in K]: AsWritten<T[P]> } {
  const view: Partial<Record<K, unknown>> = {};
  for (const field of fields) {
    const value = row[field];
    view[field] = value instanceof Date ? value.toISOString() : value;
  }
  return view as { [P in K]: AsWritten<T[P]> };
}
