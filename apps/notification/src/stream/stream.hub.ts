import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Metrics } from '@vigie/observability';
import { ChannelListener } from '@vigie/persistence';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { liveKeys } from '../directory/directory.queries';
import { STREAM_CHANNEL, StreamLog, type StoredStreamEvent } from './stream.log';

const PAGE = 200;
/** A lost notification (listener reconnecting) delays an event by this much at most. */
const FALLBACK_INTERVAL_MS = 1000;

export function formatEvent(event: StoredStreamEvent): string {
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/** One open stream: it sends its organisation's events after its cursor, in order, one pump at a time. */
class Subscriber {
  private pumping: Promise<void> | null = null;
  private again = false;
  closed = false;

  constructor(
    readonly organisationId: string,
    readonly keyId: string,
    /** For a person's access token (epoch ms): the stream ends when the token does; the console reconnects. */
    readonly validUntil: number | undefined,
    private cursor: string,
    readonly out: Writable,
    private readonly read: (organisationId: string, after: string, limit: number) => Promise<StoredStreamEvent[]>,
    private readonly logger: Logger,
  ) {}

  pump(): void {
    if (this.closed) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.drain()
      .catch((error: unknown) =>
        this.logger.warn(`stream pump failed (${(error as Error).message}); next tick retries`),
      )
      .finally(() => {
        this.pumping = null;
        if (this.again) {
          this.again = false;
          this.pump();
        }
      });
  }

  write(chunk: string): void {
    if (!this.closed) this.out.write(chunk);
  }

  private async drain(): Promise<void> {
    for (;;) {
      const events = await this.read(this.organisationId, this.cursor, PAGE);
      for (const event of events) {
        if (this.closed) return;
        // The cursor moves as each event is written: a reconnect with its id resumes right after it.
        this.cursor = event.seq;
        if (!this.out.write(formatEvent(event))) await once(this.out, 'drain');
      }
      if (events.length < PAGE) return;
    }
  }
}

/**
 * Live delivery of the stream. Appends are announced by a NOTIFY once they committed (StreamLog);
 * one listening connection per instance wakes the subscribers of the organisation concerned, and
 * a 1 s tick covers lost notifications. An instance running alone wakes its own subscribers at
 * commit instead, with no NOTIFY (ADR 63).
 * Each tick of the heartbeat also checks that every subscriber's key is still valid and its
 * organisation still active: a revoked key or a suspension ends the stream.
 */
@Injectable()
export class StreamHub implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StreamHub.name);
  private readonly subscribers = new Set<Subscriber>();
  private readonly listener: ChannelListener;
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly log: StreamLog,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    metrics: Metrics,
  ) {
    this.listener = new ChannelListener({
      connectionString: config.databaseUrl,
      channel: STREAM_CHANNEL,
      applicationName: 'notification.stream',
      onNotification: (organisationId) => this.pumpAll(organisationId),
      onLost: (reason) => this.logger.warn(`stream listener lost (${reason}); polling until it reconnects`),
    });
    log.onLocalAppend((organisations) => {
      for (const organisationId of organisations) this.pumpAll(organisationId);
    });
    const subscribers = this.subscribers;
    metrics.gauge({
      name: 'vigie_sse_connections',
      help: 'Event streams (SSE) open on this instance',
      collect() {
        this.set(subscribers.size);
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.timers = [
      setInterval(() => this.pumpAll(), FALLBACK_INTERVAL_MS),
      setInterval(() => void this.heartbeat(), this.config.stream.heartbeatMs),
    ];
    for (const timer of this.timers) timer.unref();
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    // Open streams would hold the HTTP server's shutdown: end them (clients reconnect elsewhere).
    for (const subscriber of this.subscribers) {
      subscriber.closed = true;
      subscriber.out.end();
    }
    this.subscribers.clear();
    await this.listener.stop();
  }

  /** Starts sending the organisation's events numbered after `cursor` to `out`; returns the unsubscribe. */
  subscribe(input: {
    organisationId: string;
    keyId: string;
    validUntil?: number;
    cursor: string;
    out: Writable;
  }): () => void {
    const subscriber = new Subscriber(
      input.organisationId,
      input.keyId,
      input.validUntil,
      input.cursor,
      input.out,
      (organisationId, after, limit) => this.log.after(this.dataSource.manager, organisationId, after, limit),
      this.logger,
    );
    this.subscribers.add(subscriber);
    subscriber.pump();
    return () => {
      subscriber.closed = true;
      this.subscribers.delete(subscriber);
    };
  }

  private pumpAll(organisationId?: string): void {
    for (const subscriber of this.subscribers) {
      if (!organisationId || subscriber.organisationId === organisationId) subscriber.pump();
    }
  }

  private async heartbeat(): Promise<void> {
    if (this.subscribers.size === 0) return;
    try {
      const keys = [...new Set([...this.subscribers].map((subscriber) => subscriber.keyId))];
      const valid = await liveKeys(this.dataSource.manager, keys);
      for (const subscriber of this.subscribers) {
        const open =
          subscriber.validUntil === undefined ? valid.has(subscriber.keyId) : subscriber.validUntil > Date.now();
        if (open) subscriber.write(': keep-alive\n\n');
        else this.endStream(subscriber);
      }
    } catch (error) {
      this.logger.warn(`stream heartbeat failed (${(error as Error).message})`);
    }
  }

  private endStream(subscriber: Subscriber): void {
    subscriber.write('event: stream.closed\ndata: {"reason":"the API key or the organisation is no longer valid"}\n\n');
    subscriber.closed = true;
    this.subscribers.delete(subscriber);
    subscriber.out.end();
  }
}
