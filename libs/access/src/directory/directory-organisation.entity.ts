import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type {
  ApiKeyRole,
  ConventionMembershipState,
  OrganisationKind,
  OrganisationStatus,
  Sector,
  SubscriptionState,
} from '@vigie/contracts';

/** A service's read model of a registry organisation, fed by partner.changed.v1. */
@Entity({ name: 'directory_organisations' })
@Index('ix_directory_organisations_kind', ['kind'])
export class DirectoryOrganisation {
  @PrimaryColumn('uuid') id: string;
  @Column('text') kind: OrganisationKind;
  @Column('text') name: string;
  @Column('text') status: OrganisationStatus;
  @Column('text', { array: true }) departments: string[];
  @Column('text', { nullable: true }) sector: Sector | null;
  @Column('jsonb') conventions: ConventionMembershipState[];
  @Column('jsonb') subscriptions: SubscriptionState[];
  @Column('int') revision: number;
}

@Entity({ name: 'directory_api_keys' })
@Index('ix_directory_api_keys_organisation', ['organisationId'])
export class DirectoryApiKey {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column({ name: 'secret_hash', type: 'text' }) secretHash: string;
  @Column('text', { array: true }) roles: ApiKeyRole[];
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}

export const DIRECTORY_ENTITIES = [DirectoryOrganisation, DirectoryApiKey];
