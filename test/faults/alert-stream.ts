import { randomUUID } from 'node:crypto';
import { setTimeout as pause } from 'node:timers/promises';
import { waitFor } from '@vigie/testing';

/** One message of the stream: an alert, an update or a cancellation, told apart by its `note`. */
export interface StreamItem {
  n: number;
  /** Written in the message's CAP `note`: finds what ingestion stored for this request. */
  marker: string;
  idempotencyKey: string;
  /** The id answered with 201, once accepted. */
  alertId?: string;
  /** The 201 came from the idempotency record of an earlier attempt. */
  replayed: boolean;
  /** Why the client gave up on it (never accepted). */
  refused?: string;
}

export interface Attempt {
  n: number;
  startedAt: number;
  endedAt: number;
  outcome: number | 'network error';
}

export interface AlertStreamOptions {
  /** Base URL of alert-ingestion. */
  url: string;
  key: string;
  /** Tells this stream's markers apart from other streams'. */
  name: string;
  count: number;
  /** The n-th request (n from 0); its body must carry `note: marker`. */
  message: (n: number, marker: string) => { path: string; body: object };
  /** Clients posting at once (each one request at a time). */
  concurrency?: number;
  /** Pause between two requests of one client: the stream's pace. */
  intervalMs: number;
  /** How long a client keeps retrying one message before giving up. */
  retryForMs?: number;
}

const REQUEST_TIMEOUT_MS = 15_000;
const MAX_RETRY_PAUSE_MS = 2_000;

/**
 * Clients posting messages to ingestion at a steady pace, the way a partner's alarm centre
 * should: each message has its own Idempotency-Key, and a network error or a 5xx answer is
 * retried with the same key and body (after Retry-After, capped at 2 s) until 201 or a deadline.
 */
export class AlertStream {
  readonly items: StreamItem[];
  readonly attempts: Attempt[] = [];
  readonly done: Promise<void>;
  /** Requests sent and not answered yet. */
  inFlight = 0;
  private next = 0;

  private constructor(private readonly options: AlertStreamOptions) {
    const run = randomUUID();
    this.items = Array.from({ length: options.count }, (_, n) => ({
      n,
      marker: `fault-stream ${options.name} ${run} #${n}`,
      idempotencyKey: `fault-${options.name}-${run}-${n}`,
      replayed: false,
    }));
    this.done = Promise.all(Array.from({ length: options.concurrency ?? 1 }, () => this.client())).then(() => {});
  }

  static start(options: AlertStreamOptions): AlertStream {
    return new AlertStream(options);
  }

  get accepted(): StreamItem[] {
    return this.items.filter((item) => item.alertId !== undefined);
  }

  /** Resolves once the first `count` messages have been sent at least once. */
  reached(count: number, timeoutMs = 60_000): Promise<true> {
    return waitFor(() => this.next >= count, {
      what: `the stream ${this.options.name} to send ${count} messages`,
      timeoutMs,
      intervalMs: 20,
    });
  }

  /** Answers received between two instants, for requests sent after the first. */
  attemptsWithin(from: number, to: number): Attempt[] {
    return this.attempts.filter((attempt) => attempt.startedAt >= from && attempt.endedAt <= to);
  }

  private async client(): Promise<void> {
    for (let n = this.next++; n < this.options.count; n = this.next++) {
      await this.send(this.items[n]);
      await pause(this.options.intervalMs);
    }
  }

  private async send(item: StreamItem): Promise<void> {
    const { path, body } = this.options.message(item.n, item.marker);
    const deadline = Date.now() + (this.options.retryForMs ?? 90_000);
    for (let attempt = 1; ; attempt++) {
      const startedAt = Date.now();
      let outcome: Attempt['outcome'] = 'network error';
      let retryAfterMs = 0;
      this.inFlight += 1;
      try {
        const response = await fetch(`${this.options.url}${path}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${this.options.key}`,
            'content-type': 'application/json',
            'idempotency-key': item.idempotencyKey,
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        outcome = response.status;
        const answer = (await response.json().catch(() => ({}))) as { id?: string };
        if (response.status === 201) {
          item.alertId = answer.id;
          item.replayed = response.headers.get('idempotent-replayed') === 'true';
        }
        retryAfterMs = Number(response.headers.get('retry-after') ?? 0) * 1000;
      } catch {
        // refused, reset or timed out: the request may or may not have been handled
      } finally {
        this.inFlight -= 1;
      }
      this.attempts.push({ n: item.n, startedAt, endedAt: Date.now(), outcome });
      if (outcome === 201) return;
      if (typeof outcome === 'number' && outcome < 500) {
        item.refused = `HTTP ${outcome}`;
        return;
      }
      if (Date.now() > deadline) {
        item.refused = `gave up after ${attempt} attempts (last: ${outcome})`;
        return;
      }
      await pause(Math.min(retryAfterMs || 100 * 2 ** attempt, MAX_RETRY_PAUSE_MS));
    }
  }
}
