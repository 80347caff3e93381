import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
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

/** What the registry itself audits being read (ADR 42): an organisation's people, invitations or keys. */
export type AuditedRegistryRead = 'people' | 'invitations' | 'api-keys';

/** A change of one of an organisation's objects: its entity, what happened to it, the object, its states. */
export type ObjectChange = [
  entity: string,
  change: 'created' | 'updated' | 'deleted',
  object: { id: string; organisationId: string },
  states: Pick<AuditRecord, 'before' | 'after'>,
];

/**
 * Writes the audit trail: a change inside the transaction of the change it describes; a read
 * before its answer leaves (a read that cannot be recorded is not answered).
 */
@Injectable()
export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

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

  /** A change of one of an organisation's objects, recorded as `<entity>.<change>`. */
  recordChange(
    manager: EntityManager,
    caller: Caller,
    ...[entity, change, object, states]: ObjectChange
  ): Promise<void> {
    return this.record(manager, caller, {
      action: `${entity}.${change}`,
      entity,
      entityId: object.id,
      organisationId: object.organisationId,
      ...states,
    });
  }

  /** A read of something the registry holds. */
  async read(caller: Caller, record: Omit<AuditRecord, 'before'>): Promise<void> {
    await insertAuditEntry(this.dataSource.manager, {
      kind: 'read',
      actor: actorOf(caller),
      personId: caller.person?.id ?? null,
      action: record.action,
      entity: record.entity,
      entityId: record.entityId,
      organisationId: record.organisationId,
      before: null,
      after: record.after ?? null,
    });
  }

  /**
   * A list of an organisation's people, invitations or keys read by someone outside it (an
   * administrator, the competent prefecture): recorded, then handed back to be answered. The
   * organisation's own readers are not recorded.
   */
  async readFromOutside<T>(caller: Caller, organisationId: string, what: AuditedRegistryRead, list: T[]): Promise<T[]> {
    if (caller.organisationId === organisationId) return list;
    await this.read(caller, {
      action: `organisation.${what}-read`,
      entity: 'organisation',
      entityId: organisationId,
      organisationId,
      after: { count: list.length },
    });
    return list;
  }
}
