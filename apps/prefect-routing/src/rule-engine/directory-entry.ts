import type {
  ConventionMembershipState,
  OrganisationKind,
  OrganisationStatus,
  Sector,
  SubscriptionState,
} from '@vigie/contracts';

/** An organisation as the routing service knows it, from partner.changed.v1. */
export interface DirectoryEntry {
  id: string;
  name: string;
  kind: OrganisationKind;
  status: OrganisationStatus;
  /** Where it operates; for a prefecture, the départements it is competent for. */
  departments: string[];
  sector: Sector | null;
  conventions: ConventionMembershipState[];
  subscriptions: Pick<
    SubscriptionState,
    'id' | 'departments' | 'eventCodes' | 'minimumSeverity' | 'sectors' | 'includeExercises'
  >[];
  /** Whether Exercise and Test messages may reach it; derived from subscriptions when absent. */
  acceptsExercises?: boolean;
}

/**
 * An organisation opts in to exercises through a subscription that includes them. State
 * recipients follow the same rule: a prefecture that never asked for exercises must not see
 * one land among its real alerts.
 */
export function acceptsExercises(entry: DirectoryEntry): boolean {
  return entry.acceptsExercises ?? entry.subscriptions.some((subscription) => subscription.includeExercises);
}
