import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { Caller } from '@vigie/access';
import { Outbox } from '@vigie/messaging';
import { ConflictError, NotFoundError } from '@vigie/platform';
import { organisationOf } from '../caller-organisation';
import { NOTIFICATION_CONFIG, type NotificationConfig, type WebhookSettings } from '../config';
import { announceDeath, DEAD_COLUMNS, type DeadDelivery } from '../deliveries/dead-letter';
import { newWebhookSecret } from '../deliveries/webhook.signer';
import type { RegisterWebhookDto } from './dto/register-webhook.dto';
import { WebhookView, type RegisteredWebhookView } from './dto/webhook.view';
import { SecretBox } from './secret-box';
import { checkWebhookTarget } from './webhook-target.policy';
import { Webhook } from './webhook.entity';

/** Bounds the fan-out of one alert, and what a leaked key can register. */
export const MAX_ACTIVE_WEBHOOKS = 10;

@Injectable()
export class WebhooksService {
  private readonly settings: WebhookSettings;

  constructor(
    private readonly dataSource: DataSource,
    private readonly box: SecretBox,
    private readonly outbox: Outbox,
    @Inject(NOTIFICATION_CONFIG) config: NotificationConfig,
  ) {
    this.settings = config.webhooks;
  }

  async register(input: RegisterWebhookDto, caller: Caller): Promise<RegisteredWebhookView> {
    const organisationId = organisationOf(caller);
    const url = await checkWebhookTarget(input.url, { allowPrivateTargets: this.settings.allowPrivateTargets });
    const id = randomUUID();
    const secret = newWebhookSecret();
    return this.dataSource.transaction(async (manager) => {
      // Serialises registrations of one organisation so the limit holds.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `vigie.notification.webhooks.${organisationId}`,
      ]);
      const active = await manager.countBy(Webhook, { organisationId, disabledAt: IsNull() });
      if (active >= MAX_ACTIVE_WEBHOOKS) {
        throw new ConflictError(`an organisation may have at most ${MAX_ACTIVE_WEBHOOKS} active webhooks`);
      }
      const webhook = manager.create(Webhook, {
        id,
        organisationId,
        url: url.href,
        secretCiphertext: this.box.encrypt(secret, id),
        disabledAt: null,
      });
      await manager.save(webhook);
      return { id, url: webhook.url, secret, createdAt: webhook.createdAt.toISOString() };
    });
  }

  async list(caller: Caller): Promise<WebhookView[]> {
    const webhooks = await this.dataSource.manager.find(Webhook, {
      where: { organisationId: organisationOf(caller) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return webhooks.map(WebhookView.of);
  }

  /**
   * Idempotent. What the webhook still had to receive is abandoned at once (dead, announced on
   * delivery.dead.v1); an attempt in flight finds its delivery dead and records nothing. Another
   * organisation's webhook is reported as not found, like an unknown id.
   */
  async disable(id: string, caller: Caller): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string }[]>(
        `WITH disabled AS (
           UPDATE webhooks SET disabled_at = COALESCE(disabled_at, now())
           WHERE id = $1 AND organisation_id = $2 RETURNING id)
         SELECT id FROM disabled`,
        [id, organisationOf(caller)],
      );
      if (rows.length === 0) throw new NotFoundError('webhook', id);
      const abandoned = await manager.query<DeadDelivery[]>(
        `WITH abandoned AS (
           UPDATE deliveries SET status = 'dead', last_error = 'webhook disabled before delivery'
           WHERE webhook_id = $1 AND status IN ('pending', 'failed') RETURNING ${DEAD_COLUMNS})
         SELECT * FROM abandoned`,
        [id],
      );
      for (const dead of abandoned) await announceDeath(this.outbox, manager, dead);
    });
  }
}
