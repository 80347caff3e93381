/*
 * Who may read and change routing rules. Administrators change any rule; a prefecture writes
 * its own rules, each condition limited to départements it is competent for, so that a rule
 * can never reach beyond its competence. Rules are read by the State and administrators.
 */
import type { Caller } from '@vigie/access';
import { OrganisationKind, isStateKind } from '@vigie/contracts';
import type { RuleCondition } from '../rule-engine';

export function mayReadRules(caller: Caller): boolean {
  return caller.isAdmin || (caller.kind !== null && isStateKind(caller.kind));
}

export interface RuleOwnership {
  builtin: boolean;
  ownerOrganisationId: string | null;
}

/** Why the caller may not write a rule with these conditions over `existing`; null when it may. */
export function ruleWriteRefusal(
  caller: Caller,
  conditions: readonly RuleCondition[],
  existing?: RuleOwnership,
): string | null {
  if (caller.isAdmin) return null;
  if (caller.kind !== OrganisationKind.Prefecture) return 'only administrators and prefectures write routing rules';
  if (existing?.builtin) return 'a default rule: only an administrator changes it';
  if (existing && existing.ownerOrganisationId !== caller.organisationId)
    return 'the rule belongs to another organisation';
  if (conditions.length === 0) {
    return "a prefecture's rule must be limited to its départements: give it at least one condition with departments";
  }
  for (const condition of conditions) {
    if (!condition.departments || condition.departments.length === 0) {
      return "every condition of a prefecture's rule must list départements";
    }
    const outside = condition.departments.filter((department) => !caller.departments.includes(department));
    if (outside.length > 0) return `outside the prefecture's competence: département ${outside.join(', ')}`;
  }
  return null;
}

/** Deleting is changing to nothing: the same ownership applies. */
export function ruleDeleteRefusal(caller: Caller, existing: RuleOwnership): string | null {
  if (caller.isAdmin) return null;
  if (caller.kind !== OrganisationKind.Prefecture) return 'only administrators and prefectures write routing rules';
  if (existing.builtin) return 'a default rule: only an administrator changes it';
  if (existing.ownerOrganisationId !== caller.organisationId) return 'the rule belongs to another organisation';
  return null;
}
