import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ApiKeyRole } from '@vigie/contracts';

/** An organisation's API key: only a scrypt hash of its secret is kept. */
@Entity({ name: 'api_keys' })
export class ApiKey {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column({ name: 'secret_hash', type: 'text' }) secretHash: string;
  @Column('text', { array: true }) roles: ApiKeyRole[];
  @Column({ type: 'text', nullable: true }) label: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  /** Set on a key issued by rotation: the key it replaces. */
  @Column({ name: 'replaces_key_id', type: 'uuid', nullable: true }) replacesKeyId: string | null;
}
