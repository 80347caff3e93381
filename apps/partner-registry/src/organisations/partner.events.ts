import { Injectable } from '@nestjs/common';
import { PartnerChangedV1, type PartnerChangedV1Payload } from '@vigie/contracts';
import { Outbox } from '@vigie/messaging';
import type { EntityManager } from 'typeorm';
import { ApiKey } from '../credentials/api-key.entity';
import type { Organisation } from './organisation.entity';

/** Writes partner.changed.v1, the organisation's full state, in the caller's transaction. */
@Injectable()
export class PartnerEvents {
  constructor(private readonly outbox: Outbox) {}

  async changed(manager: EntityManager, organisation: Organisation, correlationId?: string): Promise<void> {
    const keys = await manager.find(ApiKey, {
      where: { organisationId: organisation.id },
      order: { createdAt: 'ASC' },
    });
    const payload: PartnerChangedV1Payload = {
      organisationId: organisation.id,
      revision: organisation.revision,
      kind: organisation.kind,
      name: organisation.name,
      status: organisation.status,
      departments: organisation.departments,
      apiKeys: keys.map((key) => ({
        id: key.id,
        secretHash: key.secretHash,
        revokedAt: key.revokedAt ? key.revokedAt.toISOString() : null,
      })),
    };
    await this.outbox.add(manager, {
      definition: PartnerChangedV1,
      key: organisation.id,
      payload,
      origin: { correlationId },
    });
  }
}
