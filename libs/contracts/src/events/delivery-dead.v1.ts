import { IsIn, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../envelope';
import { Topics } from '../topics';
import { Instant, Text } from './payload-fields';

export const DELIVERY_CHANNELS = ['webhook', 'email'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/**
 * Notification gave up on a delivery: attempts exhausted, endpoint gone (HTTP 410), or the
 * recipient can no longer receive. Key: the delivery id.
 */
export class DeliveryDeadV1Payload {
  @IsUUID() deliveryId: string;
  /** What was being delivered: `alert.routed`, `alert.escalated` or `broadcast.routed`. */
  @Text() messageType: string;
  /** The alert or broadcast id. */
  @IsUUID() subjectId: string;
  /** The recipient organisation. */
  @IsUUID() organisationId: string;
  @IsIn(DELIVERY_CHANNELS) channel: DeliveryChannel;
  @IsOptional() @IsUUID() webhookId?: string;
  @IsOptional() @IsUUID() referentId?: string;
  @IsInt() @Min(0) attempts: number;
  @Text() reason: string;
  @Instant() deadAt: string;
}

export const DeliveryDeadV1 = defineEvent(Topics.DeliveryDeadV1, DeliveryDeadV1Payload);
