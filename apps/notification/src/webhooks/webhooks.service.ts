import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import { Outbox } from '@vigie/messaging';
import { lockUntilCommit } from '@vigie/persistence';
import { ConflictError, NotFoundError } from '@vigie/platform';
import { organisationOf } from '../caller-organisation';
import { newWebhookSecret } from '../channels/webhook/webhook.signer';
import { NOTIFICATION_CONFIG, type NotificationConfig, type WebhookSettings } from '../config';
import { abandonAllFor } from '../deliveries/delivery.queue';
import type { RegisterWebhookDto } from './dto/register-webhook.dto';
import type { RotateSecretDto } from './dto/rotate-secret.dto';
import { RotatedSecretView, WebhookView, type RegisteredWebhookView } from './dto/webhook.view';
import { SecretBox } from './secret-box';
import { checkWebhookTarget } from './webhook-target.policy';
import { previousSecretData, Webhook } from './webhook.entity';
import { databaseTimeIn } from './webhooks.queries';

/** Bounds the fan-out of one alert, and what a leaked key can register. */
export const MAX_ACTIVE_WEBHOOKS = 10;

/** The advisory lock that serialises an organisation's registrations, so that the limit holds. */
export const webhookLockKey = (organisationId: string): string => `vigie.notification.webhooks.${organisationId}`;

/** How long the replaced secret keeps signing after a rotation, unless the request says otherwise. */
export const DEFAULT_OVERLAP_SECONDS = 86400;

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
      await this.withinLimit(manager, organisationId);
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

  /** One of the caller's organisation's webhooks; another organisation's is not found, like an unknown id. */
  async get(id: string, caller: Caller, manager: EntityManager = this.dataSource.manager): Promise<Webhook> {
    const webhook = await manager.findOne(Webhook, {
      where: { id, organisationId: organisationOf(caller) },
      lock: manager.queryRunner?.isTransactionActive ? { mode: 'pessimistic_write' } : undefined,
    });
    if (!webhook) throw new NotFoundError('webhook', id);
    return webhook;
  }

  /**
   * Idempotent. What the webhook still had to receive is abandoned at once (dead, announced on
   * delivery.dead.v1); an attempt in flight finds its delivery dead and records nothing. While
   * disabled, no delivery is created for it. Another organisation's webhook is not found.
   */
  async disable(id: string, caller: Caller): Promise<WebhookView> {
    return this.dataSource.transaction(async (manager) => {
      const webhook = await this.get(id, caller, manager);
      if (!webhook.disabledAt) {
        webhook.disabledAt = new Date();
        webhook.disabledReason = 'by-organisation';
        await manager.save(webhook);
      }
      await abandonAllFor(this.outbox, manager, id, 'webhook disabled before delivery');
      return WebhookView.of(webhook);
    });
  }

  /**
   * Receives new messages again, with its run of failures forgotten; within the limit of active
   * webhooks. What was abandoned while it was disabled comes back only on request (redeliveries).
   */
  async enable(id: string, caller: Caller): Promise<WebhookView> {
    const organisationId = organisationOf(caller);
    return this.dataSource.transaction(async (manager) => {
      const webhook = await this.get(id, caller, manager);
      if (!webhook.disabledAt) return WebhookView.of(webhook);
      await this.withinLimit(manager, organisationId);
      webhook.disabledAt = null;
      webhook.disabledReason = null;
      webhook.consecutiveFailures = 0;
      webhook.failingSince = null;
      await manager.save(webhook);
      return WebhookView.of(webhook);
    });
  }

  /**
   * A new secret, shown in this answer only. The replaced one keeps signing beside it (two
   * signatures per delivery) until the overlap ends; a secret replaced earlier stops at once.
   */
  async rotate(id: string, input: RotateSecretDto, caller: Caller): Promise<RotatedSecretView> {
    const overlapSeconds = input.overlapSeconds ?? DEFAULT_OVERLAP_SECONDS;
    const secret = newWebhookSecret();
    return this.dataSource.transaction(async (manager) => {
      const webhook = await this.get(id, caller, manager);
      const replaced = this.box.decrypt(webhook.secretCiphertext, id);
      const expires = await databaseTimeIn(manager, overlapSeconds);
      webhook.secretCiphertext = this.box.encrypt(secret, id);
      webhook.previousSecretCiphertext = overlapSeconds > 0 ? this.box.encrypt(replaced, previousSecretData(id)) : null;
      webhook.previousSecretExpiresAt = overlapSeconds > 0 ? expires : null;
      await manager.save(webhook);
      return {
        id,
        secret,
        previousSecretExpiresAt: webhook.previousSecretExpiresAt ? webhook.previousSecretExpiresAt.toISOString() : null,
      };
    });
  }

  /** Serialises an organisation's registrations and re-enablings so that the limit holds. */
  private async withinLimit(manager: EntityManager, organisationId: string): Promise<void> {
    await lockUntilCommit(manager, webhookLockKey(organisationId));
    const active = await manager.countBy(Webhook, { organisationId, disabledAt: IsNull() });
    if (active >= MAX_ACTIVE_WEBHOOKS) {
      throw new ConflictError(`an organisation may have at most ${MAX_ACTIVE_WEBHOOKS} active webhooks`);
    }
  }
}
