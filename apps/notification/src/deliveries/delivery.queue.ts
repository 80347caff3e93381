import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DeliveryDeadV1, type DeliveryChannel, type OrganisationStatus } from '@vigie/contracts';
import { Outbox } from '@vigie/messaging';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';
import { BatchedWriter } from './batched-writer';
import { withContent } from './message-contents.queries';

/** One row of `deliveries`, as the queue hands it out and announces its death. */
export interface DeliveryRow {
  id: string;
  /** The alert or broadcast (or test, or notice) carried. */
  alert_id: string;
  message_type: string;
  organisation_id: string;
  channel: DeliveryChannel;
  webhook_id: string | null;
  referent_id: string | null;
  email_address: string | null;
  attempts: number;
  last_error: string | null;
  /** What is sent: as claimed, the whole body (the row's part laid over its message's content). */
  body: Record<string, unknown>;
  trace_headers: Record<string, string>;
  created_at: Date;
}

const ROW_COLUMNS = `id, alert_id, message_type, organisation_id, channel, webhook_id, referent_id, email_address,
  attempts, last_error, body, trace_headers, created_at`;

/** A claimed row, with what its attempt needs: its webhook (for that channel) and its organisation's standing. */
export interface ClaimedDelivery extends DeliveryRow {
  url: string | null;
  secret_ciphertext: string | null;
  previous_secret_ciphertext: string | null;
  previous_secret_expires_at: Date | null;
  disabled_at: Date | null;
  organisation_status: OrganisationStatus | null;
}

/** What an attempt got back (an HTTP or SMTP status; none on a network error) and how long it took. */
export interface AttemptFacts {
  responseStatus: number | null;
  durationMs: number;
}

/** What becomes of a claimed delivery that was not sent. */
export type Settlement =
  /** Attempted and failed; retried after the delay. */
  | { status: 'failed'; retryInMs: number; error: string; facts: AttemptFacts }
  /** Attempted and given up; a 410 also disables the webhook. */
  | { status: 'dead'; error: string; facts: AttemptFacts; disableWebhook: boolean }
  /** Given up without an attempt: the claim does not count, the last attempt's facts stay. */
  | { status: 'abandoned'; error: string };

/**
 * The claimed rows of a CTE `from` (deliveries rows) as the dispatcher needs them, aliased `c`:
 * the whole body (the row's part over its message's content) where `withBody` holds, its webhook,
 * its organisation's standing.
 */
export function claimedRowsOf(from: string, withBody = 'true'): string {
  return `SELECT c.id, c.alert_id, c.message_type, c.organisation_id, c.channel, c.webhook_id, c.referent_id,
         c.email_address, c.attempts, c.last_error,
         CASE WHEN ${withBody} THEN ${withContent('c.body', 'm')} END AS body, c.trace_headers, c.created_at,
         w.url, w.secret_ciphertext, w.previous_secret_ciphertext, w.previous_secret_expires_at, w.disabled_at,
         o.status AS organisation_status
  FROM ${from} c
  LEFT JOIN message_contents m ON m.id = c.content_id
  LEFT JOIN webhooks w ON w.id = c.webhook_id
  LEFT JOIN directory_organisations o ON o.id = c.organisation_id`;
}

/**
 * A round looks at this many of the oldest due deliveries. Read in index order, so the scan stops
 * there and skips the entries of rows already sent (a bitmap scan would visit each of them until
 * vacuum removes them).
 */
const DUE_WINDOW = 2000;

/**
 * Claims due deliveries with a lease, in one statement: the rows get their attempt counted and
 * their next attempt pushed past the lease before any request goes out. Instances skip each
 * other's rows (SKIP LOCKED); a crash mid-send only delays the retry until the lease ends.
 *
 * A target (webhook, or referent for e-mail) is a queue: among the oldest due deliveries, for up
 * to $2 targets, the oldest of each, at most $4 of them, are claimed as a run, and targets with a
 * run already in flight here ($3) are skipped. Targets are ranked, and runs numbered, by window
 * functions over that window, never by joining one CTE to another: the planner cannot estimate a
 * CTE's rows and joined them by nested loops, quadratic in the targets claimed (110 ms for a
 * round of 500 webhooks; 39 ms this way).
 */
const CLAIM: PreparedStatement = {
  name: 'notification.claim-runs',
  text: `
  WITH oldest AS (
    SELECT id, coalesce(webhook_id, referent_id) AS target, next_attempt_at, created_at FROM deliveries
    WHERE status IN ('pending', 'failed') AND next_attempt_at <= now()
    ORDER BY next_attempt_at LIMIT ${DUE_WINDOW}),
  due AS (
    SELECT id, target,
           row_number() OVER (PARTITION BY target ORDER BY next_attempt_at, created_at) AS n,
           min(next_attempt_at) OVER (PARTITION BY target) AS first_due
    FROM oldest WHERE NOT (target = ANY($3::uuid[]))),
  ranked AS (SELECT id, n, dense_rank() OVER (ORDER BY first_due, target) AS rank FROM due WHERE n <= $4),
  locked AS (
    SELECT d.id, r.n FROM deliveries d JOIN ranked r USING (id)
    WHERE r.rank <= $2 AND d.status IN ('pending', 'failed') AND d.next_attempt_at <= now()
    FOR UPDATE OF d SKIP LOCKED),
  claimed AS (
    UPDATE deliveries d SET attempts = d.attempts + 1, next_attempt_at = now() + $1::int * interval '1 millisecond'
    FROM locked l WHERE d.id = l.id
    RETURNING d.*, l.n)
  ${claimedRowsOf('claimed')}
  ORDER BY c.n`,
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

// Every change below holds only while the row is still the one this instance claimed.
const STILL_OURS = `id = $1 AND attempts = $2 AND status IN ('pending', 'failed')`;

/**
 * The delivery queue in PostgreSQL: claims runs, and records what became of each claimed
 * delivery (sent, failed, dead, abandoned, or handed back), each change conditional on the row
 * still being the claimed one.
 */
@Injectable()
export class DeliveryQueue {
  /** Successes are recorded together: one statement (and commit) for all the attempts that ended meanwhile. */
  private readonly successes = new BatchedWriter<{ id: string; attempts: number } & AttemptFacts>(async (rows) => {
    await runPrepared(this.dataSource, RECORD_SENT, [
      rows.map((row) => row.id),
      rows.map((row) => row.attempts),
      rows.map((row) => row.responseStatus),
      rows.map((row) => row.durationMs),
    ]);
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** Up to `targets` runs of at most `runLength` deliveries, skipping the targets in `busy`; in run order. */
  claim(leaseMs: number, targets: number, busy: string[], runLength: number): Promise<ClaimedDelivery[]> {
    return runPrepared<ClaimedDelivery>(this.dataSource, CLAIM, [leaseMs, targets, busy, runLength]);
  }

  /** Recorded with the other successes that end meanwhile. */
  sent(delivery: ClaimedDelivery, facts: AttemptFacts): Promise<void> {
    return this.successes.add({ id: delivery.id, attempts: delivery.attempts, ...facts });
  }

  /** False when the row is no longer the claimed one (abandoned meanwhile): nothing is recorded. */
  async settle(delivery: ClaimedDelivery, settlement: Settlement): Promise<boolean> {
    if (settlement.status === 'failed') {
      const { retryInMs, error, facts } = settlement;
      const recorded = await this.dataSource.query<unknown[]>(
        `WITH failed AS (
           UPDATE deliveries SET status = 'failed', next_attempt_at = now() + $3::int * interval '1 millisecond',
             last_error = $4, last_attempt_at = now(), last_response_status = $5, last_duration_ms = $6
           WHERE ${STILL_OURS} RETURNING id)
         SELECT id FROM failed`,
        [delivery.id, delivery.attempts, retryInMs, error, facts.responseStatus, facts.durationMs],
      );
      return recorded.length > 0;
    }
    const facts = settlement.status === 'dead' ? settlement.facts : null;
    return this.dataSource.transaction(async (manager) => {
      const killed = await manager.query<DeliveryRow[]>(
        `WITH killed AS (
           UPDATE deliveries SET status = 'dead', attempts = $3, last_error = $4,
             last_attempt_at = CASE WHEN $5::boolean THEN now() ELSE last_attempt_at END,
             last_response_status = CASE WHEN $5::boolean THEN $6::int ELSE last_response_status END,
             last_duration_ms = CASE WHEN $5::boolean THEN $7::int ELSE last_duration_ms END
           WHERE ${STILL_OURS}
           RETURNING ${ROW_COLUMNS})
         SELECT * FROM killed`,
        [
          delivery.id,
          delivery.attempts,
          facts ? delivery.attempts : delivery.attempts - 1,
          settlement.error,
          facts !== null,
          facts?.responseStatus ?? null,
          facts?.durationMs ?? null,
        ],
      );
      if (killed.length === 0) return false;
      if (settlement.status === 'dead' && settlement.disableWebhook && delivery.webhook_id) {
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
  async release(deliveries: ClaimedDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.dataSource.query(
      `UPDATE deliveries d SET attempts = d.attempts - 1, next_attempt_at = now()
       FROM unnest($1::uuid[], $2::int[]) AS r(id, attempts)
       WHERE d.id = r.id AND d.attempts = r.attempts AND d.status IN ('pending', 'failed')`,
      [deliveries.map((d) => d.id), deliveries.map((d) => d.attempts)],
    );
  }
}

/**
 * Abandons what a webhook still had to receive (dead, with the reason, each announced), in the
 * caller's transaction: an attempt in flight then finds its delivery dead and records nothing.
 */
export async function abandonAllFor(
  outbox: Outbox,
  manager: EntityManager,
  webhookId: string,
  reason: string,
): Promise<number> {
  const abandoned = await manager.query<DeliveryRow[]>(
    `WITH abandoned AS (
       UPDATE deliveries SET status = 'dead', last_error = $2
       WHERE webhook_id = $1 AND status IN ('pending', 'failed') RETURNING ${ROW_COLUMNS})
     SELECT * FROM abandoned`,
    [webhookId, reason],
  );
  for (const dead of abandoned) await announceDeath(outbox, manager, dead);
  return abandoned.length;
}

/** delivery.dead.v1, in the transaction that marked the delivery dead: the dead-letter topic. */
async function announceDeath(outbox: Outbox, manager: EntityManager, dead: DeliveryRow): Promise<void> {
  await outbox.add(manager, {
    definition: DeliveryDeadV1,
    key: dead.id,
    payload: {
      deliveryId: dead.id,
      messageType: dead.message_type,
      subjectId: dead.alert_id,
      organisationId: dead.organisation_id,
      channel: dead.channel,
      ...(dead.webhook_id ? { webhookId: dead.webhook_id } : {}),
      ...(dead.referent_id ? { referentId: dead.referent_id } : {}),
      attempts: dead.attempts,
      reason: dead.last_error ?? '',
      deadAt: new Date().toISOString(),
    },
  });
}
