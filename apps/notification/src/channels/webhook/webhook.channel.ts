import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../../config';
import type { ChannelResult } from '../../deliveries/delivery.outcome';
import type { ClaimedDelivery } from '../../deliveries/delivery.queue';
import { SecretBox } from '../../webhooks/secret-box';
import { previousSecretData } from '../../webhooks/webhook.entity';
import { sendWebhook } from './webhook.sender';

/** Sends a claimed delivery to its webhook, signed with every secret valid for it. */
@Injectable()
export class WebhookChannel {
  private readonly timeoutMs: number;
  private readonly allowPrivateTargets: boolean;

  constructor(
    private readonly box: SecretBox,
    @Inject(NOTIFICATION_CONFIG) config: NotificationConfig,
  ) {
    this.timeoutMs = config.delivery.timeoutMs;
    this.allowPrivateTargets = config.webhooks.allowPrivateTargets;
  }

  async send(delivery: ClaimedDelivery, shutdown: AbortSignal): Promise<ChannelResult> {
    if (delivery.disabled_at || !delivery.url || !delivery.secret_ciphertext) {
      return { kind: 'unsendable', reason: 'webhook disabled before delivery' };
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
      { timeoutMs: this.timeoutMs, allowPrivateTargets: this.allowPrivateTargets, shutdown },
    );
  }
}
