import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An endpoint an organisation registered to receive its alerts. */
@Entity({ name: 'webhooks' })
@Index('ix_webhooks_organisation', ['organisationId'])
export class Webhook {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column('text') url: string;
  /** The signing secret sealed by SecretBox, with the webhook id as associated data. */
  @Column({ name: 'secret_ciphertext', type: 'text' }) secretCiphertext: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true }) disabledAt: Date | null;
}
