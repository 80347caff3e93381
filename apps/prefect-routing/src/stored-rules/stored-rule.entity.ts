import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Tlp } from '@vigie/contracts';
import type { RecipientSelector, RoutingRule, RuleCondition } from '../rule-engine';

/** A routing rule as operators keep it: the rule itself, its order, who owns it and who changed it last. */
@Entity({ name: 'routing_rules' })
export class StoredRule {
  @PrimaryColumn('text') id: string;
  @Column('text') description: string;
  @Column('jsonb') conditions: RuleCondition[];
  @Column('jsonb') selector: RecipientSelector;
  @Column('text', { nullable: true }) tlp: Tlp | null;
  /** Rules run in ascending position; a recipient's reasons follow that order. */
  @Column('int') position: number;
  @Column('boolean') enabled: boolean;
  /** One of the defaults Vigie ships: only an administrator changes it. */
  @Column('boolean') builtin: boolean;
  /** The prefecture that wrote it; null for the platform's rules. */
  @Column({ name: 'owner_organisation_id', type: 'uuid', nullable: true }) ownerOrganisationId: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** `platform`, `admin` or the organisation id of whoever changed it last. */
  @Column({ name: 'updated_by', type: 'text' }) updatedBy: string;
}

export function toRoutingRule(
  stored: Pick<StoredRule, 'id' | 'description' | 'conditions' | 'selector' | 'tlp'>,
): RoutingRule {
  return {
    id: stored.id,
    description: stored.description,
    when: stored.conditions,
    select: stored.selector,
    ...(stored.tlp ? { tlp: stored.tlp } : {}),
  };
}
