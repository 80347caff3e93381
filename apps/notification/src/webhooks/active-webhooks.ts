import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { HeldRows, heldWhileHeard, type ChannelListener } from '@vigie/persistence';
import { groupBy } from '../deliveries/distribution.plan';
import { activeWebhooksOf, type ActiveWebhook } from './webhooks.queries';

/**
 * The active webhooks of the organisations messages go to, as distributions plan them: held per
 * organisation while every change to `webhooks` (one registered, disabled, enabled, its URL
 * changed) is announced on `webhooks_<schema>` when it commits, so that a batch reads only those
 * of organisations it has not met since the last change (ADR 62). The announcement comes from a
 * trigger, whichever instance or writer made the change; while it may go unheard, every batch
 * reads them all, as before.
 */
@Injectable()
export class ActiveWebhooks implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ActiveWebhooks.name);
  private readonly held = new HeldRows<ActiveWebhook[]>();
  private readonly changes: ChannelListener;

  constructor(dataSource: DataSource) {
    this.changes = heldWhileHeard(this.held, dataSource, 'webhooks', (reason) =>
      this.logger.warn(
        `webhook changes unheard (${reason}): every batch reads its webhooks until they are heard again`,
      ),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.changes.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.changes.stop();
    this.held.deaf();
  }

  /** The active webhooks of these organisations: each organisation's oldest first, in the order given. */
  async of(manager: EntityManager, organisationIds: readonly string[]): Promise<ActiveWebhook[]> {
    const found = new Map<string, readonly ActiveWebhook[]>();
    const missing: string[] = [];
    for (const id of organisationIds) {
      const held = this.held.get(id);
      if (held) found.set(id, held);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const read = this.held.beginRead();
      const byOrganisation = groupBy(await activeWebhooksOf(manager, missing), (webhook) => webhook.organisationId);
      for (const id of missing) {
        const webhooks = byOrganisation.get(id) ?? [];
        found.set(id, webhooks);
        this.held.keep(id, webhooks, read);
      }
    }
    return organisationIds.flatMap((id) => found.get(id) ?? []);
  }

  /** Whether this instance hears the changes now (its LISTEN connection is up). */
  get hearsChanges(): boolean {
    return this.changes.listening;
  }
}
