import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { OrganisationStatus } from '@vigie/contracts';
import { DrainLoop } from '@vigie/messaging';
import { DataSource } from 'typeorm';
import { NOTIFICATION_CONFIG, type NotificationConfig, type WebhookSettings } from '../config';
import { SecretBox } from '../webhooks/secret-box';
import {
  decideOutcome,
  truncateError,
  WEBHOOK_RETRY,
  type AttemptResult,
  type DeliveryOutcome,
} from './delivery.outcome';
import { sendWebhook } from './webhook.sender';

const BATCH_SIZE = 50;
const FALLBACK_INTERVAL_MS = 500;

interface ClaimedDelivery {
  id: string;
  attempts: number;
  body: unknown;
  webhook_id: string;
  url: string;
  secret_ciphertext: string;
  disabled_at: Date | null;
  organisation_status: OrganisationStatus | null;
}

/**
 * Claims due deliveries with a lease, in one statement: the rows get their attempt counted and
 * their next attempt pushed past the lease before any request goes out. Instances skip each
 * other's rows (SKIP LOCKED); a crash mid-send only delays the retry until the lease ends.
 */
const CLAIM = `
  WITH claimed AS (
    UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = now() + $1::int * interval '1 millisecond'
    WHERE id IN (
      SELECT id FROM deliveries
      WHERE status = 'pending' AND next_attempt_at <= now()
      ORDER BY created_at
      LIMIT $2
      FOR UPDATE SKIP LOCKED)
    RETURNING id, organisation_id, webhook_id, attempts, body)
  SELECT c.id, c.attempts, c.body, w.id AS webhook_id, w.url, w.secret_ciphertext, w.disabled_at,
         o.status AS organisation_status
  FROM claimed c
  JOIN webhooks w ON w.id = c.webhook_id
  LEFT JOIN directory_organisations o ON o.id = c.organisation_id`;

// Every update below holds only while the row is still the one this instance claimed.
const STILL_OURS = `id = $1 AND attempts = $2 AND status = 'pending'`;

/**
 * Sends pending deliveries: woken after each handled alert, and every 500 ms in case a wake-up
 * was missed or a retry fell due. One round runs at a time per instance; rounds continue while
 * full batches come back.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryDispatcher.name);
  private readonly settings: WebhookSettings;
  private readonly leaseMs: number;
  private readonly shutdown = new AbortController();
  private loop: DrainLoop | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly box: SecretBox,
    @Inject(NOTIFICATION_CONFIG) config: NotificationConfig,
  ) {
    this.settings = config.webhooks;
    // Target check and request each get up to the timeout; the margin covers recording.
    this.leaseMs = 2 * this.settings.timeoutMs + 30_000;
  }

  onApplicationBootstrap(): void {
    this.loop = new DrainLoop(async () => (await this.round()) === BATCH_SIZE, {
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
  }

  /** Asks for a round; requests that arrive while one runs are coalesced. */
  wake(): void {
    this.loop?.wake();
  }

  /** Claims and attempts one batch; returns how many deliveries it claimed. */
  private async round(): Promise<number> {
    const claimed = (await this.dataSource.query(CLAIM, [this.leaseMs, BATCH_SIZE])) as ClaimedDelivery[];
    const results = await Promise.allSettled(claimed.map((delivery) => this.attempt(delivery)));
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw failure.reason;
    return claimed.length;
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    if (delivery.disabled_at) return this.abandon(delivery, 'webhook disabled before delivery');
    if (delivery.organisation_status !== OrganisationStatus.Active) {
      return this.abandon(delivery, `organisation is ${delivery.organisation_status?.toLowerCase() ?? 'unknown'}`);
    }
    let secret: string;
    try {
      secret = this.box.decrypt(delivery.secret_ciphertext, delivery.webhook_id);
    } catch (error) {
      return this.record(delivery, this.decide({ kind: 'error', message: (error as Error).message }, delivery));
    }
    const result = await sendWebhook(
      { deliveryId: delivery.id, url: delivery.url, secret, body: JSON.stringify(delivery.body) },
      {
        timeoutMs: this.settings.timeoutMs,
        allowPrivateTargets: this.settings.allowPrivateTargets,
        shutdown: this.shutdown.signal,
      },
    );
    if (result.kind === 'interrupted') return this.release(delivery);
    return this.record(delivery, this.decide(result, delivery));
  }

  private decide(result: AttemptResult, delivery: ClaimedDelivery): DeliveryOutcome {
    return decideOutcome(result, delivery.attempts, { ...WEBHOOK_RETRY, maxAttempts: this.settings.maxAttempts });
  }

  private async record(delivery: ClaimedDelivery, outcome: DeliveryOutcome): Promise<void> {
    const { id, attempts } = delivery;
    switch (outcome.status) {
      case 'sent':
        await this.dataSource.query(
          `UPDATE deliveries SET status = 'sent', sent_at = now(), last_error = NULL WHERE ${STILL_OURS}`,
          [id, attempts],
        );
        this.logger.debug(`delivery ${id} sent (attempt ${attempts})`);
        return;
      case 'pending':
        await this.dataSource.query(
          `UPDATE deliveries SET next_attempt_at = now() + $3::int * interval '1 millisecond', last_error = $4
           WHERE ${STILL_OURS}`,
          [id, attempts, outcome.retryInMs, outcome.error],
        );
        this.logger.debug(
          `delivery ${id} attempt ${attempts} failed (${outcome.error}); retry in ${outcome.retryInMs} ms`,
        );
        return;
      case 'dead':
        await this.dataSource.transaction(async (manager) => {
          await manager.query(`UPDATE deliveries SET status = 'dead', last_error = $3 WHERE ${STILL_OURS}`, [
            id,
            attempts,
            outcome.error,
          ]);
          if (outcome.disableWebhook) {
            await manager.query('UPDATE webhooks SET disabled_at = now() WHERE id = $1 AND disabled_at IS NULL', [
              delivery.webhook_id,
            ]);
          }
        });
        this.logger.warn(`delivery ${id} abandoned: ${outcome.error}`);
    }
  }

  /** Gives up without sending: the claim did not count as an attempt. */
  private async abandon(delivery: ClaimedDelivery, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE deliveries SET status = 'dead', attempts = attempts - 1, last_error = $3 WHERE ${STILL_OURS}`,
      [delivery.id, delivery.attempts, truncateError(reason)],
    );
    this.logger.log(`delivery ${delivery.id} abandoned: ${reason}`);
  }

  /** Shutting down mid-send: hand the delivery back at once instead of waiting for the lease. */
  private async release(delivery: ClaimedDelivery): Promise<void> {
    await this.dataSource.query(
      `UPDATE deliveries SET attempts = attempts - 1, next_attempt_at = now() WHERE ${STILL_OURS}`,
      [delivery.id, delivery.attempts],
    );
  }
}
