import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BroadcastSnapshot, RoutedRecipient } from '@vigie/contracts';
import type { Exclusion } from '../rule-engine';

/** A broadcast as sent, with the routing decision made when it was sent. */
@Entity({ name: 'broadcasts' })
export class Broadcast {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'sender_organisation_id', type: 'uuid' }) senderOrganisationId: string;
  @Column('jsonb') snapshot: BroadcastSnapshot;
  @Column('jsonb') recipients: RoutedRecipient[];
  @Column('jsonb') excluded: Exclusion[];
  @Column('jsonb') warnings: string[];
  @Column({ name: 'routed_at', type: 'timestamptz' }) routedAt: Date;
  @Column({ name: 'decision_id', type: 'uuid' }) decisionId: string;
}
