import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PartnerDirectory } from '@vigie/access';
import { ReferentRole, type PartnerChangedV1Payload } from '@vigie/contracts';
import { activeNationalLevel, referentContacts, replaceReferents, type ReferentContact } from './directory.queries';

export type { ReferentContact };

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
    await replaceReferents(manager, snapshot.organisationId, snapshot.referents);
  }

  /** The organisations' referents of a role for a département (an organisation's own list: none elsewhere). */
  contacts(
    manager: EntityManager,
    organisationIds: string[],
    department: string,
    role: ReferentRole,
  ): Promise<ReferentContact[]> {
    return referentContacts(manager, organisationIds, department, role);
  }

  /** The active national-level organisations: the last step of an escalation. */
  nationalLevel(manager: EntityManager): Promise<{ id: string; name: string }[]> {
    return activeNationalLevel(manager);
  }
}

export { ReferentRole };
