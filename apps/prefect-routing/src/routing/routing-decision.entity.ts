import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RoutedRecipient } from '@vigie/contracts';
import type { Exclusion } from '../rule-engine';

/** Who receives an alert and why; one per alert. */
@Entity({ name: 'routing_decisions' })
export class RoutingDecision {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'alert_id', type: 'uuid', unique: true }) alertId: string;
  /** The first alert of the chain (itself for an original alert). */
  @Column({ name: 'original_alert_id', type: 'uuid' }) originalAlertId: string;
  @Column({ name: 'sender_organisation_id', type: 'uuid' }) senderOrganisationId: string;
  @Column('text') department: string;
  @Column('jsonb') recipients: RoutedRecipient[];
  /** Who a rule would have selected but a constraint (TLP, convention, subscription…) removed, and why. */
  @Column('jsonb') excluded: Exclusion[];
  @Column('jsonb') warnings: string[];
  @Column({ name: 'routed_at', type: 'timestamptz' }) routedAt: Date;
}
