import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who changed or read what, when, with the state before and after a change. Append-only. */
@Entity({ name: 'audit_log' })
export class AuditEntry {
  @PrimaryColumn({ type: 'bigint', generated: 'identity', insert: false }) id: string;
  @Column({ type: 'timestamptz', insert: false }) at: Date;
  @Column('text') actor: string;
  @Column('text') action: string;
  @Column('text') entity: string;
  @Column({ name: 'entity_id', type: 'text' }) entityId: string;
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true }) organisationId: string | null;
  /** The person acting, when a person (through the console) made the change. */
  @Column({ name: 'person_id', type: 'uuid', nullable: true }) personId: string | null;
  /** `change` or `read` (ADR 42). */
  @Column({ type: 'text', insert: false }) kind: 'change' | 'read';
  /** The event a read reported by another service came in; unique. */
  @Column({ name: 'event_id', type: 'uuid', nullable: true, insert: false }) eventId: string | null;
  @Column({ type: 'jsonb', nullable: true }) before: object | null;
  @Column({ type: 'jsonb', nullable: true }) after: object | null;
}
