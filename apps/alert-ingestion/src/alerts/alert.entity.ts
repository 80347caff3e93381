import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AlertMessageType, AlertSnapshot, AlertStatus, Tlp } from '@vigie/contracts';

/** An accepted alert: its full CAP-aligned snapshot, plus the columns reads filter on. */
@Entity({ name: 'alerts' })
export class Alert {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'original_alert_id', type: 'uuid' }) originalAlertId: string;
  @Column({ name: 'sender_organisation_id', type: 'uuid' }) senderOrganisationId: string;
  /** CAP identifier, as in the snapshot: what references name. */
  @Column('text') identifier: string;
  @Column('timestamptz') sent: Date;
  @Column('text') status: AlertStatus;
  @Column({ name: 'msg_type', type: 'text' }) msgType: AlertMessageType;
  @Column('text') department: string;
  @Column({ name: 'event_code', type: 'text' }) eventCode: string;
  @Column('text') severity: string;
  @Column('text') tlp: Tlp;
  @Column({ name: 'personal_data', type: 'boolean' }) personalData: boolean;
  @Column('jsonb') snapshot: AlertSnapshot;
}
