import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DeliveryStatus } from '../../deliveries/delivery.entity';
import type { WebhookDelivery } from '../webhook-deliveries.queries';
import { DELIVERY_STATUSES } from './webhook-deliveries.query';

const iso = (date: Date | null): string | null => (date ? new Date(date).toISOString() : null);

export class WebhookDeliveryView {
  @ApiProperty({
    format: 'uuid',
    description: 'Sent as webhook-id (and Idempotency-Key): the same on every retry and redelivery.',
    example: '7d8a3c1e-2b4f-4e6a-9c0d-1f2e3a4b5c6d',
  })
  id: string;
  @ApiProperty({
    enum: ['alert.routed', 'alert.escalated', 'broadcast.routed', 'vigie.test'],
    example: 'alert.routed',
  })
  type: string;
  @ApiProperty({
    format: 'uuid',
    description: 'The alert or broadcast delivered (for a test event, the id of the test)',
    example: '3f0c9b52-6d1e-4a7b-8c2f-5e9d0a1b2c3d',
  })
  subjectId: string;
  @ApiProperty({ enum: DELIVERY_STATUSES, example: 'sent' })
  status: DeliveryStatus;
  @ApiProperty({ example: 1, description: 'Attempts made so far (from zero again after a redelivery)' })
  attempts: number;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 204, description: 'HTTP status of the last attempt' })
  responseStatus: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 182, description: 'Duration of the last attempt, ms' })
  durationMs: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: null })
  lastError: string | null;
  @ApiProperty({ example: '2026-12-04T09:15:00.000Z' }) createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2026-12-04T09:15:00.231Z' })
  lastAttemptAt: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: null,
    description: 'When the next attempt is due (pending and failed deliveries)',
  })
  nextAttemptAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2026-12-04T09:15:00.231Z' })
  sentAt: string | null;

  static of(delivery: WebhookDelivery): WebhookDeliveryView {
    const queued = delivery.status === 'pending' || delivery.status === 'failed';
    return {
      id: delivery.id,
      type: delivery.messageType,
      subjectId: delivery.subjectId,
      status: delivery.status,
      attempts: delivery.attempts,
      responseStatus: delivery.lastResponseStatus,
      durationMs: delivery.lastDurationMs,
      lastError: delivery.lastError,
      createdAt: iso(delivery.createdAt)!,
      lastAttemptAt: iso(delivery.lastAttemptAt),
      nextAttemptAt: queued ? iso(delivery.nextAttemptAt) : null,
      sentAt: iso(delivery.sentAt),
    };
  }
}

export class WebhookDeliveryPage {
  @ApiProperty({ type: WebhookDeliveryView, isArray: true, description: 'Newest first' })
  items: WebhookDeliveryView[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Pass as `cursor` for the next page' })
  nextCursor: string | null;
}
