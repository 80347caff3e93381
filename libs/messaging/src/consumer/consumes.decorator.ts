import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { EventDefinition, EventEnvelope } from '@vigie/contracts';

/** What a handler may add to the transaction it shares with the other events of its batch. */
export interface ConsumerTransaction {
  /**
   * Runs `work` in the transaction once every event of the batch has been handled, just before the
   * commit, in the order registered: for statements that lock rows other transactions also need,
   * which then stay locked only until the commit rather than for the rest of the batch.
   */
  beforeCommit(work: (manager: EntityManager) => Promise<void>): void;
  /** Runs `callback` once the transaction has committed (waking a sender…). */
  afterCommit(callback: () => void): void;
}

/**
 * Applies one validated event, inside the transaction that records it as handled (with the other
 * events of its batch). It must not commit side effects outside `manager`.
 */
export type EventHandler<P> = (
  event: EventEnvelope<P>,
  manager: EntityManager,
  transaction: ConsumerTransaction,
) => Promise<void>;

export interface ConsumesOptions {
  /**
   * The handler's effects are idempotent by themselves (inserts that ignore conflicts, say) and
   * it writes with one statement per batch: its events are then not recorded in the inbox, and it
   * runs outside a transaction, each statement its own (ADR 58). A redelivered event is applied
   * again, to no effect. Default false: the inbox and one transaction per batch.
   */
  idempotent?: boolean;
}

/** Found by EventConsumer at start-up; `Consumes` is its typed face. */
export const ConsumesMarker = DiscoveryService.createDecorator<{
  definition: EventDefinition<object>;
  options: ConsumesOptions;
}>();

/**
 * Makes the decorated method of a provider or controller the service's handler of an event: the
 * service's consumer subscribes to the event's topic and calls the method for each valid event,
 * once. One handler per topic and service.
 */
export function Consumes<P extends object>(definition: EventDefinition<P>, options: ConsumesOptions = {}) {
  return <M extends EventHandler<P>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    ConsumesMarker({ definition: definition, options })(target, key, descriptor);
  };
}
