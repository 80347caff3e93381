import { setMaxListeners } from 'node:events';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { OrganisationStatus } from '@vigie/contracts';
import { DrainLoop } from '@vigie/messaging';
import { inSpan, REQUEST_ID_HEADER, runInScope, SpanKind, traceContextOf } from '@vigie/observability';
import { EmailChannel } from '../channels/email/email.channel';
import { WebhookChannel } from '../channels/webhook/webhook.channel';
import { NOTIFICATION_CONFIG, type DeliverySettings, type NotificationConfig } from '../config';
import { EndpointHealth } from '../webhooks/endpoint-health';
import { DeliveryMetrics } from './delivery.metrics';
import { decideOutcome, truncateError, WEBHOOK_RETRY, type ChannelResult } from './delivery.outcome';
import { DeliveryQueue, type AttemptFacts, type ClaimedDelivery } from './delivery.queue';
import { groupBy } from './distribution.plan';
import { runWindowed, Slots } from './slots';

/**
 * Targets claimed per round, and runs started at once from one hand-over: a burst of a thousand
 * new connections overflows the listen queue of a receiver that hosts many endpoints (a lost SYN
 * waits a second). The rest of a hand-over waits here for runs to end.
 */
const TARGETS_AT_ONCE = 500;
/** Due deliveries of one target claimed together, sent in order of start, a window of them at once. */
const RUN_LENGTH = 50;
/** Claimed deliveries held in one instance at most (bodies in memory, leases running): runs shrink towards it. */
const MAX_HELD = 10_000;
const FALLBACK_INTERVAL_MS = 500;

const targetOf = (delivery: ClaimedDelivery): string => (delivery.webhook_id ?? delivery.referent_id)!;

/** Claimed deliveries by target, each target's in the order given. */
const runsByTarget = (claimed: ClaimedDelivery[]): Map<string, ClaimedDelivery[]> => groupBy(claimed, targetOf);

/**
 * Sends deliveries. Those a consumer wrote come claimed, handed over as their transaction commits
 * (ADR 46); for a target whose run is in flight here they follow that run, in order, without
 * going back to the queue. The rest (retries, deliveries handed back, those of a claimer that
 * died) are claimed by rounds, woken when this instance left work in the queue (it handed some
 * back, wrote some unclaimed, or had no room for a round), and every 500 ms in case a wake-up was
 * missed, a retry fell due or another instance left some. A round only claims and starts
 * attempts; it never waits for them, so a slow partner delays nobody else. Each target has up to
 * `perTarget` requests in flight, and the instance up to `maxInFlight` (ADR 32).
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryDispatcher.name);
  private readonly settings: DeliverySettings;
  /** How long a claim holds its deliveries: past it, any instance may claim them again. */
  readonly leaseMs: number;
  private readonly shutdown = new AbortController();
  /** Targets with a run in flight here. */
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Requests in flight across every target. */
  private readonly requests: Slots;
  /** Deliveries claimed and not yet finished. */
  private held = 0;
  /** Runs handed over beyond what starts at once, each started when another run ends (FIFO). */
  private readonly turns: (() => void)[] = [];
  /** Deliveries handed over while their target's run was in flight here: the next run of each target. */
  private readonly following = new Map<string, { since: number; run: ClaimedDelivery[] }>();
  /** This instance left deliveries in the queue since the last round: a run that ends asks for one. */
  private leftInQueue = false;
  private loop: DrainLoop | null = null;

  constructor(
    private readonly queue: DeliveryQueue,
    private readonly webhooks: WebhookChannel,
    private readonly email: EmailChannel,
    private readonly metrics: DeliveryMetrics,
    private readonly health: EndpointHealth,
    @Inject(NOTIFICATION_CONFIG) config: NotificationConfig,
  ) {
    this.settings = config.delivery;
    // Target check and request each get up to the timeout; the margin covers recording.
    this.leaseMs = 2 * this.settings.timeoutMs + 30_000;
    this.requests = new Slots(this.settings.maxInFlight);
    // Every request in flight listens for the shutdown: as many listeners as requests, by design.
    setMaxListeners(0, this.shutdown.signal);
  }

  onApplicationBootstrap(): void {
    this.loop = new DrainLoop(async () => this.round(), {
      name: 'delivery round',
      logger: this.logger,
      intervalMs: FALLBACK_INTERVAL_MS,
      retry: { baseDelayMs: FALLBACK_INTERVAL_MS, maxDelayMs: 30_000 },
    });
    this.wake();
  }

  async onModuleDestroy(): Promise<void> {
    this.shutdown.abort();
    // Runs still waiting for their turn hand their deliveries back rather than wait for the others.
    for (const turn of this.turns.splice(0)) turn();
    await this.loop?.stop();
    // A run that ends starts its target's next one (which hands its deliveries back): wait for those too.
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  /** Asks for a round; requests that arrive while one runs are coalesced. */
  wake(): void {
    this.loop?.wake();
  }

  /** Claims runs and starts them; true when more may be due at once. */
  private async round(): Promise<boolean> {
    this.leftInQueue = false;
    const room = Math.min(TARGETS_AT_ONCE, this.settings.maxInFlight - this.inFlight.size, MAX_HELD - this.held);
    if (room <= 0 || this.shutdown.signal.aborted) {
      this.leftInQueue = room <= 0;
      return false;
    }
    const runLength = Math.max(
      this.settings.perTarget,
      Math.min(RUN_LENGTH, Math.floor((MAX_HELD - this.held) / room)),
    );
    const claimed = await this.queue.claim(this.leaseMs, room, [...this.inFlight.keys()], runLength);
    const runs = runsByTarget(claimed);
    for (const [target, run] of runs) this.start(target, run);
    return runs.size === room;
  }

  /**
   * Of deliveries about to be written, those this instance will send once they are committed:
   * whole runs of each target, within the deliveries an instance holds (a target served here
   * gets them after its run in flight). The others are written pending, for the rounds.
   */
  claimable(deliveries: readonly { id: string; webhookId: string | null; referentId: string | null }[]): Set<string> {
    const ids = new Set<string>();
    if (this.shutdown.signal.aborted) return ids;
    let held = this.held;
    const runs = groupBy(deliveries, (delivery) => (delivery.webhookId ?? delivery.referentId)!);
    for (const run of runs.values()) {
      if (held + run.length > MAX_HELD) {
        this.leftInQueue = true;
        continue;
      }
      held += run.length;
      for (const delivery of run) ids.add(delivery.id);
    }
    return ids;
  }

  /**
   * Sends deliveries this instance claimed as it wrote them (`insertDeliveries` with the lease),
   * once their transaction has committed: no claim round between the commit and the first
   * request. Up to `TARGETS_AT_ONCE` runs start at once; the others wait here, each starting as
   * another run ends, so a fan-out to thousands never needs a claim round nor opens thousands of
   * connections together; rounds claim nothing while runs wait here. A target with a run in
   * flight here gets the deliveries as its next run, started as that one ends (ADR 54). What
   * exceeds the deliveries an instance holds is handed back to the queue at once, and the next
   * rounds take it in order.
   */
  handOff(claimed: ClaimedDelivery[]): void {
    const back: ClaimedDelivery[] = [];
    let startsNow = TARGETS_AT_ONCE;
    for (const [target, run] of runsByTarget(claimed)) {
      if (this.held + run.length > MAX_HELD || this.shutdown.signal.aborted) back.push(...run);
      else if (this.inFlight.has(target)) this.follow(target, run);
      else this.start(target, run, startsNow-- > 0 ? null : Date.now());
    }
    if (back.length === 0) return;
    this.queue
      .release(back)
      .then(() => this.wake())
      .catch((error: unknown) => {
        // Not handed back: the lease brings them back.
        this.logger.warn(
          `${back.length} deliveries not handed back (${(error as Error).message}); retried when the lease ends`,
        );
      });
  }

  /** Deliveries for a target whose run is in flight here: its next run, after the ones already following. */
  private follow(target: string, run: ClaimedDelivery[]): void {
    this.held += run.length;
    const next = this.following.get(target);
    if (next) next.run.push(...run);
    else this.following.set(target, { since: Date.now(), run: [...run] });
  }

  /** The deliveries following a target's run (and since when), no longer held for it. */
  private unfollow(target: string): { since: number | null; run: ClaimedDelivery[] } {
    const next = this.following.get(target);
    if (!next) return { since: null, run: [] };
    this.following.delete(target);
    this.held -= next.run.length;
    return next;
  }

  /**
   * Starts a target's run, at once or (`waitingSince` set and `takesTurn`) at the next turn: when
   * another run ends. The target is held here until its last run ends: one that ends starts the
   * deliveries that followed it, in its place. A run that waited past half its lease, or until the
   * service stops, hands its deliveries back instead: another instance may claim them soon.
   */
  private start(
    target: string,
    run: ClaimedDelivery[],
    waitingSince: number | null = null,
    takesTurn = waitingSince !== null,
  ): void {
    this.held += run.length;
    const turn = takesTurn ? new Promise<void>((next) => this.turns.push(next)) : Promise.resolve();
    const serving = turn
      .then(() => {
        if (!this.shutdown.signal.aborted && (waitingSince === null || Date.now() - waitingSince <= this.leaseMs / 2)) {
          return this.serve(run);
        }
        this.leftInQueue = true;
        return this.queue.release([...run, ...this.unfollow(target).run]);
      })
      .catch((error: unknown) => {
        // Not recorded: the lease brings the deliveries back.
        this.logger.warn(`target ${target}: ${(error as Error).message}; retried when the lease ends`);
      })
      .finally(() => {
        this.held -= run.length;
        const next = this.unfollow(target);
        if (next.run.length > 0) {
          this.start(target, next.run, next.since, false);
          return;
        }
        this.inFlight.delete(target);
        this.turns.shift()?.();
        if (this.leftInQueue) this.wake();
      });
    this.inFlight.set(target, serving);
  }

  /**
   * Sends a target's run in order of start, up to `perTarget` requests at once, each holding one
   * of the instance's request slots. The first delivery that is not sent stops the starts: the
   * ones not started go back to the queue at once, as they do when the service stops or the run
   * nears its lease. Successes are recorded together; the target is held until they are.
   */
  private async serve(run: ClaimedDelivery[]): Promise<void> {
    const started = Date.now();
    const recorded: Promise<void>[] = [];
    let stopped = false;
    try {
      const notStarted = await runWindowed(
        run,
        this.settings.perTarget,
        this.requests,
        async (delivery) => {
          const result = await this.attempt(delivery);
          if (result === 'not sent') {
            stopped = true;
            return;
          }
          const recording = this.queue.sent(delivery, result);
          // Awaited below; handled now so that a failed write is not an unhandled rejection meanwhile.
          recording.catch(() => undefined);
          recorded.push(recording);
        },
        () => !stopped && !this.shutdown.signal.aborted && Date.now() - started <= this.leaseMs / 2,
      );
      // A run cut short hands back what it did not start and what followed it: the rounds take them in order.
      const back = stopped || notStarted.length > 0 ? [...notStarted, ...this.unfollow(targetOf(run[0])).run] : [];
      if (back.length > 0) this.leftInQueue = true;
      await this.queue.release(back);
    } finally {
      await Promise.all(recorded);
    }
  }

  /**
   * One attempt, in the trace and logging scope of the message it carries: the webhook request
   * is a span of the alert's trace and carries its `traceparent`.
   */
  private attempt(delivery: ClaimedDelivery): Promise<AttemptFacts | 'not sent'> {
    const headers = delivery.trace_headers ?? {};
    return runInScope({ requestId: headers[REQUEST_ID_HEADER], correlationId: delivery.alert_id }, () =>
      inSpan(
        `deliver ${delivery.channel}`,
        {
          parent: traceContextOf(headers),
          kind: SpanKind.INTERNAL,
          attributes: { 'vigie.delivery.attempt': delivery.attempts },
        },
        () => this.attemptNow(delivery),
      ),
    );
  }

  /** One attempt, recorded unless it was sent (then its facts: the caller records it with others). */
  private async attemptNow(delivery: ClaimedDelivery): Promise<AttemptFacts | 'not sent'> {
    if (delivery.organisation_status !== OrganisationStatus.Active) {
      await this.abandon(delivery, `organisation is ${delivery.organisation_status?.toLowerCase() ?? 'unknown'}`);
      return 'not sent';
    }
    const started = performance.now();
    const result: ChannelResult =
      delivery.channel === 'email'
        ? await this.email.send(delivery)
        : await this.webhooks.send(delivery, this.shutdown.signal);
    if (result.kind === 'unsendable') {
      await this.abandon(delivery, result.reason);
      return 'not sent';
    }
    if (result.kind === 'interrupted') {
      await this.queue.release([delivery]);
      return 'not sent';
    }
    const facts: AttemptFacts = {
      responseStatus: result.kind === 'response' ? result.status : null,
      durationMs: Math.round(performance.now() - started),
    };
    const outcome = decideOutcome(result, delivery.attempts, {
      ...WEBHOOK_RETRY,
      baseDelayMs: this.settings.retryBaseMs,
      maxAttempts: this.settings.maxAttempts,
    });
    this.metrics.attempted(delivery.channel, outcome.status, new Date(delivery.created_at));
    if (outcome.status === 'sent') {
      this.logger.debug(`delivery ${delivery.id} sent by ${delivery.channel} (attempt ${delivery.attempts})`);
      return facts;
    }
    const recorded = await this.queue.settle(delivery, { ...outcome, facts });
    if (outcome.status === 'failed') {
      this.logger.debug(
        `delivery ${delivery.id} attempt ${delivery.attempts} failed (${outcome.error}); retry in ${outcome.retryInMs} ms`,
      );
    } else {
      this.logger.warn(`delivery ${delivery.id} abandoned: ${outcome.error}`);
    }
    // Only an attempt recorded as this delivery's counts: one abandoned meanwhile is not the endpoint's failure.
    if (recorded && delivery.webhook_id) await this.health.failed(delivery.webhook_id);
    return 'not sent';
  }

  /** Gives up without sending: the claim did not count as an attempt. */
  private async abandon(delivery: ClaimedDelivery, reason: string): Promise<void> {
    this.metrics.attempted(delivery.channel, 'abandoned');
    await this.queue.settle(delivery, { status: 'abandoned', error: truncateError(reason) });
    this.logger.log(`delivery ${delivery.id} abandoned: ${reason}`);
  }
}
