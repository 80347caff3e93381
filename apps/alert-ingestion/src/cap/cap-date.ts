import { isISO8601 } from 'class-validator';

/**
 * CAP 1.2 date-times: `YYYY-MM-DDThh:mm:ss` followed by the offset `±hh:mm`, no fractional
 * seconds, never "Z"; the spec writes UTC as "-00:00".
 */
const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:[.,]\d+)?(Z|[+-]\d{2}:?\d{2})$/;
const CAP_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

const UTC = '-00:00';

/** True for a value already written the way CAP 1.2 requires. */
export function isCapDateTime(value: string): boolean {
  return CAP_DATE_TIME.test(value) && isISO8601(value, { strict: true });
}

function utc(instant: Date): string {
  return `${instant.toISOString().slice(0, 19)}${UTC}`;
}

/**
 * The CAP form of a date-time. A value with an offset keeps its local time and offset
 * (fractional seconds dropped); anything else JavaScript reads as an instant is written in
 * UTC. Undefined when the value is no date at all.
 */
export function toCapDateTime(value: string | Date): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : utc(value);
  const match = WITH_OFFSET.exec(value);
  if (match && isISO8601(value, { strict: true })) {
    const [, local, zone] = match;
    const offset = zone === 'Z' ? UTC : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    return `${local}${/^[+-]00:00$/.test(offset) ? UTC : offset}`;
  }
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : utc(instant);
}

/** Whether a date-time names its zone (an offset or "Z"), so it is one instant everywhere. */
export function hasExplicitZone(value: string): boolean {
  return WITH_OFFSET.test(value) && isISO8601(value, { strict: true });
}
