import { severityAtLeast, type AlertFacts } from '@vigie/contracts';
/*
 * A routing rule is plain data — id, description, conditions, selector, optional TLP — so that
 * rules stored by operators can later sit beside the defaults without new code.
 */
import type { AlertEventCode, AlertSeverity, AlertStatus, OrganisationKind, Tlp } from '@vigie/contracts';

/** Every field present must hold; an absent field imposes nothing. */
export interface RuleCondition {
  statuses?: AlertStatus[];
  minimumSeverity?: AlertSeverity;
  eventCodes?: AlertEventCode[];
  departments?: string[];
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
  /** Fixed organisations, if entitled in the département. */
  | { type: 'organisations'; organisationIds: string[] };

export interface RoutingRule {
  id: string;
  description: string;
  /** The rule applies when any condition holds; an empty list means always. */
  when: RuleCondition[];
  select: RecipientSelector;
  /** A label the rule imposes on what it routes; the more restrictive of it and the alert's wins. */
  tlp?: Tlp;
}

export function conditionHolds(condition: RuleCondition, alert: AlertFacts): boolean {
  if (condition.statuses && !condition.statuses.includes(alert.status)) return false;
  if (condition.minimumSeverity && !severityAtLeast(alert.severity, condition.minimumSeverity)) return false;
  if (condition.eventCodes && !condition.eventCodes.includes(alert.event)) return false;
  if (condition.departments && !condition.departments.includes(alert.department)) return false;
  return true;
}

export function ruleApplies(rule: RoutingRule, alert: AlertFacts): boolean {
  return rule.when.length === 0 || rule.when.some((condition) => conditionHolds(condition, alert));
}
