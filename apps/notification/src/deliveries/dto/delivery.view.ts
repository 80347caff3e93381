import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Delivery, DeliveryStatus } from '../delivery.entity';

const STATUSES: DeliveryStatus[] = ['pending', 'sent', 'dead'];

export class DeliveryView {
  @ApiProperty({
    format: 'uuid',
    description: 'Also sent as Vigie-Delivery-Id and in the body: receivers dedupe on it.',
  })
  id: string;
  @ApiProperty({ format: 'uuid', example: '3f0c9b52-6d1e-4a7b-8c2f-5e9d0a1b2c3d' }) alertId: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ format: 'uuid' }) webhookId: string;
  @ApiProperty({ example: 'webhook' }) channel: string;
  @ApiProperty({
    enum: STATUSES,
    example: 'sent',
    description: 'pending (not yet or being retried), sent (2xx), dead (given up)',
  })
  status: DeliveryStatus;
  @ApiProperty({ example: 1, description: 'Attempts made so far' }) attempts: number;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'HTTP 503' }) lastError: string | null;
  @ApiProperty({ example: '2025-11-28T09:15:00.000Z' }) createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2025-11-28T09:15:00.412Z' }) sentAt: string | null;

  static of(delivery: Delivery): DeliveryView {
    return {
      id: delivery.id,
      alertId: delivery.alertId,
      organisationId: delivery.organisationId,
      webhookId: delivery.webhookId,
      channel: delivery.channel,
      status: delivery.status,
      attempts: delivery.attempts,
      lastError: delivery.lastError,
      createdAt: delivery.createdAt.toISOString(),
      sentAt: delivery.sentAt ? delivery.sentAt.toISOString() : null,
    };
  }
}
