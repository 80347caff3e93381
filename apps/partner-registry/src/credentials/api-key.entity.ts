import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An organisation's API key: only the SHA-256 of its secret is kept. */
@Entity({ name: 'api_keys' })
@Index('ix_api_keys_organisation', ['organisationId'])
export class ApiKey {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column({ name: 'secret_hash', type: 'text' }) secretHash: string;
  @Column({ type: 'text', nullable: true }) label: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
