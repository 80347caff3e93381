import { ApiProperty } from '@nestjs/swagger';
import type { RoutingDecision } from './routing-decision.entity';

export class RecipientView {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ example: 'competent-prefecture' }) rule: string;
  @ApiProperty({ example: 'Préfecture du Rhône is competent for département 69 (Lyon)' }) reason: string;
}

export class RoutingDecisionView {
  @ApiProperty({ format: 'uuid' }) alertId: string;
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty({ example: '69' }) department: string;
  @ApiProperty({ format: 'date-time' }) routedAt: string;
  @ApiProperty({ type: RecipientView, isArray: true }) recipients: RecipientView[];
  @ApiProperty({
    description: 'Who a rule would have selected but a constraint removed, and why',
    type: RecipientView,
    isArray: true,
    example: [
      {
        organisationId: '0190b6c4-5a7e-7c3e-9f00-6b1d2c3e4f51',
        rule: 'subscribers',
        reason: 'TLP:AMBER — not a member of the sender’s convention',
      },
    ],
  })
  excluded: { organisationId: string; rule: string; reason: string }[];
  @ApiProperty({ example: ['no prefecture receives this alert'] }) warnings: string[];

  static of(decision: RoutingDecision): RoutingDecisionView {
    return {
      alertId: decision.alertId,
      decisionId: decision.id,
      department: decision.department,
      routedAt: decision.routedAt.toISOString(),
      recipients: decision.recipients,
      excluded: decision.excluded,
      warnings: decision.warnings,
    };
  }
}
