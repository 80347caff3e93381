import { IsEnum, IsIn, IsInt, IsOptional, IsUUID, Matches, Min } from 'class-validator';
import { defineEvent } from '../envelope';
import { Topics } from '../topics';
import { Tlp } from '../vocabulary/alert';
import { DEPARTMENT_CODE_PATTERN } from '../vocabulary/organisation';
import { Instant, Text } from './payload-fields';

/**
 * What was read: one alert (`GET /v1/alerts/{id}`), the chain of messages of an alert the reader
 * sent or received (`…/chain`), the sender's whole chain (`…/history`), or a TLP:RED alert in a
 * list (`GET /v1/alerts`, `GET /v1/sent-alerts`).
 */
export const AUDITED_ALERT_READS = ['alert', 'alert-chain', 'alert-history', 'alert-list'] as const;
export type AuditedAlertRead = (typeof AUDITED_ALERT_READS)[number];

/**
 * Someone read the content of an alert held by ingestion: the partner registry writes it into
 * the audit trail (one entry per event id). It names the reader and the alert, never the
 * alert's content: the trail's readers need not be entitled to it. Key: the original alert id.
 */
export class AuditReadV1Payload {
  @IsIn(AUDITED_ALERT_READS) read: AuditedAlertRead;
  /** The message asked for (for a chain, the message named in the route). */
  @IsUUID() alertId: string;
  @IsUUID() originalAlertId: string;
  /** The organisation that sent the alert. */
  @IsUUID() senderOrganisationId: string;
  @IsEnum(Tlp) tlp: Tlp;
  @Matches(DEPARTMENT_CODE_PATTERN) department: string;
  /** How many messages the answer held (1 for one alert). */
  @IsInt() @Min(1) messages: number;
  /** The reader's organisation; absent for the platform administrator. */
  @IsOptional() @IsUUID() readerOrganisationId?: string;
  /** The API key used, or the person's session for the console. */
  @Text(100) keyId: string;
  /** The person who read it through the console; absent for an API key. Their name stays in the registry. */
  @IsOptional() @IsUUID() personId?: string;
  @Instant() readAt: string;
}

export const AuditReadV1 = defineEvent(Topics.AuditReadV1, AuditReadV1Payload);
