import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ReferentRole } from '@vigie/contracts';

export { ReferentRole };

/**
 * A named contact of an organisation for one of its départements. Personal data: the e-mail
 * address and the phone number are shown to entitled readers only and never logged.
 */
@Entity({ name: 'referents' })
export class Referent {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column('text') department: string;
  @Column('text') role: ReferentRole;
  @Column({ name: 'full_name', type: 'text' }) fullName: string;
  @Column('text') email: string;
  @Column('text') phone: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
