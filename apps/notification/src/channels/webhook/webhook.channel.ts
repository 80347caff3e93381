import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../../config';
import type { ChannelResult } from '../../deliveries/delivery.outcome';
import type { ClaimedDelivery } from '../../deliveries/delivery.queue';
import { SecretBox } from '../../webhooks/secret-box';
import { previousSecretData } from '../../webhooks/webhook.entity';
import { sendWebhook } from './webhook.sender';
import { signingSecret, type SigningSecret } from './webhook.signer';

/** Secrets kept open at most: as many as the deliveries an instance holds. */
const MAX_OPEN_SECRETS = 10_000;

/** Sends a claimed delivery to its webhook, signed with every secret valid for it. */
@Injectable()
export class WebhookChannel {
  private readonly timeoutMs: number;
  private readonly allowPrivateTargets: boolean;
  /**
   * Secrets opened and made ready to sign, by sealed value and row: each is opened once, not at
   * every attempt. A rotation seals a new value, so it is opened afresh; the oldest go first. The
   * process holds the key that opens every secret anyway, so keeping some open exposes nothing more.
   */
  private readonly open = new Map<string, SigningSecret>();

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
    const secrets: SigningSecret[] = [];
    try {
      secrets.push(this.opened(delivery.secret_ciphertext, delivery.webhook_id!));
      // During a rotation's overlap the previous secret signs too; after it, only the new one.
      const previous = delivery.previous_secret_ciphertext;
      const until = delivery.previous_secret_expires_at;
      if (previous && until && new Date(until).getTime() > Date.now()) {
        secrets.push(this.opened(previous, previousSecretData(delivery.webhook_id!)));
      }
    } catch (error) {
      return { kind: 'error', message: (error as Error).message };
    }
    return sendWebhook(
      { deliveryId: delivery.id, url: delivery.url, secrets, body: JSON.stringify(delivery.body) },
      { timeoutMs: this.timeoutMs, allowPrivateTargets: this.allowPrivateTargets, shutdown },
    );
  }

  /** The secret sealed in `sealed` for `associatedData`, ready to sign; throws if it does not open. */
  private opened(sealed: string, associatedData: string): SigningSecret {
    const key = `${associatedData} ${sealed}`;
    let secret = this.open.get(key);
    if (!secret) {
      secret = signingSecret(this.box.decrypt(sealed, associatedData));
      if (this.open.size >= MAX_OPEN_SECRETS) this.open.delete(this.open.keys().next().value!);
      this.open.set(key, secret);
    }
    return secret;
  }
}
