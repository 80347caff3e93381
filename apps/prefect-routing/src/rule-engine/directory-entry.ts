import type { PartnerChangedV1Payload, SubscriptionCriteria, SubscriptionState } from '@vigie/contracts';

/** An organisation as the routing service knows it: the fields of partner.changed.v1 it routes by. */
export interface DirectoryEntry extends Pick<
  PartnerChangedV1Payload,
  'name' | 'kind' | 'status' | 'departments' | 'sector' | 'conventions'
> {
  id: string;
  subscriptions: (Pick<SubscriptionState, 'id'> & SubscriptionCriteria)[];
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
