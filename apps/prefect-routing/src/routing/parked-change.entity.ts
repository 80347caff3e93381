import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AlertChangedV1Payload, EventEnvelope } from '@vigie/contracts';

/** An update or cancellation that arrived before its original alert was routed. */
@Entity({ name: 'parked_changes' })
export class ParkedChange {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ name: 'original_alert_id', type: 'uuid' }) originalAlertId: string;
  @Column('jsonb') envelope: EventEnvelope<AlertChangedV1Payload>;
  @Column({ name: 'parked_at', type: 'timestamptz', insert: false, update: false }) parkedAt?: Date;
  /** Arrival order (bigserial): changes of one chain are applied in it. */
  @Column({ type: 'bigint', insert: false, update: false }) sequence?: string;
}
