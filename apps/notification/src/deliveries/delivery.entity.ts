import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** pending: not tried yet; failed: the last attempt failed, another will follow; sent; dead: given up. */
export type DeliveryStatus = 'pending' | 'failed' | 'sent' | 'dead';

/** One message (alert, escalation or broadcast) for one webhook or referent of a recipient organisation. */
@Entity({ name: 'deliveries' })
export class Delivery {
  @PrimaryColumn('uuid') id: string;
  /** The alert, or the broadcast, delivered. */
  @Column({ name: 'alert_id', type: 'uuid' }) alertId: string;
  @Column({ name: 'message_type', type: 'text' }) messageType: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column({ name: 'sender_organisation_id', type: 'uuid', nullable: true }) senderOrganisationId: string | null;
  @Column('text') channel: string;
  @Column({ name: 'webhook_id', type: 'uuid', nullable: true }) webhookId: string | null;
  @Column({ name: 'referent_id', type: 'uuid', nullable: true }) referentId: string | null;
  @Column({ name: 'email_address', type: 'text', nullable: true }) emailAddress: string | null;
  @Column('text') status: DeliveryStatus;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt: Date;
  /** The JSON posted (or e-mailed), the same on every attempt. */
  @Column('jsonb') body: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
}
