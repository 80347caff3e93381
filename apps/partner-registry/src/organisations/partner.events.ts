import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PartnerChangedV1, type PartnerChangedV1Payload } from '@vigie/contracts';
import { Outbox } from '@vigie/messaging';
import { ApiKey } from '../credentials/api-key.entity';
import { Organisation } from './organisation.entity';
import { bumpRevision, memberships, referentContacts, subscriptionsOf } from './partner-state.queries';

/**
 * Every change to an organisation — status, keys, memberships, subscriptions, referents — ends here: the
 * revision goes up and partner.changed.v1 carries the organisation's full state, in the
 * caller's transaction.
 */
@Injectable()
export class PartnerEvents {
  constructor(private readonly outbox: Outbox) {}

  async changed(manager: EntityManager, organisationId: string): Promise<Organisation> {
    await bumpRevision(manager, organisationId);
    const organisation = await manager.findOneByOrFail(Organisation, { id: organisationId });
    const keys = await manager.find(ApiKey, { where: { organisationId }, order: { createdAt: 'ASC' } });
    const payload: PartnerChangedV1Payload = {
      organisationId,
      revision: organisation.revision,
      kind: organisation.kind,
      name: organisation.name,
      status: organisation.status,
      departments: organisation.departments,
      sector: organisation.sector,
      apiKeys: keys.map((key) => ({
        id: key.id,
        secretHash: key.secretHash,
        roles: key.roles,
        expiresAt: key.expiresAt?.toISOString() ?? null,
        revokedAt: key.revokedAt?.toISOString() ?? null,
      })),
      conventions: await memberships(manager, organisationId),
      subscriptions: await subscriptionsOf(manager, organisationId),
      // Notification e-mails referents and escalates to deputies: it needs their addresses.
      referents: await referentContacts(manager, organisationId),
    };
    await this.outbox.add(manager, { definition: PartnerChangedV1, key: organisationId, payload });
    return organisation;
  }
}
