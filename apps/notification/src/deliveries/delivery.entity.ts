import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';

export type DeliveryStatus = 'pending' | 'sent' | 'dead';

/** One alert for one webhook of a recipient organisation, and how its sending goes. */
@Entity({ name: 'deliveries' })
@Unique('uq_deliveries_alert_webhook', ['alertId', 'webhookId'])
export class Delivery {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'alert_id', type: 'uuid' }) alertId: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column({ name: 'webhook_id', type: 'uuid' }) webhookId: string;
  @Column({ type: 'text', default: 'webhook' }) channel: string;
  @Column('text') status: DeliveryStatus;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt: Date;
  /** The JSON posted, the same on every attempt. */
  @Column('jsonb') body: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
}
