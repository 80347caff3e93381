import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AlertInfo, AlertMessageType, AlertScope, AlertStatus, Tlp } from '@vigie/contracts';

@Entity({ name: 'alerts' })
export class Alert {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'sender_organisation_id', type: 'uuid' }) senderOrganisationId: string;
  @Column('timestamptz') sent: Date;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column('text') status: AlertStatus;
  @Column({ name: 'msg_type', type: 'text' }) msgType: AlertMessageType;
  @Column('text') scope: AlertScope;
  @Column('text') tlp: Tlp;
  @Column('jsonb') info: AlertInfo;
  @Column('text') commune: string;
  @Column({ name: 'commune_name', type: 'text' }) communeName: string;
  @Column('text') department: string;
}
