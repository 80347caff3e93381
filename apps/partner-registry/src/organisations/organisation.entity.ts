import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { OrganisationKind, OrganisationStatus, Sector } from '@vigie/contracts';

@Entity({ name: 'organisations' })
export class Organisation {
  @PrimaryColumn('uuid') id: string;
  @Column('text') kind: OrganisationKind;
  @Column('text') name: string;
  @Column('text', { nullable: true }) sector: Sector | null;
  @Column('text', { nullable: true }) siret: string | null;
  @Column({ name: 'cnaps_number', type: 'text', nullable: true }) cnapsNumber: string | null;
  @Column('text') status: OrganisationStatus;
  /** Where it operates; for a prefecture, the départements it is competent for. */
  @Column('text', { array: true }) departments: string[];
  /** Increases with every change; carried in partner.changed.v1 so readers keep the newest. */
  @Column('int') revision: number;
  @Column({ name: 'status_changed_at', type: 'timestamptz' }) statusChangedAt: Date;
  @Column({ name: 'status_changed_by', type: 'text' }) statusChangedBy: string;
  @Column({ name: 'status_reason', type: 'text', nullable: true }) statusReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
