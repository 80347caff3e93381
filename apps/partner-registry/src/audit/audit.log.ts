import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import { actorOf } from '../access/registry.access';

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
    await manager.query(
      `INSERT INTO audit_log (actor, action, entity, entity_id, organisation_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        caller === 'seed' ? 'seed' : actorOf(caller),
        record.action,
        record.entity,
        record.entityId,
        record.organisationId,
        record.before ? JSON.stringify(record.before) : null,
        record.after ? JSON.stringify(record.after) : null,
      ],
    );
  }
}
