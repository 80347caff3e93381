import { AlertSeverity, AlertStatus, type AlertEventCode, type Sector, type SubscriptionState } from '@vigie/contracts';

/** The criteria of a subscription, as partner.changed.v1 carries them. */
export type SubscriptionCriteria = Pick<
  SubscriptionState,
  'departments' | 'eventCodes' | 'minimumSeverity' | 'sectors' | 'includeExercises'
>;

/** What a subscription is matched against. */
export interface AlertFacts {
  /** INSEE code of the département the alert concerns. */
  department: string;
  event: AlertEventCode;
  severity: AlertSeverity;
  /** The sector the alert comes from; null when it comes from no sector (a State organisation). */
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

/**
 * Does the alert fall within the subscription? Its département is one of the subscription's;
 * its event code is listed (or the list is empty); its severity reaches the minimum; its
 * sector is listed (or the list is empty — an alert from no sector only passes then). Actual
 * alerts pass, exercises only when the subscription includes them; Test, System and Draft
 * messages never go to subscribers.
 */
export function matchesSubscription(subscription: SubscriptionCriteria, alert: AlertFacts): boolean {
  if (!subscription.departments.includes(alert.department)) return false;
  if (subscription.eventCodes.length > 0 && !subscription.eventCodes.includes(alert.event)) return false;
  if (!severityAtLeast(alert.severity, subscription.minimumSeverity)) return false;
  if (subscription.sectors.length > 0 && (alert.sector === null || !subscription.sectors.includes(alert.sector))) {
    return false;
  }
  switch (alert.status) {
    case AlertStatus.Actual:
      return true;
    case AlertStatus.Exercise:
      return subscription.includeExercises;
    default:
      return false;
  }
}
