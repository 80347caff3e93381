import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageLimit } from '@vigie/platform';

/** The deliveries an organisation should look at: failing (being retried) or dead (given up). */
export const DELIVERY_STATES = ['failing', 'dead'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const DEFAULT_STATE_LIMIT = 50;

export class DeliveriesQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The routed alert (or broadcast). Give either alertId or state.',
    example: '3f0c9b52-6d1e-4a7b-8c2f-5e9d0a1b2c3d',
  })
  @IsOptional()
  @IsUUID()
  alertId?: string;

  @ApiPropertyOptional({
    enum: DELIVERY_STATES,
    description:
      "The caller's organisation's deliveries in this state, newest first: failing (the last attempt failed, another is scheduled) or dead (given up; a webhook's dead delivery can be redelivered). Give either alertId or state.",
    example: 'dead',
  })
  @IsOptional()
  @IsIn(DELIVERY_STATES)
  state?: DeliveryState;

  @PageLimit({ fallback: DEFAULT_STATE_LIMIT, maximum: 200, description: 'With state: at most this many deliveries' })
  limit?: number;
}
