import { HttpStatus } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, InvalidRequestError } from '@vigie/platform';
import { capSender, readCapReferences } from '../cap/cap-references';
import { matchReferences, type ReferenceMatch } from './alerts.queries';

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
  manager: EntityManager,
  organisationId: string,
  entries: readonly string[],
): Promise<string> {
  const { references, problems } = readCapReferences(entries);
  if (problems.length > 0) throw new InvalidRequestError(problems);
  return chainOf(await matchReferences(manager, organisationId, capSender(organisationId), references));
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
