import { createHash } from 'node:crypto';
import { Injectable, Logger, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Outbox } from '@vigie/messaging';
import { afterCommit } from '@vigie/persistence';
import {
  announceAppends,
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
  private readonly logger = new Logger(StreamLog.name);
  private readonly local: ((organisations: readonly string[]) => void)[] = [];

  /** Without an outbox (a test's log), every append is announced by NOTIFY. */
  constructor(@Optional() private readonly outbox?: Outbox) {}

  /**
   * Told, once each append committed, of the organisations whose logs grew, when this instance
   * runs alone: the stream hub of this process, then the only one to wake.
   */
  onLocalAppend(listener: (organisations: readonly string[]) => void): void {
    this.local.push(listener);
  }

  /**
   * Appends each organisation's copy of each message to its log, skipping organisations that
   * already have that message, in one statement whatever their number. The appends are
   * announced once the transaction has committed, so a listener never wakes for an event it
   * cannot read yet, and outside it: a transaction that NOTIFYs holds a lock every NOTIFYing
   * commit of the server waits for, through its WAL flush (ADR 50). An announcement lost (a
   * crash between the two) costs the subscribers a second: the hub's tick reads on its own.
   */
  async appendAll(manager: EntityManager, appends: StreamAppend | readonly StreamAppend[]): Promise<void> {
    this.announceAfterCommit(manager, await appendEvents(manager, Array.isArray(appends) ? appends : [appends]));
  }

  /**
   * Announces, once the transaction has committed, that these organisations' logs grew, for an
   * append made within a larger statement (`appendedEvents`, as a batch of distributions writes).
   */
  announceAfterCommit(manager: EntityManager, organisations: readonly string[]): void {
    if (organisations.length === 0) return;
    const dataSource = manager.connection;
    afterCommit(manager, () => {
      // Alone, this process's hub is the only listener: woken here, without a NOTIFY (ADR 63).
      if (this.outbox?.alone) {
        for (const listener of this.local) listener(organisations);
        return;
      }
      announceAppends(dataSource, STREAM_CHANNEL, organisations).catch((error: unknown) =>
        this.logger.warn(
          `stream appends not announced (${(error as Error).message}); subscribers read them on the next tick`,
        ),
      );
    });
  }

  /** The organisation's latest number (0 before its first event): where a new subscriber starts. */
  head(manager: EntityManager, organisationId: string): Promise<string> {
    return streamHead(manager, organisationId);
  }

  after(manager: EntityManager, organisationId: string, seq: string, limit: number): Promise<StoredStreamEvent[]> {
    return eventsAfter(manager, organisationId, seq, limit);
  }
}
