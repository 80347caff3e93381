/*
 * Subscription and entitlement semantics, copied from partner-registry
 * (subscription.matches.ts) and @vigie/access (entitlement.ts) so that this module stays free
 * of Nest and of other apps. The matching must stay identical to partner-registry's: the
 * explanation function is the single source and `matchesSubscription` is derived from it.
 */
import {
  AlertSeverity,
  AlertStatus,
  OrganisationKind,
  STATE_KINDS,
  type AlertEventCode,
  type ConventionMembershipState,
  type Sector,
  type SubscriptionState,
} from '@vigie/contracts';

export type SubscriptionCriteria = Pick<
  SubscriptionState,
  'departments' | 'eventCodes' | 'minimumSeverity' | 'sectors' | 'includeExercises'
>;

/** What a subscription is matched against. */
export interface AlertFacts {
  department: string;
  event: AlertEventCode;
  severity: AlertSeverity;
  /** The sender's sector; null for a State sender or an unknown one. */
  sector: Sector | null;
  status: AlertStatus;
}

/** CAP severities from lowest to highest; Unknown is the lowest. */
const SEVERITY_RANK: Record<AlertSeverity, number> = {
  [AlertSeverity.Unknown]: 0,
  [AlertSeverity.Minor]: 1,
  [AlertSeverity.Moderate]: 2,
  [AlertSeverity.Severe]: 3,
  [AlertSeverity.Extreme]: 4,
};

export function severityAtLeast(severity: AlertSeverity, minimum: AlertSeverity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[minimum];
}

/** Why the alert falls outside the subscription, or null when it falls within it. */
export function subscriptionMismatch(subscription: SubscriptionCriteria, alert: AlertFacts): string | null {
  if (!subscription.departments.includes(alert.department)) {
    return `subscription does not cover département ${alert.department}`;
  }
  if (subscription.eventCodes.length > 0 && !subscription.eventCodes.includes(alert.event)) {
    return `subscription does not include event ${alert.event}`;
  }
  if (!severityAtLeast(alert.severity, subscription.minimumSeverity)) {
    return `subscription minimum severity ${subscription.minimumSeverity} (alert is ${alert.severity})`;
  }
  if (subscription.sectors.length > 0 && (alert.sector === null || !subscription.sectors.includes(alert.sector))) {
    return `subscription does not include sector ${alert.sector ?? '(none)'}`;
  }
  switch (alert.status) {
    case AlertStatus.Actual:
      return null;
    case AlertStatus.Exercise:
      return subscription.includeExercises ? null : 'subscription does not include exercises';
    default:
      return `${alert.status} messages never go to subscribers`;
  }
}

export function matchesSubscription(subscription: SubscriptionCriteria, alert: AlertFacts): boolean {
  return subscriptionMismatch(subscription, alert) === null;
}

export interface EntitledOrganisation {
  kind: OrganisationKind;
  departments: string[];
  conventions: ConventionMembershipState[];
}

/**
 * May the organisation share in the département? A partner must be a member of a convention
 * deployed there; a State organisation where it is competent; the national level everywhere.
 */
export function isEntitledIn(organisation: EntitledOrganisation, department: string): boolean {
  if (organisation.kind === OrganisationKind.NationalLevel) return true;
  if (STATE_KINDS.includes(organisation.kind)) return organisation.departments.includes(department);
  return organisation.conventions.some((convention) => convention.departments.includes(department));
}

export function isStateKind(kind: OrganisationKind): boolean {
  return STATE_KINDS.includes(kind);
}
