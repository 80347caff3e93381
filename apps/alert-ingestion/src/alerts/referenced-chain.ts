import { HttpStatus } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DomainError, InvalidRequestError } from '@vigie/platform';
import { capSender, readCapReferences } from '../cap/cap-references';

/**
 * The reference matches a message of the caller when the identifier is the message's and the
 * sender and sent are either Vigie's (`vigie:organisation:<id>`, the acceptance time, as Vigie
 * answers and writes them) or those the submitter's own CAP document declared. Only the
 * caller's messages are searched: another organisation's message is unknown, like a missing one.
 */
const MATCHES = `
  SELECT r.position::int AS position, a.original_alert_id
  FROM unnest($2::text[], $3::text[], $4::timestamptz[]) WITH ORDINALITY AS r(sender, identifier, sent, position)
  LEFT JOIN alerts a ON a.sender_organisation_id = $1 AND a.identifier = r.identifier
    AND ((r.sender = $5 AND date_trunc('second', a.sent) = r.sent)
      OR (a.declared_sender_digest = sha256(convert_to(r.sender, 'UTF8'))
        AND date_trunc('second', a.declared_sent) = r.sent))`;

/** Refusal of references that name no message the caller sent, or messages of several alerts. */
export class CapReferenceError extends DomainError {
  constructor(code: 'unknown_reference' | 'references_across_alerts', message: string, details?: unknown) {
    super(code, message, HttpStatus.UNPROCESSABLE_ENTITY, details);
    this.name = 'CapReferenceError';
  }
}

/**
 * The alert (its original message's id) whose chain the CAP references name: every reference
 * must name a message the caller sent, and all of them messages of one alert. 400 for an entry
 * that is not `sender,identifier,sent`, 422 otherwise.
 */
export async function referencedChain(
  dataSource: DataSource,
  organisationId: string,
  entries: readonly string[],
): Promise<string> {
  const { references, problems } = readCapReferences(entries);
  if (problems.length > 0) throw new InvalidRequestError(problems);
  const rows = await dataSource.query<ReferenceMatch[]>(MATCHES, [
    organisationId,
    references.map((reference) => reference.sender),
    references.map((reference) => reference.identifier),
    references.map((reference) => reference.sent),
    capSender(organisationId),
  ]);
  return chainOf(rows);
}

/** A message a reference matched (none: `original_alert_id` null); `position` counts from 1. */
export interface ReferenceMatch {
  position: number;
  original_alert_id: string | null;
}

/**
 * The one alert the matches name; 422 naming each reference that matched nothing, or when
 * they name several alerts.
 */
export function chainOf(matches: readonly ReferenceMatch[]): string {
  const unknown = [...new Set(matches.filter((row) => !row.original_alert_id).map((row) => row.position - 1))];
  if (unknown.length > 0) {
    throw new CapReferenceError(
      'unknown_reference',
      'the references name no message your organisation sent',
      unknown.map((index) => ({ field: `references.${index}`, problems: ['names no message your organisation sent'] })),
    );
  }
  const alerts = new Set(matches.map((row) => row.original_alert_id!));
  if (alerts.size !== 1) {
    throw new CapReferenceError(
      'references_across_alerts',
      `the references name messages of ${alerts.size} different alerts; an Update or a Cancel belongs to one (POST /v1/alerts/{id}/updates or /cancel names it)`,
    );
  }
  return [...alerts][0];
}
