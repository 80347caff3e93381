import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An organisation's membership of a convention: what entitles a partner to share. */
@Entity({ name: 'convention_members' })
export class ConventionMember {
  @PrimaryColumn({ name: 'convention_id', type: 'uuid' }) conventionId: string;
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column({ name: 'joined_at', type: 'timestamptz' }) joinedAt: Date;
  /** The actor who added it (audit form: admin or organisation:<id>/key:<id>). */
  @Column({ name: 'joined_by', type: 'text' }) joinedBy: string;
}
