import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@vigie/access';
import { ForbiddenError } from '@vigie/platform';
import { canReadAudit } from '../access/registry.access';
import { auditEntries } from './audit-log.queries';
import type { AuditEntryView, AuditQuery } from './audit.controller';

const DEFAULT_LIMIT = 100;

/** Reads the audit trail for those who may read all of it. */
@Injectable()
export class AuditTrail {
  constructor(private readonly dataSource: DataSource) {}

  async entries(query: AuditQuery, caller: Caller): Promise<AuditEntryView[]> {
    if (!canReadAudit(caller)) throw new ForbiddenError('the audit trail is for administrators and national operators');
    const rows = await auditEntries(this.dataSource.manager, {
      organisationId: query.organisationId,
      personId: query.personId,
      entity: query.entity,
      entityId: query.entityId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      beforeId: query.before,
      limit: query.limit ?? DEFAULT_LIMIT,
    });
    return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
  }
}
