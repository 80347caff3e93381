/**
 * `message_contents`: what every recipient of one distributed message sees alike (its type, the
 * alert or broadcast), stored once. Deliveries and stream events that carry it name it by
 * `content_id` and hold only their own part; a read lays that part over the content
 * (`content || part`, a jsonb merge), so every read and every attempt gives the same bytes.
 */

export interface MessageContent {
  id: string;
  data: Record<string, unknown>;
}

/** The CTE `contents`: stores the contents of a JSON document (`document`, ADR 48). */
export function insertedContents(document: string): string {
  return `contents AS (
           INSERT INTO message_contents (id, data)
           SELECT id, data FROM jsonb_to_recordset(${document}::jsonb) AS c(id uuid, data jsonb) ON CONFLICT (id) DO NOTHING)`;
}

type JsonObject = Record<string, unknown>;

const ASCII = /^[ -~]*$/;

/** jsonb's order of an object's keys: shorter (in bytes) first, then byte by byte (printable ASCII compares alike). */
function jsonbKeyOrder(a: string, b: string): number {
  if (ASCII.test(a) && ASCII.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  return Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b));
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as JsonObject).toJSON !== 'function';

/**
 * A JSON value as PostgreSQL's jsonb gives it back: every object's keys in jsonb's order. A body
 * composed here then serialises to the bytes its row reads back as, so that every attempt of a
 * delivery, whether composed at write or claimed later, sends the same bytes (ADR 48).
 */
export function asStored(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asStored);
  if (!isObject(value)) return value;
  const keys = Object.keys(value).sort(jsonbKeyOrder);
  return Object.fromEntries(keys.map((key) => [key, asStored(value[key])]));
}

/**
 * A row's whole data composed in the service, as `withContent` composes it in SQL: its own part
 * laid over its content (`content` already `asStored`, `part` as written).
 */
export function overlaid(content: JsonObject, part: JsonObject): JsonObject {
  const whole: JsonObject = { ...content, ...(asStored(part) as JsonObject) };
  return Object.fromEntries(
    Object.keys(whole)
      .sort(jsonbKeyOrder)
      .map((key) => [key, whole[key]]),
  );
}

/** The SQL of a row's whole data: its own part laid over its content, when it has one. */
export function withContent(part: string, contentAlias: string): string {
  return `coalesce(${contentAlias}.data || ${part}, ${part})`;
}
