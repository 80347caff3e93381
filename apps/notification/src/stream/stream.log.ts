import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  appendEvents,
  eventsAfter,
  streamHead,
  type EventCopies,
  type StoredStreamEvent,
} from './stream-events.queries';

export type { StoredStreamEvent };

/** The channel a committed append is announced on; the payload is the organisation id. */
export const STREAM_CHANNEL = 'notification_stream';

/**
 * One message for several organisations, each with its own copy. `type` is the SSE event name
 * (`alert.routed`, `alert.escalated`, `broadcast.routed`, `alert.acknowledged`,
 * `broadcast.acknowledged`); `subjectId` the alert or broadcast: an organisation gets one event
 * per type and subject.
 */
export type StreamAppend = EventCopies;

/**
 * A stream subject derived from `seed`, shaped as a UUID: the same seed gives the same subject,
 * so appending the same message again (a replay) adds nothing.
 */
export function stableSubjectId(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Each organisation's stream is a numbered log. An append takes the organisation's next number
 * by updating its head row, which stays locked until the transaction ends: an organisation's
 * events therefore commit in the order of their numbers, and a reader that saw number n has
 * seen every event before it. A replay is "everything after n", exactly once.
 */
@Injectable()
export class StreamLog {
  /**
   * Appends each organisation's copy of each message to its log, skipping organisations that
   * already have that message, in one statement whatever their number. The appends are
   * announced with pg_notify, which is delivered at commit: a listener never wakes for an event
   * it cannot read yet.
   */
  async appendAll(manager: EntityManager, appends: StreamAppend | readonly StreamAppend[]): Promise<void> {
    await appendEvents(manager, Array.isArray(appends) ? appends : [appends], STREAM_CHANNEL);
  }

  /** The organisation's latest number (0 before its first event): where a new subscriber starts. */
  head(manager: EntityManager, organisationId: string): Promise<string> {
    return streamHead(manager, organisationId);
  }

  after(manager: EntityManager, organisationId: string, seq: string, limit: number): Promise<StoredStreamEvent[]> {
    return eventsAfter(manager, organisationId, seq, limit);
  }
}
