import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '@vigie/access';
import { AuditLog, type AuditRecord, type ObjectChange } from '../audit/audit.log';
import type { Organisation } from './organisation.entity';
import { PartnerEvents } from './partner.events';

/** What the audit trail records of a change to an organisation, but the organisation, given apart. */
export type OrganisationChange = Omit<AuditRecord, 'organisationId'>;

/**
 * A change to an organisation's state, made known twice in the caller's transaction: published
 * (partner.changed.v1, with the new revision) and recorded in the audit trail.
 */
@Injectable()
export class OrganisationChanges {
  constructor(
    private readonly events: PartnerEvents,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Publishes the organisation's new state, then audits the change, which may be drawn from the
   * organisation as published. Returns that organisation.
   */
  async record(
    manager: EntityManager,
    caller: Caller | 'seed',
    organisationId: string,
    change: OrganisationChange | ((organisation: Organisation) => OrganisationChange),
  ): Promise<Organisation> {
    const organisation = await this.events.changed(manager, organisationId);
    const audited = typeof change === 'function' ? change(organisation) : change;
    await this.audit.record(manager, caller, { ...audited, organisationId });
    return organisation;
  }

  /**
   * A change of one of the organisation's objects (`<entity>.<change>`, as `AuditLog.recordChange`
   * records it), once the organisation's new state is published.
   */
  async recordOf(manager: EntityManager, caller: Caller, ...change: ObjectChange): Promise<void> {
    const [, , object] = change;
    await this.events.changed(manager, object.organisationId);
    await this.audit.recordChange(manager, caller, ...change);
  }
}
