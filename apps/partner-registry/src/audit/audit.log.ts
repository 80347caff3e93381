import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import { actorOf } from '../access/registry.access';
import { insertAuditEntry } from './audit-log.queries';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: string;
  organisationId: string | null;
  before?: object;
  after?: object;
}

/** Writes the audit trail inside the transaction of the change it describes. */
@Injectable()
export class AuditLog {
  async record(manager: EntityManager, caller: Caller | 'seed', record: AuditRecord): Promise<void> {
    await insertAuditEntry(manager, {
      actor: caller === 'seed' ? 'seed' : actorOf(caller),
      personId: caller === 'seed' ? null : (caller.person?.id ?? null),
      action: record.action,
      entity: record.entity,
      entityId: record.entityId,
      organisationId: record.organisationId,
      before: record.before ?? null,
      after: record.after ?? null,
    });
  }
}
