import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { OrganisationKind, OrganisationStatus } from '@vigie/contracts';

/** A service's read model of a registry organisation, fed by partner.changed.v1. */
@Entity({ name: 'directory_organisations' })
@Index('ix_directory_organisations_kind', ['kind'])
export class DirectoryOrganisation {
  @PrimaryColumn('uuid') id: string;
  @Column('text') kind: OrganisationKind;
  @Column('text') name: string;
  @Column('text') status: OrganisationStatus;
  @Column('text', { array: true }) departments: string[];
  @Column('int') revision: number;
}

@Entity({ name: 'directory_api_keys' })
@Index('ix_directory_api_keys_organisation', ['organisationId'])
export class DirectoryApiKey {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column({ name: 'secret_hash', type: 'text' }) secretHash: string;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}

export const DIRECTORY_ENTITIES = [DirectoryOrganisation, DirectoryApiKey];
