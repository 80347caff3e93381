/*
 * A routing rule is plain data — id, description, conditions, selector, optional TLP — so that
 * the rules operators store in PostgreSQL run beside the defaults without new code.
 */
import {
  severityAtLeast,
  type AlertCertainty,
  type AlertEventCode,
  type AlertFacts,
  type AlertSeverity,
  type AlertStatus,
  type AlertUrgency,
  type OrganisationKind,
  type Sector,
  type Tlp,
} from '@vigie/contracts';

/** What a rule's conditions look at: the alert's classification, label and sender's sector. */
export interface RuleFacts extends AlertFacts {
  urgency: AlertUrgency;
  certainty: AlertCertainty;
  tlp: Tlp;
}

/** Every field present must hold; an absent field imposes nothing. */
export interface RuleCondition {
  statuses?: AlertStatus[];
  minimumSeverity?: AlertSeverity;
  eventCodes?: AlertEventCode[];
  departments?: string[];
  urgencies?: AlertUrgency[];
  certainties?: AlertCertainty[];
  /** The sender's sector. */
  sectors?: Sector[];
  tlps?: Tlp[];
}

/** Whom a rule selects, before the constraints (activity, opt-in, entitlement, TLP) apply. */
export type RecipientSelector =
  /** Organisations of these kinds competent for the alert's département. */
  | { type: 'competent'; kinds: OrganisationKind[] }
  /** Every organisation of these kinds, wherever it operates (e.g. the national level). */
  | { type: 'kinds'; kinds: OrganisationKind[] }
  /** Organisations with a subscription covering the département, if entitled there. */
  | { type: 'subscribers' }
  /** The organisations the sender named, if entitled in the département. */
  | { type: 'named' }
  /** Fixed organisations, if entitled in the département: a need to know under TLP:AMBER. */
  | { type: 'organisations'; organisationIds: string[] }
  /** The partners a broadcast is meant for (its audience: sectors, conventions, event code). */
  | { type: 'audience' };

export interface RoutingRule {
  id: string;
  description: string;
  /** The rule applies when any condition holds; an empty list means always. */
  when: RuleCondition[];
  select: RecipientSelector;
  /** A label the rule imposes on what it routes; the more restrictive of it and the alert's wins. */
  tlp?: Tlp;
}

export function conditionHolds(condition: RuleCondition, alert: RuleFacts): boolean {
  if (condition.statuses && !condition.statuses.includes(alert.status)) return false;
  if (condition.minimumSeverity && !severityAtLeast(alert.severity, condition.minimumSeverity)) return false;
  if (condition.eventCodes && !condition.eventCodes.includes(alert.event)) return false;
  if (condition.departments && !condition.departments.includes(alert.department)) return false;
  if (condition.urgencies && !condition.urgencies.includes(alert.urgency)) return false;
  if (condition.certainties && !condition.certainties.includes(alert.certainty)) return false;
  if (condition.sectors && (alert.sector === null || !condition.sectors.includes(alert.sector))) return false;
  if (condition.tlps && !condition.tlps.includes(alert.tlp)) return false;
  return true;
}

export function ruleApplies(rule: RoutingRule, alert: RuleFacts): boolean {
  return rule.when.length === 0 || rule.when.some((condition) => conditionHolds(condition, alert));
}
