import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { AlertEventCode, AlertSeverity, Sector } from '@vigie/contracts';

/** What an organisation wants to receive. Empty event codes or sectors mean all. */
@Entity({ name: 'subscriptions' })
export class Subscription {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column('text', { array: true }) departments: string[];
  @Column({ name: 'event_codes', type: 'text', array: true }) eventCodes: AlertEventCode[];
  @Column({ name: 'minimum_severity', type: 'text' }) minimumSeverity: AlertSeverity;
  @Column('text', { array: true }) sectors: Sector[];
  @Column({ name: 'include_exercises', type: 'boolean' }) includeExercises: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
