import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { appendEvents, eventsAfter, streamHead, type StoredStreamEvent } from './stream-events.queries';

export type { StoredStreamEvent };

/** The channel a committed append is announced on; the payload is the organisation id. */
export const STREAM_CHANNEL = 'notification_stream';

/** One message for several organisations, each with its own copy. */
export interface StreamAppend {
  /** SSE event name: `alert.routed`, `alert.escalated`, `broadcast.routed`, `alert.acknowledged`, `broadcast.acknowledged`. */
  type: string;
  /** The alert or broadcast the event is about: an organisation gets one event per type and subject. */
  subjectId: string;
  entries: { organisationId: string; data: Record<string, unknown> }[];
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
   * Appends each organisation's copy to its log, skipping organisations that already have this
   * event, in one statement whatever their number. Head rows are locked in organisation order, so
   * two transactions appending for overlapping organisations wait for each other instead of
   * deadlocking. The appends are announced with pg_notify, which is delivered at commit: a
   * listener never wakes for an event it cannot read yet.
   */
  async appendAll(manager: EntityManager, append: StreamAppend): Promise<void> {
    if (append.entries.length === 0) return;
    const entries = [...append.entries].sort((a, b) => (a.organisationId < b.organisationId ? -1 : 1));
    await appendEvents(manager, { ...append, entries }, STREAM_CHANNEL);
  }

  /** The organisation's latest number (0 before its first event): where a new subscriber starts. */
  head(manager: EntityManager, organisationId: string): Promise<string> {
    return streamHead(manager, organisationId);
  }

  after(manager: EntityManager, organisationId: string, seq: string, limit: number): Promise<StoredStreamEvent[]> {
    return eventsAfter(manager, organisationId, seq, limit);
  }
}
