import { IsOptional, IsUUID } from 'class-validator';
import { defineEvent } from '../envelope';
import { Topics } from '../topics';
import { Instant } from './payload-fields';

/**
 * A recipient organisation acknowledged a broadcast (a vigilance message): it read it. Published
 * once per broadcast and organisation. Key: broadcast id.
 */
export class BroadcastAcknowledgedV1Payload {
  @IsUUID() broadcastId: string;
  /** The prefecture (or the national level) that sent the broadcast. */
  @IsUUID() senderOrganisationId: string;
  /** The recipient that acknowledged. */
  @IsUUID() organisationId: string;
  /** The API key used, or the person's session for the console. */
  @IsUUID() apiKeyId: string;
  /** The person who acknowledged through the console; absent for an API key. */
  @IsOptional() @IsUUID() personId?: string;
  @Instant() acknowledgedAt: string;
}

export const BroadcastAcknowledgedV1 = defineEvent(Topics.BroadcastAcknowledgedV1, BroadcastAcknowledgedV1Payload);
