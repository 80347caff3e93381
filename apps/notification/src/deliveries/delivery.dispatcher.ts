import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganisationStatus, type DeliveryChannel } from '@vigie/contracts';
import { DrainLoop, Outbox } from '@vigie/messaging';
import { inSpan, REQUEST_ID_HEADER, runInScope, SpanKind, traceContextOf } from '@vigie/observability';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';
import { AcknowledgementLinks } from '../acknowledgements/acknowledgement-link';
import { renderEmail, type EmailCopy } from '../channels/email/email.renderer';
import { EmailSender } from '../channels/email/email.sender';
import {
  renderWebhookNotice,
  WEBHOOK_DISABLED_NOTICE,
  type WebhookDisabledNotice,
} from '../channels/email/webhook-notice.renderer';
import { NOTIFICATION_CONFIG, type NotificationConfig, type WebhookSettings } from '../config';
import { EndpointHealth } from '../webhooks/endpoint-health';
import { SecretBox } from '../webhooks/secret-box';
import { previousSecretData } from '../webhooks/webhook.entity';
import { BatchedWriter } from './batched-writer';
import { announceDeath, DEAD_COLUMNS, type DeadDelivery } from './dead-letter';
import { DeliveryMetrics } from './delivery.metrics';
import {
  decideOutcome,
  truncateError,
  WEBHOOK_RETRY,
  type AttemptResult,
  type DeliveryOutcome,
} from './delivery.outcome';
import { sendWebhook, type SendResult } from './webhook.sender';

/** Targets claimed per round. */
const TARGETS_PER_ROUND = 200;
/** Targets served at once in one instance. */
const MAX_TARGETS_IN_FLIGHT = 200;
/** Due deliveries of one target claimed together and sent one after another. */
const RUN_LENGTH = 50;
/**
 * A round looks at this many of the oldest due deliveries. Read in index order, so the scan stops
 * there and skips the entries of rows already sent (a bitmap scan would visit each of them until
 * vacuum removes them).
 */
const DUE_WINDOW = 2000;
const FALLBACK_INTERVAL_MS = 500;

interface ClaimedDelivery {
  id: string;
  alert_id: string;
  message_type: string;
  organisation_id: string;
  channel: DeliveryChannel;
  webhook_id: string | null;
  referent_id: string | null;
  email_address: string | null;
  attempts: number;
  body: Record<string, unknown>;
  url: string | null;
  secret_ciphertext: string | null;
  previous_secret_ciphertext: string | null;
  previous_secret_expires_at: Date | null;
  disabled_at: Date | null;
  organisation_status: OrganisationStatus | null;
  trace_headers: Record<string, string>;
  created_at: Date;
}

/**
 * Claims due deliveries with a lease, in one statement: the rows get their attempt counted and
 * their next attempt pushed past the lease before any request goes out. Instances skip each
 * other's rows (SKIP LOCKED); a crash mid-send only delays the retry until the lease ends.
 *
 * A target (webhook, or referent for e-mail) is a queue: among the oldest due deliveries, for up
 * to $2 targets, the oldest of each, at most $4 of them, are claimed as a run, and targets with a run already in flight
 * here ($3) are skipped. A run is sent one delivery after another, in order; a target that hangs
 * therefore holds one slot, never a round, and never anyone else's delivery.
 */
const CLAIM: PreparedStatement = {
  name: 'notification.claim-runs',
  text: `
  WITH oldest AS (
    SELECT id, coalesce(webhook_id, referent_id) AS target, next_attempt_at, created_at FROM deliveries
    WHERE status IN ('pending', 'failed') AND next_attempt_at <= now()
    ORDER BY next_attempt_at LIMIT ${DUE_WINDOW}),
  due AS (
    SELECT id, target, next_attempt_at,
           row_number() OVER (PARTITION BY target ORDER BY next_attempt_at, created_at) AS n
    FROM oldest WHERE NOT (target = ANY($3::uuid[]))),
  targets AS (SELECT target FROM due WHERE n = 1 ORDER BY next_attempt_at LIMIT $2),
  picked AS (SELECT due.id, due.n FROM due JOIN targets USING (target) WHERE due.n <= $4),
  claimed AS (
    UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = now() + $1::int * interval '1 millisecond'
    WHERE id IN (
      SELECT id FROM deliveries
      WHERE id IN (SELECT id FROM picked) AND status IN ('pending', 'failed') AND next_attempt_at <= now()
      FOR UPDATE SKIP LOCKED)
    RETURNING id, alert_id, message_type, organisation_id, channel, webhook_id, referent_id, email_address,
              attempts, body, trace_headers, created_at)
  SELECT c.*, w.url, w.secret_ciphertext, w.previous_secret_ciphertext, w.previous_secret_expires_at, w.disabled_at,
         o.status AS organisation_status
  FROM claimed c
  JOIN picked p USING (id)
  LEFT JOIN webhooks w ON w.id = c.webhook_id
  LEFT JOIN directory_organisations o ON o.id = c.organisation_id
  ORDER BY p.n`,
};

/** Successes, with what each attempt got back and took; their endpoints' runs of failures end. */
const RECORD_SENT: PreparedStatement = {
  name: 'notification.record-sent',
  text: `WITH sent AS (
           UPDATE deliveries d SET status = 'sent', sent_at = now(), last_error = NULL, last_attempt_at = now(),
             last_response_status = s.response_status, last_duration_ms = s.duration_ms
           FROM unnest($1::uuid[], $2::int[], $3::int[], $4::int[]) AS s(id, attempts, response_status, duration_ms)
           WHERE d.id = s.id AND d.attempts = s.attempts AND d.status IN ('pending', 'failed')
           RETURNING d.webhook_id)
         UPDATE webhooks SET consecutive_failures = 0, failing_since = NULL
         WHERE id IN (SELECT webhook_id FROM sent) AND consecutive_failures > 0`,
};

/** What an attempt got back (an HTTP or SMTP status, none on a network error) and how long it took. */
interface AttemptFacts {
  responseStatus: number | null;
  durationMs: number;
}

// Every update below holds only while the row is still the one this instance claimed.
const STILL_OURS = `id = $1 AND attempts = $2 AND status IN ('pending', 'failed')`;

const targetOf = (delivery: ClaimedDelivery): string => (delivery.webhook_id ?? delivery.referent_id)!;

/**
 * Sends pending deliveries: woken after each handled message and each finished attempt, and every
 * 500 ms in case a wake-up was missed or a retry fell due. A round only claims and starts
 * attempts; it never waits for them, so a slow partner delays nobody else.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryDispatcher.name);
  private readonly settings: WebhookSettings;
  private readonly leaseMs: number;
  private readonly shutdown = new AbortController();
  private readonly inFlight = new Map<string, Promise<void>>();
  private loop: DrainLoop | null = null;
  /** Successes are recorded together: one statement (and commit) for all the attempts that ended meanwhile. */
  private readonly sent = new BatchedWriter<{ id: string; attempts: number } & AttemptFacts>(async (rows) => {
    await runPrepared(this.dataSource, RECORD_SENT, [
      rows.map((row) => row.id),
      rows.map((row) => row.attempts),
      rows.map((row) => row.responseStatus),
      rows.map((row) => row.durationMs),
    ]);
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly box: SecretBox,
    private readonly outbox: Outbox,
    private readonly email: EmailSender,
    private readonly links: AcknowledgementLinks,
    private readonly metrics: DeliveryMetrics,
    private readonly health: EndpointHealth,
    @Inject(NOTIFICATION_CONFIG) config: NotificationConfig,
  ) {
    this.settings = config.webhooks;
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
    const claimed = await runPrepared<ClaimedDelivery>(this.dataSource, CLAIM, [
      this.leaseMs,
      room,
      [...this.inFlight.keys()],
      RUN_LENGTH,
    ]);
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
          await this.release(run.slice(index));
          return;
        }
        const result = await this.attempt(delivery);
        if (result !== 'not sent') {
          const recording = this.sent.add({ id: delivery.id, attempts: delivery.attempts, ...result });
          // Awaited below; handled now so that a failed write is not an unhandled rejection meanwhile.
          recording.catch(() => undefined);
          recorded.push(recording);
          continue;
        }
        await this.release(run.slice(index + 1));
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
    const result = delivery.channel === 'email' ? await this.sendEmail(delivery) : await this.sendWebhook(delivery);
    if (result === 'abandoned') return 'not sent';
    if (result.kind === 'interrupted') {
      await this.release([delivery]);
      return 'not sent';
    }
    const facts: AttemptFacts = {
      responseStatus: result.kind === 'response' ? result.status : null,
      durationMs: Math.round(performance.now() - started),
    };
    const outcome = this.decide(result, delivery);
    this.metrics.attempted(delivery.channel, outcome.status, new Date(delivery.created_at));
    if (outcome.status === 'sent') {
      this.logger.debug(`delivery ${delivery.id} sent by ${delivery.channel} (attempt ${delivery.attempts})`);
      return facts;
    }
    // Only an attempt recorded as this delivery's counts: one disabled meanwhile is not the endpoint's failure.
    if ((await this.record(delivery, outcome, facts)) && delivery.webhook_id)
      await this.health.failed(delivery.webhook_id);
    return 'not sent';
  }

  private async sendWebhook(delivery: ClaimedDelivery): Promise<SendResult | 'abandoned'> {
    if (delivery.disabled_at || !delivery.url || !delivery.secret_ciphertext) {
      await this.abandon(delivery, 'webhook disabled before delivery');
      return 'abandoned';
    }
    const secrets: string[] = [];
    try {
      secrets.push(this.box.decrypt(delivery.secret_ciphertext, delivery.webhook_id!));
      // During a rotation's overlap the previous secret signs too; after it, only the new one.
      const previous = delivery.previous_secret_ciphertext;
      const until = delivery.previous_secret_expires_at;
      if (previous && until && new Date(until).getTime() > Date.now()) {
        secrets.push(this.box.decrypt(previous, previousSecretData(delivery.webhook_id!)));
      }
    } catch (error) {
      return { kind: 'error', message: (error as Error).message };
    }
    return sendWebhook(
      { deliveryId: delivery.id, url: delivery.url, secrets, body: JSON.stringify(delivery.body) },
      {
        timeoutMs: this.settings.timeoutMs,
        allowPrivateTargets: this.settings.allowPrivateTargets,
        shutdown: this.shutdown.signal,
      },
    );
  }

  private async sendEmail(delivery: ClaimedDelivery): Promise<AttemptResult> {
    if (delivery.message_type === WEBHOOK_DISABLED_NOTICE) {
      const notice = delivery.body as unknown as WebhookDisabledNotice;
      return this.email.send({ deliveryId: delivery.id, to: delivery.email_address!, ...renderWebhookNotice(notice) });
    }
    const copy = delivery.body as unknown as EmailCopy;
    // Alerts carry a link to acknowledge them; broadcasts are for information.
    const acknowledgeUrl = copy.alert
      ? this.links.url({
          alertId: copy.alert.alertId,
          organisationId: delivery.organisation_id,
          referentId: delivery.referent_id!,
        })
      : null;
    return this.email.send({
      deliveryId: delivery.id,
      to: delivery.email_address!,
      ...renderEmail(copy, acknowledgeUrl),
    });
  }

  private decide(result: AttemptResult, delivery: ClaimedDelivery): DeliveryOutcome {
    return decideOutcome(result, delivery.attempts, {
      ...WEBHOOK_RETRY,
      baseDelayMs: this.settings.retryBaseMs,
      maxAttempts: this.settings.maxAttempts,
    });
  }

  private async record(
    delivery: ClaimedDelivery,
    outcome: Exclude<DeliveryOutcome, { status: 'sent' }>,
    facts: AttemptFacts,
  ): Promise<boolean> {
    const { id, attempts } = delivery;
    if (outcome.status === 'failed') {
      const recorded = await this.dataSource.query<unknown[]>(
        `WITH failed AS (
           UPDATE deliveries SET status = 'failed', next_attempt_at = now() + $3::int * interval '1 millisecond',
             last_error = $4, last_attempt_at = now(), last_response_status = $5, last_duration_ms = $6
           WHERE ${STILL_OURS} RETURNING id)
         SELECT id FROM failed`,
        [id, attempts, outcome.retryInMs, outcome.error, facts.responseStatus, facts.durationMs],
      );
      this.logger.debug(
        `delivery ${id} attempt ${attempts} failed (${outcome.error}); retry in ${outcome.retryInMs} ms`,
      );
      return recorded.length > 0;
    }
    const killed = await this.kill(delivery, {
      attempts,
      reason: outcome.error,
      disableWebhook: outcome.disableWebhook,
      facts,
    });
    this.logger.warn(`delivery ${id} abandoned: ${outcome.error}`);
    return killed;
  }

  /** Gives up without sending: the claim did not count as an attempt. */
  private async abandon(delivery: ClaimedDelivery, reason: string): Promise<void> {
    this.metrics.attempted(delivery.channel, 'abandoned');
    await this.kill(delivery, {
      attempts: delivery.attempts - 1,
      reason: truncateError(reason),
      disableWebhook: false,
    });
    this.logger.log(`delivery ${delivery.id} abandoned: ${reason}`);
  }

  /** Dead, with the reason, and announced on delivery.dead.v1 in the same transaction. */
  private async kill(
    delivery: ClaimedDelivery,
    death: { attempts: number; reason: string; disableWebhook: boolean; facts?: AttemptFacts },
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      // An abandoned delivery (no facts) keeps those of its last real attempt.
      const killed = await manager.query<DeadDelivery[]>(
        `WITH killed AS (
           UPDATE deliveries SET status = 'dead', attempts = $3, last_error = $4,
             last_attempt_at = CASE WHEN $5::boolean THEN now() ELSE last_attempt_at END,
             last_response_status = CASE WHEN $5::boolean THEN $6::int ELSE last_response_status END,
             last_duration_ms = CASE WHEN $5::boolean THEN $7::int ELSE last_duration_ms END
           WHERE ${STILL_OURS}
           RETURNING ${DEAD_COLUMNS})
         SELECT * FROM killed`,
        [
          delivery.id,
          delivery.attempts,
          death.attempts,
          death.reason,
          death.facts !== undefined,
          death.facts?.responseStatus ?? null,
          death.facts?.durationMs ?? null,
        ],
      );
      if (killed.length === 0) return false;
      if (death.disableWebhook && delivery.webhook_id) {
        await manager.query(
          "UPDATE webhooks SET disabled_at = now(), disabled_reason = 'gone' WHERE id = $1 AND disabled_at IS NULL",
          [delivery.webhook_id],
        );
      }
      await announceDeath(this.outbox, manager, killed[0]);
      return true;
    });
  }

  /** Hands unsent deliveries back at once instead of waiting for the lease; the claim did not count. */
  private async release(deliveries: ClaimedDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.dataSource.query(
      `UPDATE deliveries d SET attempts = d.attempts - 1, next_attempt_at = now()
       FROM unnest($1::uuid[], $2::int[]) AS r(id, attempts)
       WHERE d.id = r.id AND d.attempts = r.attempts AND d.status IN ('pending', 'failed')`,
      [deliveries.map((d) => d.id), deliveries.map((d) => d.attempts)],
    );
  }
}
