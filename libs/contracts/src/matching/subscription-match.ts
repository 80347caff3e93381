/**
 * What a subscription matches, the one definition the registry and routing share: département,
 * event code (none = all), minimum severity (Unknown lowest), sector (none = all), and exercises
 * only when asked for; Test, System and Draft never go to subscribers.
 */
import { AlertSeverity, AlertStatus, type AlertEventCode, type Sector, type SubscriptionState } from '../index';

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
