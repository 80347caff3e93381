import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { OrganisationKind, OrganisationStatus } from '@vigie/contracts';

@Entity({ name: 'organisations' })
@Index('ix_organisations_kind', ['kind'])
export class Organisation {
  @PrimaryColumn('uuid') id: string;
  @Column('text') kind: OrganisationKind;
  @Column('text') name: string;
  @Column('text') status: OrganisationStatus;
  @Column('text', { array: true }) departments: string[];
  /** Increases with every change; carried in partner.changed.v1 so readers keep the newest. */
  @Column('int') revision: number;
  @Column({ name: 'status_changed_at', type: 'timestamptz' }) statusChangedAt: Date;
  @Column({ name: 'status_changed_by', type: 'text' }) statusChangedBy: string;
  @Column({ name: 'status_reason', type: 'text', nullable: true }) statusReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
