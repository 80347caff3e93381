import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SecurityPlanStatus, SiteKind } from './site.vocabulary';

/** Premises of a partner, with its security plan and crisis-management coordinator. */
@Entity({ name: 'sites' })
export class Site {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column('text') name: string;
  @Column('text') kind: SiteKind;
  /** INSEE code of the commune; fixed once the site is registered. */
  @Column('text') commune: string;
  /** Derived from the commune. */
  @Column('text') department: string;
  @Column({ name: 'security_plan_status', type: 'text' }) securityPlanStatus: SecurityPlanStatus;
  @Column({ name: 'security_plan_version', type: 'text', nullable: true }) securityPlanVersion: string | null;
  /** YYYY-MM-DD. */
  @Column({ name: 'security_plan_date', type: 'date', nullable: true }) securityPlanDate: string | null;
  /** A referent of the same organisation. */
  @Column({ name: 'crisis_coordinator_id', type: 'uuid', nullable: true }) crisisCoordinatorId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
