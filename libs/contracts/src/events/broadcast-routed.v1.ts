import { IsArray, IsEnum, IsOptional, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../envelope';
import { Topics } from '../topics';
import { AlertEventCode, AlertSeverity, AlertStatus, Tlp } from '../vocabulary/alert';
import { DEPARTMENT_CODE_PATTERN, Sector } from '../vocabulary/organisation';
import { RoutedPart, RoutedRecipient } from './alert-routed.v1';
import {
  Instant,
  OptionalInstant,
  Text,
  OptionalText,
  TextList,
  Nested,
  OptionalNested,
  NestedList,
} from './payload-fields';

/** Who a broadcast is meant for, before routing applies conventions, opt-ins and TLP. */
export class BroadcastAudience {
  /** The départements whose partners receive it. */
  @IsArray() @Matches(DEPARTMENT_CODE_PATTERN, { each: true }) departments: string[];
  /** Only partners of these sectors (empty: every sector). */
  @IsArray() @IsEnum(Sector, { each: true }) sectors: Sector[];
  /** Only members of these conventions (empty: any convention deployed in the département). */
  @TextList() conventions: string[];
  /** Only partners subscribed to this event code (absent: every partner). */
  @IsOptional() @IsEnum(AlertEventCode) eventCode?: AlertEventCode;
}

/** A vigilance message sent by a prefecture (or the national level) to its partners. */
export class BroadcastSnapshot {
  @IsUUID() broadcastId: string;
  @IsUUID() senderOrganisationId: string;
  @Text(200) senderName: string;
  @Instant() sent: string;
  @IsEnum(AlertStatus) status: AlertStatus;
  @IsEnum(Tlp) tlp: Tlp;
  @IsEnum(AlertSeverity) severity: AlertSeverity;
  @Text(160) headline: string;
  @Text(8000) description: string;
  @OptionalText(4000) instruction?: string;
  @OptionalInstant() expires?: string;
  @Nested(() => BroadcastAudience) audience: BroadcastAudience;
}

/**
 * Routing decided who receives a broadcast. Key: broadcast id. Like alert.routed.v1, a decision
 * with more than ROUTED_RECIPIENTS_PER_EVENT recipients comes as several events numbered by `part`.
 */
export class BroadcastRoutedV1Payload {
  @Nested(() => BroadcastSnapshot) broadcast: BroadcastSnapshot;
  @IsUUID() decisionId: string;
  @Instant() routedAt: string;
  @NestedList(() => RoutedRecipient) recipients: RoutedRecipient[];
  /** Absent when the decision fits in one event. */
  @OptionalNested(() => RoutedPart) part?: RoutedPart;
}

export const BroadcastRoutedV1 = defineEvent(Topics.BroadcastRoutedV1, BroadcastRoutedV1Payload);
