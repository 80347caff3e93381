import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CORRELATION_ID_HEADER, Metrics, startPublishSpan } from '@vigie/observability';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';
import { backoffDelay } from '../consumer/failure.policy';
import { withDeadline } from '../deadline';
import { DrainLoop } from '../drain-loop';
import { KafkaProducer } from '../kafka/kafka.producer';
import { MESSAGING_OPTIONS } from '../kafka/kafka.tokens';
import type { MessagingOptions } from '../messaging.options';
import type { OutboxRow } from './outbox';
import { readOutboxBacklog } from './outbox.backlog';
import { NO_LEASE, PublisherLease, type Lease } from './publisher-lease';

/** An event to publish, from a relay round or straight from the commit that wrote it. */
interface Publication {
  id: string;
  topic: string;
  message_key: string;
  envelope: { type: string; correlationId: string };
  headers: Record<string, string>;
  created_at: Date;
}

/** A row of a publication round: `held` says whether this round got the schema's relay lock;
 * the event's columns are null when it published nothing. */
interface RoundRow extends Omit<Publication, 'id'> {
  held: boolean;
  id: string | null;
  position: string | null;
}

/** Tries the schema's relay lock (once, materialised) and, if this round got it, marks the oldest
 * pending rows published, in the transaction that commits once Kafka has them. The same round
 * makes that commit asynchronous (`synchronous_commit` off for this transaction only): lost in a
 * crash, the mark only republishes rows Kafka already has, in their order, and consumers skip
 * events they handled (ADR 44). If the send fails the transaction rolls back. There is always a
 * first row, which says whether the lock was held. */
export const OUTBOX_PUBLISH: PreparedStatement = {
  name: 'messaging.outbox-publish',
  text: `WITH round AS MATERIALIZED (SELECT pg_try_advisory_xact_lock(hashtext($1)) AS held),
         published AS (
           UPDATE outbox SET published_at = now()
           WHERE id IN (
             SELECT id FROM outbox
             WHERE published_at IS NULL AND (SELECT held FROM round)
               AND (SELECT set_config('synchronous_commit', 'off', true) = 'off')
             ORDER BY position LIMIT $2 FOR UPDATE)
           RETURNING id, position, topic, message_key, envelope, headers, created_at)
         SELECT round.held, published.* FROM round LEFT JOIN published ON true ORDER BY published.position`,
};

/** Marks events published straight after commit, in one implicit transaction whose commit is
 * asynchronous for the reason given at OUTBOX_PUBLISH (ADR 44, ADR 52). */
export const OUTBOX_MARK: PreparedStatement = {
  name: 'messaging.outbox-mark',
  text: `UPDATE outbox SET published_at = now()
         WHERE id = ANY($1::uuid[]) AND published_at IS NULL
           AND (SELECT set_config('synchronous_commit', 'off', true) = 'off')`,
};

/** How soon a relay that found another instance publishing tries again (the other instance's
 * round may have begun before this process's rows committed), doubling while it stays busy, up
 * to the poll interval. */
export const LOCK_BUSY_RETRY_MS = 20;
/** How often the lease is looked at: the sole instance for one waiting to join (which waits
 * this long at most, plus a send), a shared one for the others gone. */
export const LEASE_CHECK_MS = 500;
/** How long events published straight after commit wait for their mark, so that one
 * transaction marks many (fewer if a batch fills first). */
export const MARK_DELAY_MS = 200;
/** How long a look at the lease may take before the instance leaves it. */
export const LEASE_ANSWER_MS = 5000;

/**
 * Publishes outbox rows to Kafka in commit order per key, across every instance of the service
 * (ADR 50, ADR 52).
 *
 * - **Alone** (the lease is `sole`), an instance sends the events its own transactions committed
 *   straight away, in commit order, and marks them published afterwards, many per transaction
 *   (MARK_DELAY_MS). No other instance publishes meanwhile: one that starts waits in the lease
 *   until this one hands over, between two sends.
 * - **With others** (`shared`), and whenever the outbox may hold rows the direct path did not
 *   see (at start, after a failed send, after a hand-over), it publishes through relay rounds:
 *   the oldest pending rows, under the schema's relay lock, marked in the transaction that
 *   commits once Kafka has them. A relay that finds the lock taken tries again shortly, since the
 *   instance holding it may have read the outbox before this one's rows committed. Once a round
 *   while sole leaves nothing behind, the direct path takes over again.
 * - A round on the poll interval catches rows written other than through Outbox.
 *
 * Rows are marked only after the broker acknowledged them (acks=-1): a crash in between
 * republishes them, and consumers are idempotent.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private loop: DrainLoop | null = null;
  private readonly lease: Lease;
  /** Rounds in a row that found the relay lock taken by another instance. */
  private busyRounds = 0;
  private readonly published: OutboxMetrics;
  /** Sole, and every row committed before `queue` began was published: new commits go straight out. */
  private direct = false;
  /** While sole: what this process committed since the current relay round began, or since the last send. */
  private queue: Publication[] = [];
  /** Published straight after commit, not yet marked; and when the first of them was sent. */
  private unmarked: string[] = [];
  private unmarkedSince = 0;
  private markTimer: NodeJS.Timeout | null = null;
  private lastPoll = 0;
  private lastLeaseCheck = 0;
  private joining: Promise<unknown> | null = null;
  private joinFailures = 0;
  private nextJoinAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: KafkaProducer,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Optional() metrics?: Metrics,
  ) {
    this.published = new OutboxMetrics(metrics ?? new Metrics(), dataSource);
    const url = (dataSource.options as { url?: string }).url ?? '';
    this.lease = !options.outbox.direct
      ? NO_LEASE
      : new PublisherLease(url, options.schema, () => {
          this.direct = false;
          this.queue = [];
          this.logger.warn('lost the publisher lease connection: publication waits until it has joined again');
          this.wake();
        });
  }

  /**
   * Whether this instance holds the publisher lease alone: declared the service's one instance,
   * and no other has started (one that starts waits in the lease until this one hands over).
   */
  get alone(): boolean {
    return this.lease.state === 'sole';
  }

  /** Joins the lease before the service takes any work: if another instance publishes
   * straight after commit, this waits until it has handed over. */
  async onApplicationBootstrap(): Promise<void> {
    await this.lease.join();
    this.loop = new DrainLoop(() => this.round(), {
      name: 'outbox publication',
      logger: this.logger,
      intervalMs: this.options.outbox.direct
        ? Math.min(LEASE_CHECK_MS, this.options.outbox.pollIntervalMs)
        : this.options.outbox.pollIntervalMs,
      retry: { baseDelayMs: 200, maxDelayMs: 5000 },
    });
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop?.stop();
    if (this.lease.state !== 'out') await this.markPublished().catch(() => undefined);
    await this.lease.leave();
  }

  /** Whether this instance currently publishes straight after commit. */
  get publishesDirectly(): boolean {
    return this.direct;
  }

  /** Asks for a drain; requests that arrive while one runs are coalesced. */
  wake(): void {
    this.loop?.wake();
  }

  /** Called as a transaction that wrote these events commits. */
  committed(rows: readonly OutboxRow[]): void {
    if (this.lease.state === 'sole') {
      const now = new Date();
      for (const row of rows) {
        this.queue.push({
          id: row.envelope.id,
          topic: row.topic,
          message_key: row.key,
          envelope: row.envelope,
          headers: row.headers,
          created_at: now,
        });
      }
    }
    this.wake();
  }

  /**
   * One step of publication; true when it left work to do at once. Straight after commit, what
   * this process committed goes out first: the look at the lease and the poll round come after
   * it, so an event never waits for the periodic work its own wake-up found due (ADR 68).
   */
  private async round(): Promise<boolean> {
    if (this.lease.state === 'out') {
      this.rejoin();
      return false;
    }
    if (this.direct) await this.sendCommitted();
    const now = Date.now();
    if (now - this.lastLeaseCheck >= LEASE_CHECK_MS) {
      await this.checkLease();
      this.lastLeaseCheck = now;
    }
    if (!this.direct || now - this.lastPoll >= this.options.outbox.pollIntervalMs) return this.relayRound();
    if (this.unmarked.length >= this.options.outbox.batchSize || Date.now() - this.unmarkedSince >= MARK_DELAY_MS) {
      await this.markPublished();
    } else if (this.unmarked.length > 0 && !this.markTimer) {
      this.markTimer = setTimeout(() => {
        this.markTimer = null;
        this.wake();
      }, MARK_DELAY_MS).unref();
    }
    return this.queue.length > 0;
  }

  /** Sends up to a batch of what this process committed, in commit order, to be marked later. */
  private async sendCommitted(): Promise<void> {
    const batch = this.queue.splice(0, this.options.outbox.batchSize);
    if (batch.length === 0) return;
    try {
      await this.send(batch);
    } catch (error) {
      // The batch and what follows it are still pending: relay rounds take over from here.
      this.direct = false;
      throw error;
    }
    if (this.unmarked.length === 0) this.unmarkedSince = Date.now();
    this.unmarked.push(...batch.map((row) => row.id));
    this.published.observe(batch);
  }

  /**
   * The sole instance hands over to one waiting to join; a shared one takes over once alone. A
   * lease that does not answer within LEASE_ANSWER_MS is left (and joined again): the direct
   * path never runs on a lock this instance may no longer hold.
   */
  private async checkLease(): Promise<void> {
    try {
      await withDeadline(this.lookAtLease(), LEASE_ANSWER_MS, 'the publisher lease did not answer');
    } catch (error) {
      this.direct = false;
      this.queue = [];
      await this.lease.leave();
      throw error;
    }
  }

  private async lookAtLease(): Promise<void> {
    if (this.lease.state === 'sole') {
      if (!(await this.lease.othersWaiting())) return;
      await this.markPublished();
      await this.lease.handOver();
      this.direct = false;
      this.queue = [];
      this.logger.log('another instance joined: publishing through relay rounds');
    } else if (await this.lease.tryTakeOver()) {
      this.direct = false;
      this.logger.log('the only instance left: publishing straight after commit once the outbox is drained');
    }
  }

  /**
   * Joins the lease again in the background; the rounds publish nothing until then. Failed
   * attempts back off like a failed round (up to 5 s apart), and only the first is logged.
   */
  private rejoin(): void {
    if (this.joining || Date.now() < this.nextJoinAt) return;
    this.joining = this.lease.join().then(
      () => {
        this.joinFailures = 0;
        this.logger.log(`joined the publisher lease again (${this.lease.state})`);
        this.wake();
      },
      (error: Error) => {
        this.joinFailures += 1;
        const delay = backoffDelay(this.joinFailures, { baseDelayMs: 200, maxDelayMs: 5000 });
        this.nextJoinAt = Date.now() + delay;
        if (this.joinFailures === 1) {
          this.logger.warn(`could not join the publisher lease (${error.message}); trying again until it answers`);
        }
        setTimeout(() => this.wake(), delay).unref();
      },
    );
    void this.joining.finally(() => {
      this.joining = null;
    });
  }

  /**
   * Publishes up to one batch of the oldest pending rows. Three round trips to PostgreSQL
   * whatever the batch: BEGIN; one statement that takes the schema's relay lock, makes the commit
   * asynchronous and marks the oldest rows published, returning them; once Kafka acknowledged
   * them, COMMIT. If the send fails the transaction rolls back and the rows stay pending. If
   * another instance holds the lock, the next try is LOCK_BUSY_RETRY_MS away or more. While
   * sole: every row committed before the round's statement is visible to it, and the rows
   * committed since wait in the queue, so a round that leaves nothing behind hands over to the
   * direct path.
   */
  private async relayRound(): Promise<boolean> {
    await this.markPublished();
    this.lastPoll = Date.now();
    const sole = this.lease.state === 'sole';
    if (sole && !this.direct) this.queue = [];
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let rows: Publication[];
    let held: boolean;
    try {
      await runner.startTransaction();
      const round = await runPrepared<RoundRow>(runner.manager, OUTBOX_PUBLISH, [
        `vigie.outbox.${this.options.schema}`,
        this.options.outbox.batchSize,
      ]);
      held = round[0]?.held !== false;
      rows = round.filter((row): row is RoundRow & Publication => row.id !== null);
      await this.send(rows);
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      this.direct = false;
      throw error;
    } finally {
      await runner.release();
    }
    this.published.observe(rows);
    this.busyRounds = held ? 0 : this.busyRounds + 1;
    if (this.busyRounds > 0) {
      const delay = Math.min(LOCK_BUSY_RETRY_MS * 2 ** (this.busyRounds - 1), this.options.outbox.pollIntervalMs);
      setTimeout(() => this.wake(), delay).unref();
    }
    const full = rows.length === this.options.outbox.batchSize;
    if (rows.length > 0 && this.queue.length > 0) {
      const done = new Set(rows.map((row) => row.id));
      this.queue = this.queue.filter((row) => !done.has(row.id));
    }
    if (sole && held && !full && this.lease.state === 'sole') this.direct = true;
    return full || (this.direct && this.queue.length > 0);
  }

  /** Marks what was published straight after commit (one statement, asynchronous commit). */
  private async markPublished(): Promise<void> {
    if (this.unmarked.length === 0) return;
    const ids = this.unmarked;
    this.unmarked = [];
    try {
      await runPrepared(this.dataSource.manager, OUTBOX_MARK, [ids]);
    } catch (error) {
      this.unmarked = ids.concat(this.unmarked);
      throw error;
    }
  }

  private async send(rows: readonly Publication[]): Promise<void> {
    if (rows.length === 0) return;
    const spans = rows.map((row) => startPublishSpan(row.topic, row.headers));
    try {
      await this.producer.send(
        rows.map((row, index) => ({
          topic: row.topic,
          key: row.message_key,
          value: JSON.stringify(row.envelope),
          headers: {
            ...row.headers,
            ...spans[index].headers,
            'vigie-event-type': row.envelope.type,
            [CORRELATION_ID_HEADER]: row.envelope.correlationId,
          },
        })),
      );
    } finally {
      for (const span of spans) span.end();
    }
  }
}

/** The outbox as Prometheus sees it: backlog and its age read at scrape time, publications counted. */
class OutboxMetrics {
  private readonly events;
  private readonly delay;

  constructor(metrics: Metrics, dataSource: DataSource) {
    this.events = metrics.counter({
      name: 'vigie_outbox_published_events_total',
      help: 'Events the outbox relay published to Kafka, by topic',
      labelNames: ['topic'],
    });
    this.delay = metrics.histogram({
      name: 'vigie_outbox_publish_delay_seconds',
      help: 'Time from an event written to the outbox to its publication acknowledged by Kafka',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    });
    metrics.gaugesOfRead(() => readOutboxBacklog(dataSource), {
      pending: {
        name: 'vigie_outbox_pending_events',
        help: 'Events written to the outbox and not yet published to Kafka',
      },
      oldestSeconds: {
        name: 'vigie_outbox_oldest_pending_age_seconds',
        help: 'Age of the oldest event not yet published (0 when none waits)',
      },
    });
  }

  observe(rows: { topic: string; created_at: Date }[]): void {
    const now = Date.now();
    for (const row of rows) {
      this.events.inc({ topic: row.topic });
      this.delay.observe((now - new Date(row.created_at).getTime()) / 1000);
    }
  }
}
