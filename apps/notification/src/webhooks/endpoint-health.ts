import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Outbox } from '@vigie/messaging';
import { WEBHOOK_DISABLED_NOTICE, type WebhookDisabledNotice } from '../channels/email/webhook-notice.renderer';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { insertNoticeToReferents } from '../deliveries/deliveries.queries';
import { abandonAllFor } from '../deliveries/delivery.queue';
import { countFailure, disableFailing } from './webhooks.queries';

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
    const run = await countFailure(this.dataSource.manager, webhookId);
    if (!run || !keepsFailing(run, this.threshold)) {
      return false;
    }
    return this.disable(webhookId);
  }

  private async disable(webhookId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const webhook = await disableFailing(manager, webhookId);
      if (!webhook) return false;
      const abandoned = await abandonAllFor(this.outbox, manager, webhookId, 'webhook disabled: it kept failing');
      const notice: WebhookDisabledNotice = {
        type: WEBHOOK_DISABLED_NOTICE,
        webhook: { id: webhookId, url: webhook.url },
        failures: webhook.failures,
        failingSince: webhook.failingSince.toISOString(),
        disabledAt: webhook.disabledAt.toISOString(),
      };
      // Every referent of the organisation, once per address; the notice is its own subject.
      const told = this.emailEnabled
        ? await insertNoticeToReferents(manager, {
            subjectId: randomUUID(),
            messageType: WEBHOOK_DISABLED_NOTICE,
            organisationId: webhook.organisationId,
            body: notice,
          })
        : 0;
      this.logger.warn(
        `webhook ${webhookId} disabled after ${webhook.failures} failed attempts in a row; ` +
          `${abandoned} deliveries abandoned, ${told} referent(s) to e-mail`,
      );
      return true;
    });
  }
}
