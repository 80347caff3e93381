import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsObject, IsOptional, IsUUID, Min } from 'class-validator';
import { v7 as uuidv7 } from 'uuid';
import { Instant, Text } from './events/payload-fields';
import type { Topic } from './topics';

/** The one envelope every Vigie message travels in. */
export interface EventEnvelope<P = unknown> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  producer: string;
  correlationId: string;
  causationId: string | null;
  payload: P;
}

/** Validation shape of an incoming envelope; the payload is validated by its own class. */
export class EnvelopeShape implements EventEnvelope<unknown> {
  @IsUUID() id: string;
  @Text() type: string;
  @Type(() => Number) @IsInt() @Min(1) version: number;
  @Instant() occurredAt: string;
  @Text() producer: string;
  @IsUUID() correlationId: string;
  @IsOptional() @IsUUID() causationId: string | null;
  @IsDefined() @IsObject() payload: unknown;
}

/** Binds an event type and version to its topic and payload class. */
export interface EventDefinition<P extends object> {
  type: string;
  version: number;
  topic: Topic;
  payload: new () => P;
}

/**
 * Binds an event to its topic and payload class. Vigie's topics are named `<type>.v<version>`
 * (topics.ts), so given a topic it reads the type and version from the name: they cannot
 * disagree. A definition stated in full (a test's own topic) is taken as it is.
 */
export function defineEvent<P extends object>(topic: Topic, payload: new () => P): EventDefinition<P>;
export function defineEvent<P extends object>(definition: EventDefinition<P>): EventDefinition<P>;
export function defineEvent<P extends object>(
  topicOrDefinition: Topic | EventDefinition<P>,
  payload?: new () => P,
): EventDefinition<P> {
  if (typeof topicOrDefinition !== 'string') return topicOrDefinition;
  const named = /^(.+)\.v([1-9]\d*)$/.exec(topicOrDefinition);
  if (!named || !payload) throw new Error(`topic ${topicOrDefinition} is not named <type>.v<version>`);
  return { type: named[1], version: Number(named[2]), topic: topicOrDefinition, payload };
}

export interface EnvelopeOrigin {
  producer: string;
  /** The request or event this one stems from; a new chain starts when absent. */
  correlationId?: string;
  causationId?: string | null;
  occurredAt?: Date;
}

export function newEventId(): string {
  return uuidv7();
}

export function createEnvelope<P extends object>(
  definition: EventDefinition<P>,
  payload: P,
  origin: EnvelopeOrigin,
): EventEnvelope<P> {
  const id = newEventId();
  return {
    id,
    type: definition.type,
    version: definition.version,
    occurredAt: (origin.occurredAt ?? new Date()).toISOString(),
    producer: origin.producer,
    correlationId: origin.correlationId ?? id,
    causationId: origin.causationId ?? null,
    payload,
  };
}
