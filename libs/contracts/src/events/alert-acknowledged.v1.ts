import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { defineEvent } from '../envelope';
import { Topics } from '../topics';
import { Instant } from './payload-fields';

export enum AcknowledgementChannel {
  /** `POST /v1/alerts/:id/acknowledgements` with an API key. */
  Api = 'api',
  /** The link in a notification e-mail. */
  Email = 'email',
}

/** A recipient organisation took an alert in hand. Published once per alert and organisation. Key: alert id. */
export class AlertAcknowledgedV1Payload {
  @IsUUID() alertId: string;
  @IsUUID() originalAlertId: string;
  @IsUUID() senderOrganisationId: string;
  /** The recipient that acknowledged. */
  @IsUUID() organisationId: string;
  @IsEnum(AcknowledgementChannel) channel: AcknowledgementChannel;
  /** The API key used, for the API channel. */
  @IsOptional() @IsUUID() apiKeyId?: string;
  /** The referent the e-mail was sent to, for the e-mail channel. */
  @IsOptional() @IsUUID() referentId?: string;
  /**
   * The person who acknowledged through the console (API channel). Added as an optional field:
   * v1 readers that ignore it lose nothing (ADR 16).
   */
  @IsOptional() @IsUUID() personId?: string;
  @Instant() acknowledgedAt: string;
}

export const AlertAcknowledgedV1 = defineEvent(Topics.AlertAcknowledgedV1, AlertAcknowledgedV1Payload);
