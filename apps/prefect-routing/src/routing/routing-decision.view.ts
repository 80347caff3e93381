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
  @ApiProperty() routedAt: string;
  @ApiProperty({ type: RecipientView, isArray: true }) recipients: RecipientView[];

  static of(decision: RoutingDecision): RoutingDecisionView {
    return {
      alertId: decision.alertId,
      decisionId: decision.id,
      department: decision.department,
      routedAt: decision.routedAt.toISOString(),
      recipients: decision.recipients,
    };
  }
}
