import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EscalationRow } from './escalations.queries';

export class EscalationStepView {
  @ApiProperty({ enum: ['armed', 'deputy', 'national', 'cancelled'], example: 'deputy' }) step: string;
  @ApiProperty({
    example: 'not acknowledged by Préfecture du Finistère within 900 s: 1 deputy referent(s) e-mailed',
  })
  detail: string;
  @ApiProperty({ example: '2025-11-28T09:30:00.000Z' }) at: string;
}

export class EscalationView {
  @ApiProperty({ format: 'uuid', description: 'The original alert of the chain' }) alertId: string;
  @ApiProperty({ format: 'uuid', description: 'The competent prefecture expected to acknowledge' })
  prefectureId: string;
  @ApiProperty({
    enum: ['armed', 'cancelled', 'completed'],
    description:
      'armed (a deadline runs), cancelled (acknowledged or alert cancelled), completed (national level reached)',
  })
  status: string;
  @ApiPropertyOptional({ enum: ['deputy', 'national'], nullable: true, type: String }) nextStep: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2025-11-28T09:30:00.000Z' }) nextStepAt: string | null;
  @ApiProperty({ type: EscalationStepView, isArray: true }) steps: EscalationStepView[];

  static of(row: EscalationRow, steps: { step: string; detail: string; at: Date }[]): EscalationView {
    return {
      alertId: row.id,
      prefectureId: row.prefecture_id,
      status: row.status,
      nextStep: row.next_step,
      nextStepAt: row.next_step_at ? new Date(row.next_step_at).toISOString() : null,
      steps: steps.map((step) => ({ step: step.step, detail: step.detail, at: new Date(step.at).toISOString() })),
    };
  }
}
