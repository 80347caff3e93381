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

/** Targets claimed per round. */
const TARGETS_PER_ROUND = 200;
/** Targets served at once in one instance. */
const MAX_TARGETS_IN_FLIGHT = 200;
/** Due deliveries of one target claimed together and sent one after another. */
const RUN_LENGTH = 50;
const FALLBACK_INTERVAL_MS = 500;

const targetOf = (delivery: ClaimedDelivery): string => (delivery.webhook_id ?? delivery.referent_id)!;

/**
 * Sends pending deliveries: woken after each handled message and each finished attempt, and every
 * 500 ms in case a wake-up was missed or a retry fell due. A round only claims and starts
 * attempts; it never waits for them, so a slow partner delays nobody else.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryDispatcher.name);
  private readonly settings: DeliverySettings;
  private readonly leaseMs: number;
  private readonly shutdown = new AbortController();
  private readonly inFlight = new Map<string, Promise<void>>();
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
    await this.loop?.stop();
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /** Asks for a round; requests that arrive while one runs are coalesced. */
  wake(): void {
    this.loop?.wake();
  }

  /** Claims runs and starts them; true when more may be due at once. */
  private async round(): Promise<boolean> {
    const room = Math.min(TARGETS_PER_ROUND, MAX_TARGETS_IN_FLIGHT - this.inFlight.size);
    if (room <= 0 || this.shutdown.signal.aborted) return false;
    const claimed = await this.queue.claim(this.leaseMs, room, [...this.inFlight.keys()], RUN_LENGTH);
    const runs = new Map<string, ClaimedDelivery[]>();
    for (const delivery of claimed) {
      const run = runs.get(targetOf(delivery));
      if (run) run.push(delivery);
      else runs.set(targetOf(delivery), [delivery]);
    }
    for (const [target, run] of runs) {
      const serving = this.serve(run)
        .catch((error: unknown) => {
          // Not recorded: the lease brings the deliveries back.
          this.logger.warn(`target ${target}: ${(error as Error).message}; retried when the lease ends`);
        })
        .finally(() => {
          this.inFlight.delete(target);
          this.wake();
        });
      this.inFlight.set(target, serving);
    }
    return runs.size === room;
  }

  /**
   * Sends a target's run in order. The first delivery that is not sent ends the run: the rest go
   * back to the queue at once, as they do when the service stops or the run nears its lease.
   * Successes are recorded while the next request goes out; the slot is held until they are.
   */
  private async serve(run: ClaimedDelivery[]): Promise<void> {
    const started = Date.now();
    const recorded: Promise<void>[] = [];
    try {
      for (const [index, delivery] of run.entries()) {
        if (this.shutdown.signal.aborted || Date.now() - started > this.leaseMs / 2) {
          await this.queue.release(run.slice(index));
          return;
        }
        const result = await this.attempt(delivery);
        if (result !== 'not sent') {
          const recording = this.queue.sent(delivery, result);
          // Awaited below; handled now so that a failed write is not an unhandled rejection meanwhile.
          recording.catch(() => undefined);
          recorded.push(recording);
          continue;
        }
        await this.queue.release(run.slice(index + 1));
        return;
      }
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
