import { CAP_LIMITS } from '@vigie/contracts';
import type { FieldError } from '@vigie/platform';
import { hasExplicitZone, toCapDateTime } from './cap-date';

/*
 * CAP 1.2 `references` (§3.2.1): the earlier messages an Update or a Cancel changes, each
 * written `sender,identifier,sent`, entries separated by whitespace.
 */

/** How Vigie names an organisation as a CAP sender (and in CAP `addresses`). */
export const ORGANISATION_SENDER_PREFIX = 'vigie:organisation:';

/** One entry of CAP `references`, read. */
export interface CapReference {
  sender: string;
  identifier: string;
  /** The instant `sent` names (CAP date-times have no fraction: to the second). */
  sent: Date;
}

/** CAP `sender` for an organisation: stable, and never a person's address. */
export function capSender(organisationId: string): string {
  return `${ORGANISATION_SENDER_PREFIX}${organisationId}`;
}

/** A CAP `references` entry: `sender,identifier,sent` of an earlier message, `sent` as CAP writes it. */
export function capReference(message: { sender: string; identifier: string; sent: string }): string {
  return `${message.sender},${message.identifier},${toCapDateTime(new Date(message.sent))}`;
}

/** The entries of a CAP `references` element: whitespace separates them. */
export function referenceEntries(text: string | undefined): string[] {
  return text ? text.split(/\s+/).filter(Boolean) : [];
}

const FORBIDDEN_IN_TOKEN = /[\s<&]/;

function readEntry(entry: string): CapReference | string {
  const parts = entry.split(',');
  if (parts.length !== 3) return 'each reference must be sender,identifier,sent';
  const [sender, identifier, sent] = parts;
  if (!sender || !identifier) return 'the sender and the identifier of a reference must not be empty';
  if (FORBIDDEN_IN_TOKEN.test(sender) || FORBIDDEN_IN_TOKEN.test(identifier)) {
    return 'the sender and the identifier of a reference must not contain spaces, < or &';
  }
  const written = hasExplicitZone(sent) ? toCapDateTime(sent) : undefined;
  if (!written)
    return 'the sent of a reference must be a date and time with its time zone, e.g. 2026-11-28T01:12:00+01:00';
  return { sender, identifier, sent: new Date(written) };
}

/**
 * The references of a message, read in order, with a problem for each entry that is not
 * `sender,identifier,sent` (fields `references.<index>`).
 */
export function readCapReferences(entries: readonly string[]): { references: CapReference[]; problems: FieldError[] } {
  const references: CapReference[] = [];
  const problems: FieldError[] = [];
  if (entries.length > CAP_LIMITS.references) {
    problems.push({ field: 'references', problems: [`at most ${CAP_LIMITS.references} references`] });
  }
  entries.slice(0, CAP_LIMITS.references).forEach((entry, index) => {
    const read = readEntry(entry);
    if (typeof read === 'string') problems.push({ field: `references.${index}`, problems: [read] });
    else references.push(read);
  });
  return { references, problems };
}
