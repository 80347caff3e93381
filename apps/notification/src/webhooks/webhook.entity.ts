import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Why an endpoint receives nothing: its organisation's choice, a 410 Gone, or failing for too long. */
export type DisabledReason = 'by-organisation' | 'gone' | 'failing';

/** An endpoint an organisation registered to receive its alerts. */
@Entity({ name: 'webhooks' })
@Index('ix_webhooks_organisation', ['organisationId'])
export class Webhook {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column('text') url: string;
  /** The signing secret sealed by SecretBox, with the webhook id as associated data. */
  @Column({ name: 'secret_ciphertext', type: 'text' }) secretCiphertext: string;
  /** The secret replaced by the last rotation, sealed for `<id>.previous`; it signs too until it expires. */
  @Column({ name: 'previous_secret_ciphertext', type: 'text', nullable: true }) previousSecretCiphertext: string | null;
  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true }) disabledAt: Date | null;
  /** Set with disabled_at. */
  @Column({ name: 'disabled_reason', type: 'text', nullable: true }) disabledReason: DisabledReason | null;
  /** Attempts failed in a row since the last success. */
  @Column({ name: 'consecutive_failures', type: 'int', default: 0 }) consecutiveFailures: number;
  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true }) failingSince: Date | null;
}

/** The associated data a previous secret is sealed with: a current secret's ciphertext does not open as it. */
export const previousSecretData = (webhookId: string): string => `${webhookId}.previous`;
