import { DiscoveryService } from '@nestjs/core';
import type { EventDefinition, EventEnvelope } from '@vigie/contracts';
import type { EntityManager } from 'typeorm';

/** Runs `callback` once the transaction of the handled events has committed. */
export type AfterCommit = (callback: () => void) => void;

/**
 * Applies one validated event, inside the transaction that records it as handled (with the other
 * events of its batch). It must not commit side effects outside `manager`; what should happen only
 * once they are durable (waking a sender…) goes through `afterCommit`.
 */
export type EventHandler<P> = (
  event: EventEnvelope<P>,
  manager: EntityManager,
  afterCommit: AfterCommit,
) => Promise<void>;

/** Found by EventConsumer at start-up; `Consumes` is its typed face. */
export const ConsumesMarker = DiscoveryService.createDecorator<EventDefinition<object>>();

/**
 * Makes the decorated method of a provider or controller the service's handler of an event: the
 * service's consumer subscribes to the event's topic and calls the method for each valid event,
 * once. One handler per topic and service.
 */
export function Consumes<P extends object>(definition: EventDefinition<P>) {
  return <M extends EventHandler<P>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    ConsumesMarker(definition)(target, key, descriptor);
  };
}
