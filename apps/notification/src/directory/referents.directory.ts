import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PartnerDirectory } from '@vigie/access';
import { OrganisationKind, OrganisationStatus, ReferentRole, type PartnerChangedV1Payload } from '@vigie/contracts';

export interface ReferentContact {
  id: string;
  organisationId: string;
  fullName: string;
  email: string;
}

/**
 * Notification's part of the partner directory: the referents each snapshot carries, replaced
 * in the transaction that applies the snapshot (a snapshot without the field changes nothing).
 */
@Injectable()
export class ReferentsDirectory implements OnModuleInit {
  constructor(private readonly directory: PartnerDirectory) {}

  onModuleInit(): void {
    this.directory.alsoApply((snapshot, manager) => this.replace(snapshot, manager));
  }

  private async replace(snapshot: PartnerChangedV1Payload, manager: EntityManager): Promise<void> {
    if (!snapshot.referents) return;
    await manager.query('DELETE FROM referents WHERE organisation_id = $1', [snapshot.organisationId]);
    for (const referent of snapshot.referents) {
      await manager.query(
        `INSERT INTO referents (id, organisation_id, department, role, full_name, email) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, department = EXCLUDED.department,
           role = EXCLUDED.role, full_name = EXCLUDED.full_name, email = EXCLUDED.email`,
        [referent.id, snapshot.organisationId, referent.department, referent.role, referent.fullName, referent.email],
      );
    }
  }

  /** The organisations' referents of a role for a département (an organisation's own list: none elsewhere). */
  async contacts(
    manager: EntityManager,
    organisationIds: string[],
    department: string,
    role: ReferentRole,
  ): Promise<ReferentContact[]> {
    if (organisationIds.length === 0) return [];
    return await manager.query<ReferentContact[]>(
      `SELECT id, organisation_id AS "organisationId", full_name AS "fullName", email FROM referents
       WHERE organisation_id = ANY($1::uuid[]) AND department = $2 AND role = $3 ORDER BY organisation_id, full_name, id`,
      [organisationIds, department, role],
    );
  }

  /** The active national-level organisations: the last step of an escalation. */
  async nationalLevel(manager: EntityManager): Promise<{ id: string; name: string }[]> {
    return await manager.query<{ id: string; name: string }[]>(
      'SELECT id, name FROM directory_organisations WHERE kind = $1 AND status = $2 ORDER BY id',
      [OrganisationKind.NationalLevel, OrganisationStatus.Active],
    );
  }
}

export { ReferentRole };
