import { DECORATORS } from '@nestjs/swagger';

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

/**
 * The fields a view class documents with `@ApiProperty`, in the order declared: for a view that is
 * its row's fields as they are, so that the fields are listed once, where the API description
 * takes them from, and a documented field cannot be left out of the answer.
 */
export function documentedFields<V>(view: abstract new () => V): (keyof V & string)[] {
  const fields: unknown = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, view.prototype as object);
  // Swagger keeps each property as `:name`.
  return ((fields as string[] | undefined) ?? []).map((field) => field.slice(1) as keyof V & string);
}
