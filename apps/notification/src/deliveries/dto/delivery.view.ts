import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Delivery, DeliveryStatus } from '../delivery.entity';

const STATUSES: DeliveryStatus[] = ['pending', 'failed', 'sent', 'dead'];

/** What the view shows of a delivery (an entity, or a row of the deliveries query module). */
type DeliveryFields = Pick<
  Delivery,
  | 'id'
  | 'alertId'
  | 'messageType'
  | 'organisationId'
  | 'channel'
  | 'webhookId'
  | 'referentId'
  | 'status'
  | 'attempts'
  | 'lastError'
  | 'createdAt'
  | 'sentAt'
>;

export class DeliveryView {
  @ApiProperty({
    format: 'uuid',
    description: 'Sent as webhook-id (and Idempotency-Key, and in the body) on every attempt: receivers dedupe on it.',
  })
  id: string;
  @ApiProperty({
    format: 'uuid',
    description: 'The alert (or broadcast)',
    example: '3f0c9b52-6d1e-4a7b-8c2f-5e9d0a1b2c3d',
  })
  alertId: string;
  @ApiProperty({
    enum: ['alert.routed', 'alert.escalated', 'broadcast.routed', 'vigie.test', 'webhook.disabled'],
    example: 'alert.routed',
    description:
      'vigie.test: a test event asked for by the recipient; webhook.disabled: the e-mail telling it an endpoint was disabled',
  })
  type: string;
  @ApiProperty({ format: 'uuid', description: 'The recipient organisation' }) organisationId: string;
  @ApiProperty({ enum: ['webhook', 'email'], example: 'webhook' }) channel: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) webhookId: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The referent e-mailed' })
  referentId: string | null;
  @ApiProperty({
    enum: STATUSES,
    example: 'sent',
    description:
      'pending (not tried yet), failed (the last attempt failed; retried with backoff), sent (2xx, or accepted by the mail server), dead (given up: see lastError)',
  })
  status: DeliveryStatus;
  @ApiProperty({ example: 1, description: 'Attempts made so far' }) attempts: number;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'HTTP 503' }) lastError: string | null;
  @ApiProperty({ example: '2025-11-28T09:15:00.000Z' }) createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2025-11-28T09:15:00.412Z' }) sentAt: string | null;

  static of(delivery: DeliveryFields): DeliveryView {
    return {
      id: delivery.id,
      alertId: delivery.alertId,
      type: delivery.messageType,
      organisationId: delivery.organisationId,
      channel: delivery.channel,
      webhookId: delivery.webhookId,
      referentId: delivery.referentId,
      status: delivery.status,
      attempts: delivery.attempts,
      lastError: delivery.lastError,
      createdAt: delivery.createdAt.toISOString(),
      sentAt: delivery.sentAt ? delivery.sentAt.toISOString() : null,
    };
  }
}
