import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  PartnerChangedV1,
  type AlertEventCode,
  type AlertSeverity,
  type PartnerChangedV1Payload,
  type ReferentRole,
  type Sector,
} from '@vigie/contracts';
import { Outbox } from '@vigie/messaging';
import { ApiKey } from '../credentials/api-key.entity';
import { Organisation } from './organisation.entity';

interface MembershipRow {
  convention_id: string;
  sector: Sector;
  departments: string[];
}

interface ReferentRow {
  id: string;
  department: string;
  role: ReferentRole;
  full_name: string;
  email: string;
}

interface SubscriptionRow {
  id: string;
  departments: string[];
  event_codes: AlertEventCode[];
  minimum_severity: AlertSeverity;
  sectors: Sector[];
  include_exercises: boolean;
}

/**
 * Every change to an organisation — status, keys, memberships, subscriptions, referents — ends here: the
 * revision goes up and partner.changed.v1 carries the organisation's full state, in the
 * caller's transaction.
 */
@Injectable()
export class PartnerEvents {
  constructor(private readonly outbox: Outbox) {}

  async changed(manager: EntityManager, organisationId: string): Promise<Organisation> {
    await manager.query('UPDATE organisations SET revision = revision + 1, updated_at = now() WHERE id = $1', [
      organisationId,
    ]);
    const organisation = await manager.findOneByOrFail(Organisation, { id: organisationId });
    const keys = await manager.find(ApiKey, { where: { organisationId }, order: { createdAt: 'ASC' } });
    const memberships = await manager.query<MembershipRow[]>(
      `SELECT c.id AS convention_id, c.sector, c.departments
       FROM convention_members m JOIN conventions c ON c.id = m.convention_id
       WHERE m.organisation_id = $1 ORDER BY c.code`,
      [organisationId],
    );
    const subscriptions = await manager.query<SubscriptionRow[]>(
      `SELECT id, departments, event_codes, minimum_severity, sectors, include_exercises
       FROM subscriptions WHERE organisation_id = $1 ORDER BY created_at`,
      [organisationId],
    );
    // Notification e-mails referents and escalates to deputies: it needs their addresses.
    const referents = await manager.query<ReferentRow[]>(
      `SELECT id, department, role, full_name, email FROM referents WHERE organisation_id = $1 ORDER BY department, role, id`,
      [organisationId],
    );
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
      conventions: memberships.map((row) => ({
        conventionId: row.convention_id,
        sector: row.sector,
        departments: row.departments,
      })),
      subscriptions: subscriptions.map((row) => ({
        id: row.id,
        departments: row.departments,
        eventCodes: row.event_codes,
        minimumSeverity: row.minimum_severity,
        sectors: row.sectors,
        includeExercises: row.include_exercises,
      })),
      referents: referents.map((row) => ({
        id: row.id,
        department: row.department,
        role: row.role,
        fullName: row.full_name,
        email: row.email,
      })),
    };
    await this.outbox.add(manager, { definition: PartnerChangedV1, key: organisationId, payload });
    return organisation;
  }
}
