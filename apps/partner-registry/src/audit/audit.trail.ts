import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@vigie/access';
import { ForbiddenError } from '@vigie/platform';
import { canReadAudit } from '../access/registry.access';
import { auditEntries } from './audit-log.queries';
import type { AuditEntryView, AuditQuery } from './audit.controller';
import { AuditLog } from './audit.log';

const DEFAULT_LIMIT = 100;

/** Reads the audit trail for those who may read all of it. */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async entries(query: AuditQuery, caller: Caller): Promise<AuditEntryView[]> {
    if (!canReadAudit(caller)) throw new ForbiddenError('the audit trail is for administrators and national operators');
    const rows = await auditEntries(this.dataSource.manager, {
      kind: query.kind,
      organisationId: query.organisationId,
      personId: query.personId,
      entity: query.entity,
      entityId: query.entityId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      beforeId: query.before,
      limit: query.limit ?? DEFAULT_LIMIT,
    });
    // Reading the trail is itself a read: who looked for what, and how much they saw.
    await this.audit.read(caller, {
      action: 'audit.read',
      entity: 'audit',
      entityId: '',
      organisationId: caller.organisationId,
      after: { filters: definedFilters(query), entries: rows.length },
    });
    return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
  }
}

/** The filters of a query as given, without the absent ones. */
function definedFilters(query: AuditQuery): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined),
  );
}
