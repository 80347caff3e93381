import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AlertEscalationStateView {
  @ApiProperty({ enum: ['armed', 'cancelled', 'completed'] }) status: string;
  @ApiPropertyOptional({ enum: ['deputy', 'national'], nullable: true, type: String }) nextStep: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2025-11-28T09:30:00.000Z' }) nextStepAt: string | null;
}

/** What a list of alerts shows per alert for the caller's organisation. */
export class AlertStateView {
  @ApiProperty({ format: 'uuid' }) alertId: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'competent-prefecture',
    description: 'The routing rule that chose the caller',
  })
  rule: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Why the alert reached the caller’s organisation (null for its sender)',
    example: 'Préfecture du Rhône is competent for département 69 (Lyon)',
  })
  reason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'When the caller’s organisation acknowledged it' })
  acknowledgedAt: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Who acknowledged it (person or referent), when known',
  })
  acknowledgedBy: string | null;
  @ApiPropertyOptional({
    type: AlertEscalationStateView,
    nullable: true,
    description: 'The escalation of the alert’s chain',
  })
  escalation: AlertEscalationStateView | null;
}
