import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Sector } from '@vigie/contracts';

export enum ConventionStatus {
  /** Signed: organisations of its sector may join. */
  Signed = 'SIGNED',
  /** Announced but not yet signed: nobody may join. */
  Announced = 'ANNOUNCED',
}

/** A partnership convention between the State and the professional bodies of one sector. */
@Entity({ name: 'conventions' })
export class Convention {
  @PrimaryColumn('uuid') id: string;
  /** Stable identifier, e.g. private-security-2019. */
  @Column('text') code: string;
  @Column('text') name: string;
  @Column('text') sector: Sector;
  @Column('text') status: ConventionStatus;
  /** YYYY-MM-DD, null until signed. */
  @Column({ name: 'signed_on', type: 'date', nullable: true }) signedOn: string | null;
  @Column('text', { array: true }) signatories: string[];
  /** Where it is deployed (configuration). */
  @Column('text', { array: true }) departments: string[];
}
