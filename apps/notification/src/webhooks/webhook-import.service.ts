import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import { OrganisationKind, STATE_KINDS } from '@vigie/contracts';
import { lockUntilCommit } from '@vigie/persistence';
import { DomainError, ForbiddenError } from '@vigie/platform';
import { newWebhookSecret } from '../channels/webhook/webhook.signer';
import { NOTIFICATION_CONFIG, type NotificationConfig, type WebhookSettings } from '../config';
import { directoryOrganisations, type DirectoryOrganisation } from '../directory/directory.queries';
import {
  WebhookImportRowDto,
  type WebhookImportProblemView,
  type WebhookImportReportView,
  type WebhookImportResultView,
} from './dto/webhook-import.dto';
import { SecretBox } from './secret-box';
import { checkWebhookTarget } from './webhook-target.policy';
import { Webhook } from './webhook.entity';
import { activeWebhooksOf } from './webhooks.queries';
import { MAX_ACTIVE_WEBHOOKS, webhookLockKey } from './webhooks.service';

const BATCH = 500;

const MESSAGES: Record<string, (field: string) => string> = {
  invalid_value: (field) => `La valeur du champ « ${field} » n’est pas valide.`,
  unknown_organisation: () =>
    'Organisation inconnue du service de notification, ou qui ne relève pas de votre compétence.',
  too_many_webhooks: () => `L’organisation a déjà ${MAX_ACTIVE_WEBHOOKS} webhooks actifs.`,
};

const problem = (row: number, field: string, code: string, detail?: string): WebhookImportProblemView => ({
  row,
  field,
  code,
  message: MESSAGES[code](field),
  ...(detail ? { detail } : {}),
});

/**
 * Registers the webhooks of many organisations at once, for an administrator or for the
 * prefecture that manages them: the onboarding counterpart of the registry's organisation import.
 * Each row is checked as POST /v1/webhooks checks one (same DTO, same target policy, same limit);
 * an organisation that already has the URL active is left unchanged, so a file can be sent again.
 */
@Injectable()
export class WebhookImportService {
  private readonly settings: WebhookSettings;

  constructor(
    private readonly dataSource: DataSource,
    private readonly box: SecretBox,
    @Inject(NOTIFICATION_CONFIG) config: NotificationConfig,
  ) {
    this.settings = config.webhooks;
  }

  async import(rows: unknown[], caller: Caller): Promise<WebhookImportReportView> {
    if (!caller.isAdmin && caller.kind !== OrganisationKind.Prefecture) {
      throw new ForbiddenError('webhooks are imported by administrators and prefectures');
    }
    const problems: WebhookImportProblemView[] = [];
    const valid: { row: number; organisationId: string; url: string }[] = [];
    for (const [index, raw] of rows.entries()) {
      const row = index + 1;
      const input = plainToInstance(WebhookImportRowDto, typeof raw === 'object' && raw !== null ? raw : {});
      const errors = validateSync(input, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length > 0) {
        for (const error of errors) {
          problems.push(
            problem(row, error.property, 'invalid_value', Object.values(error.constraints ?? {}).join('; ')),
          );
        }
        continue;
      }
      try {
        const url = await checkWebhookTarget(input.url, { allowPrivateTargets: this.settings.allowPrivateTargets });
        valid.push({ row, organisationId: input.organisationId, url: url.href });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problems.push(problem(row, 'url', 'invalid_value', error.message));
      }
    }
    const results: WebhookImportResultView[] = [];
    for (let start = 0; start < valid.length; start += BATCH) {
      const batch = valid.slice(start, start + BATCH);
      await this.dataSource.transaction(async (manager) => {
        results.push(...(await this.importBatch(manager, batch, caller, problems)));
      });
    }
    return {
      rows: rows.length,
      created: results.filter((result) => result.outcome === 'created').length,
      unchanged: results.filter((result) => result.outcome === 'unchanged').length,
      refused: new Set(problems.map((found) => found.row)).size,
      results: results.sort((a, b) => a.row - b.row),
      problems: problems.sort((a, b) => a.row - b.row),
    };
  }

  private async importBatch(
    manager: EntityManager,
    batch: { row: number; organisationId: string; url: string }[],
    caller: Caller,
    problems: WebhookImportProblemView[],
  ): Promise<WebhookImportResultView[]> {
    const ids = [...new Set(batch.map((row) => row.organisationId))].sort();
    // The lock POST /v1/webhooks takes, so that the limit of active webhooks holds.
    await lockUntilCommit(manager, ...ids.map(webhookLockKey));
    const organisations = new Map(
      (await directoryOrganisations(manager, ids)).map((organisation) => [organisation.id, organisation]),
    );
    const active = await activeWebhooksOf(manager, ids);
    const results: WebhookImportResultView[] = [];
    const created: Partial<Webhook>[] = [];
    for (const { row, organisationId, url } of batch) {
      const organisation = organisations.get(organisationId);
      if (!organisation || !this.manages(caller, organisation)) {
        problems.push(problem(row, 'organisationId', 'unknown_organisation'));
        continue;
      }
      const held = active.filter((webhook) => webhook.organisationId === organisationId);
      const same = held.find((webhook) => webhook.url === url);
      if (same) {
        results.push({ row, outcome: 'unchanged', organisationId, webhookId: same.id, url });
        continue;
      }
      if (held.length >= MAX_ACTIVE_WEBHOOKS) {
        problems.push(problem(row, 'url', 'too_many_webhooks'));
        continue;
      }
      const id = randomUUID();
      const secret = newWebhookSecret();
      created.push({ id, organisationId, url, secretCiphertext: this.box.encrypt(secret, id), disabledAt: null });
      active.push({ id, organisationId, url });
      results.push({ row, outcome: 'created', organisationId, webhookId: id, url, secret });
    }
    if (created.length > 0) await manager.insert(Webhook, created);
    return results;
  }

  /** As the registry decides who manages an organisation: administrators, or the prefecture competent for all of its départements. */
  private manages(caller: Caller, organisation: DirectoryOrganisation): boolean {
    if (caller.isAdmin) return true;
    if (STATE_KINDS.includes(organisation.kind)) return false;
    return (
      organisation.departments.length > 0 && organisation.departments.every((code) => caller.departments.includes(code))
    );
  }
}
