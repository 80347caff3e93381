import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { issueApiKey, type Caller } from '@vigie/access';
import { ApiKeyRole, OrganisationKind } from '@vigie/contracts';
import { NotFoundError, InvalidRequestError } from '@vigie/platform';
import { actsFor, canManage } from '../access/registry.access';
import { OrganisationWriter } from '../organisations/organisation-writer';
import { heldBy, organisationFor } from '../organisations/organisation.lookup';
import { ApiKey } from './api-key.entity';
import { ApiKeyView, IssuedKeyView, type IssueKeyDto } from './dto/issued-key.view';

const DEFAULT_GRACE_SECONDS = 3600;

/** Its managers (administrator, competent prefecture) and its own operators look after its keys. */
const mayHandleKeys = (caller: Caller, organisation: { id: string; kind: OrganisationKind; departments: string[] }) =>
  canManage(caller, organisation) || actsFor(caller, organisation.id);

@Injectable()
export class CredentialsService extends OrganisationWriter {
  issue(organisationId: string, input: IssueKeyDto, caller: Caller): Promise<IssuedKeyView> {
    return this.underOrganisation(organisationId, caller, mayHandleKeys, async (manager, organisation) => {
      if (
        input.roles.includes(ApiKeyRole.Admin) &&
        !(caller.isAdmin && organisation.kind === OrganisationKind.NationalLevel)
      ) {
        throw new InvalidRequestError([
          { field: 'roles', problems: ['only an administrator may grant admin, and only to the national level'] },
        ]);
      }
      const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
      if (expiresAt && expiresAt <= new Date()) {
        throw new InvalidRequestError([{ field: 'expiresAt', problems: ['expiresAt must be in the future'] }]);
      }
      return this.create(manager, caller, {
        organisationId,
        roles: input.roles,
        label: input.label ?? null,
        expiresAt,
      });
    });
  }

  async list(organisationId: string, caller: Caller): Promise<ApiKeyView[]> {
    const order = { createdAt: 'ASC' } as const;
    const keys = await heldBy(this.dataSource.manager, ApiKey, organisationId, caller, order, mayHandleKeys);
    return keys.map(ApiKeyView.of);
  }

  /** A new key with the same roles; the old one keeps working for the grace period only. */
  rotate(keyId: string, graceSeconds: number | undefined, caller: Caller): Promise<IssuedKeyView> {
    return this.dataSource.transaction(async (manager) => {
      const old = await this.keyFor(manager, keyId, caller);
      const graceEnd = new Date(Date.now() + (graceSeconds ?? DEFAULT_GRACE_SECONDS) * 1000);
      await manager.update(ApiKey, keyId, {
        expiresAt: old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd,
      });
      return this.create(manager, caller, {
        organisationId: old.organisationId,
        roles: old.roles,
        label: old.label,
        expiresAt: old.expiresAt,
        replacesKeyId: old.id,
      });
    });
  }

  revoke(keyId: string, caller: Caller): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const key = await this.keyFor(manager, keyId, caller);
      await manager.update(ApiKey, keyId, { revokedAt: new Date() });
      await this.changes.record(manager, caller, key.organisationId, {
        action: 'api-key.revoked',
        entity: 'api-key',
        entityId: keyId,
        before: ApiKeyView.of(key),
      });
    });
  }

  /** A live key of an organisation the caller may handle keys for; anything else is not found. */
  private async keyFor(manager: EntityManager, keyId: string, caller: Caller): Promise<ApiKey> {
    const key = await manager.findOne(ApiKey, { where: { id: keyId }, lock: { mode: 'pessimistic_write' } });
    if (!key || key.revokedAt) throw new NotFoundError('API key', keyId);
    await organisationFor(manager, key.organisationId, caller, mayHandleKeys).catch(() => {
      throw new NotFoundError('API key', keyId);
    });
    return key;
  }

  private async create(
    manager: EntityManager,
    caller: Caller,
    key: Pick<ApiKey, 'organisationId' | 'roles' | 'label' | 'expiresAt'> & { replacesKeyId?: string },
  ): Promise<IssuedKeyView> {
    const issued = await issueApiKey();
    await manager.insert(ApiKey, {
      id: issued.id,
      secretHash: issued.secretHash,
      revokedAt: null,
      replacesKeyId: key.replacesKeyId ?? null,
      ...key,
    });
    const stored = await manager.findOneByOrFail(ApiKey, { id: issued.id });
    await this.changes.record(manager, caller, key.organisationId, {
      action: key.replacesKeyId ? 'api-key.rotated' : 'api-key.issued',
      entity: 'api-key',
      entityId: issued.id,
      after: ApiKeyView.of(stored),
    });
    return { ...ApiKeyView.of(stored), key: issued.token };
  }
}
