import type { Caller } from '@vigie/access';
import { ApiKeyRole, OrganisationKind, STATE_KINDS } from '@vigie/contracts';

export interface ManagedOrganisation {
  id: string;
  kind: OrganisationKind;
  departments: string[];
}

/** How the audit trail names a caller (or the reader of an alert another service reported). */
export function actorOf(caller: Pick<Caller, 'organisationId' | 'keyId' | 'person'>): string {
  if (!caller.organisationId) return 'admin';
  if (caller.person) return `organisation:${caller.organisationId}/person:${caller.person.id} (${caller.person.name})`;
  return `organisation:${caller.organisationId}/key:${caller.keyId}`;
}

function isPrefectureOperator(caller: Caller): boolean {
  return caller.kind === OrganisationKind.Prefecture && caller.roles.includes(ApiKeyRole.Operator);
}

/**
 * May the caller change the organisation's standing (status, keys, convention membership)?
 * Administrators everywhere; a prefecture's operators for partners that operate only in
 * départements the prefecture is competent for. State organisations are the administrator's.
 */
export function canManage(caller: Caller, target: ManagedOrganisation): boolean {
  if (caller.isAdmin) return true;
  if (!isPrefectureOperator(caller) || STATE_KINDS.includes(target.kind)) return false;
  return target.departments.length > 0 && target.departments.every((code) => caller.departments.includes(code));
}

/** May the caller run the organisation's own records (referents, sites, subscriptions)? */
export function actsFor(caller: Caller, organisationId: string): boolean {
  return caller.isAdmin || (caller.organisationId === organisationId && caller.roles.includes(ApiKeyRole.Operator));
}

/** May the caller read the organisation? Itself, whoever manages it, administrators. */
export function canRead(caller: Caller, target: ManagedOrganisation): boolean {
  return caller.organisationId === target.id || canManage(caller, target);
}

/** Is the caller competent for the département (administrator, or its competent prefecture)? */
export function isCompetentFor(caller: Caller, department: string): boolean {
  return caller.isAdmin || (caller.kind === OrganisationKind.Prefecture && caller.departments.includes(department));
}

/**
 * May the caller read the audit trail (every organisation's)? Administrators, and the national
 * level's operators: its organisation administrators, the people who run Vigie nationally.
 */
export function canReadAudit(caller: Caller): boolean {
  return (
    caller.isAdmin || (caller.kind === OrganisationKind.NationalLevel && caller.roles.includes(ApiKeyRole.Operator))
  );
}
