import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageCursor, PageLimit } from '@vigie/platform';
import type { DeliveryStatus } from '../../deliveries/delivery.entity';

export const DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'failed', 'sent', 'dead'];

export class WebhookDeliveriesQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, description: 'Only deliveries in this status' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
  @PageCursor()
  cursor?: string;
  @PageLimit({ fallback: 20, maximum: 100 })
  limit?: number;
}
