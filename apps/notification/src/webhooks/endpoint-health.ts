import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Outbox } from '@vigie/messaging';
import { WEBHOOK_DISABLED_NOTICE, type WebhookDisabledNotice } from '../channels/email/webhook-notice.renderer';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { abandonAllFor } from '../deliveries/delivery.queue';

export interface DisableThreshold {
  /** Failed attempts in a row; 0 turns automatic disabling off. */
  failures: number;
  /** How long the run of failures must have lasted. */
  seconds: number;
}

/** An endpoint keeps failing once both parts of the threshold are reached. */
export function keepsFailing(
  run: { failures: number; failingSince: Date },
  threshold: DisableThreshold,
  now: Date = new Date(),
): boolean {
  if (threshold.failures <= 0) return false;
  return run.failures >= threshold.failures && now.getTime() - run.failingSince.getTime() >= threshold.seconds * 1000;
}

/**
 * Counts each endpoint's failed attempts in a row (a success resets the count, in the statement
 * that records it) and disables an endpoint that keeps failing: what it still had to receive is
 * abandoned, and the organisation's referents are e-mailed, through the delivery queue, in the
 * same transaction.
 */
@Injectable()
export class EndpointHealth {
  private readonly logger = new Logger(EndpointHealth.name);
  private readonly threshold: DisableThreshold;
  private readonly emailEnabled: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(NOTIFICATION_CONFIG) config: NotificationConfig,
  ) {
    this.threshold = config.webhooks.disableAfter;
    this.emailEnabled = config.email.smtpUrl !== null;
  }

  /** After a failed attempt (not one abandoned or interrupted); true when the endpoint was disabled. */
  async failed(webhookId: string): Promise<boolean> {
    const [run] = await this.dataSource.query<{ failures: number; failing_since: Date }[]>(
      `WITH counted AS (
         UPDATE webhooks SET consecutive_failures = consecutive_failures + 1, failing_since = COALESCE(failing_since, now())
         WHERE id = $1 AND disabled_at IS NULL
         RETURNING consecutive_failures AS failures, failing_since)
       SELECT * FROM counted`,
      [webhookId],
    );
    if (!run || !keepsFailing({ failures: run.failures, failingSince: new Date(run.failing_since) }, this.threshold)) {
      return false;
    }
    return this.disable(webhookId);
  }

  private async disable(webhookId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [webhook] = await manager.query<
        { organisation_id: string; url: string; failures: number; failing_since: Date; disabled_at: Date }[]
      >(
        `WITH disabled AS (
           UPDATE webhooks SET disabled_at = now(), disabled_reason = 'failing'
           WHERE id = $1 AND disabled_at IS NULL
           RETURNING organisation_id, url, consecutive_failures AS failures, failing_since, disabled_at)
         SELECT * FROM disabled`,
        [webhookId],
      );
      if (!webhook) return false;
      const abandoned = await abandonAllFor(this.outbox, manager, webhookId, 'webhook disabled: it kept failing');
      const notice: WebhookDisabledNotice = {
        type: WEBHOOK_DISABLED_NOTICE,
        webhook: { id: webhookId, url: webhook.url },
        failures: webhook.failures,
        failingSince: new Date(webhook.failing_since).toISOString(),
        disabledAt: new Date(webhook.disabled_at).toISOString(),
      };
      // Every referent of the organisation, once per address; the notice is its own subject.
      const told = this.emailEnabled
        ? await manager.query<unknown[]>(
            `INSERT INTO deliveries (id, alert_id, message_type, organisation_id, channel, referent_id, email_address,
               status, next_attempt_at, body)
             SELECT gen_random_uuid(), $1, $2, $3, 'email', r.id, r.email, 'pending', now(), $4::jsonb
             FROM (SELECT DISTINCT ON (lower(email)) id, email FROM referents WHERE organisation_id = $3
                   ORDER BY lower(email), role DESC, id) r
             RETURNING id`,
            [randomUUID(), WEBHOOK_DISABLED_NOTICE, webhook.organisation_id, JSON.stringify(notice)],
          )
        : [];
      this.logger.warn(
        `webhook ${webhookId} disabled after ${webhook.failures} failed attempts in a row; ` +
          `${abandoned} deliveries abandoned, ${told.length} referent(s) to e-mail`,
      );
      return true;
    });
  }
}
