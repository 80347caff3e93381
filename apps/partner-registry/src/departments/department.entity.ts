import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'departments' })
export class Department {
  /** INSEE code: 01…95, 2A, 2B, 971… */
  @PrimaryColumn('text') code: string;
  @Column('text') name: string;
  /** The prefecture of the département. */
  @Column({ name: 'prefecture_organisation_id', type: 'uuid' }) prefectureOrganisationId: string;
  /** The prefecture competent for security partnerships there (the competence table). */
  @Column({ name: 'competent_organisation_id', type: 'uuid' }) competentOrganisationId: string;
}
