import { Type } from 'class-transformer';
import {
  IsEnum,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  AlertCategory,
  AlertCertainty,
  AlertEventCode,
  AlertMessageType,
  AlertScope,
  AlertSeverity,
  AlertStatus,
  AlertUrgency,
  Tlp,
} from '../vocabulary/alert';
import { COMMUNE_CODE_PATTERN, DEPARTMENT_CODE_PATTERN } from '../vocabulary/organisation';

/** CAP 1.2 `info`, restricted to what Vigie carries. */
export class AlertInfo {
  @IsEnum(AlertCategory) category: AlertCategory;
  @IsEnum(AlertEventCode) event: AlertEventCode;
  @IsEnum(AlertUrgency) urgency: AlertUrgency;
  @IsEnum(AlertSeverity) severity: AlertSeverity;
  @IsEnum(AlertCertainty) certainty: AlertCertainty;
  @IsString() @IsNotEmpty() @MaxLength(160) headline: string;
  @IsOptional() @IsString() @MaxLength(8000) description?: string;
  @IsOptional() @IsString() @MaxLength(4000) instruction?: string;
}

/** Where it happened, resolved by ingestion to a commune and its département. */
export class AlertArea {
  @Matches(COMMUNE_CODE_PATTERN) commune: string;
  @IsString() @IsNotEmpty() communeName: string;
  @Matches(DEPARTMENT_CODE_PATTERN) department: string;
}

/** The state of an alert as every downstream service sees it. */
export class AlertSnapshot {
  @IsUUID() alertId: string;
  @IsUUID() senderOrganisationId: string;
  @IsISO8601({ strict: true }) sent: string;
  @IsISO8601({ strict: true }) occurredAt: string;
  @IsEnum(AlertStatus) status: AlertStatus;
  @IsEnum(AlertMessageType) msgType: AlertMessageType;
  @IsEnum(AlertScope) scope: AlertScope;
  @IsEnum(Tlp) tlp: Tlp;
  @ValidateNested() @Type(() => AlertInfo) info: AlertInfo;
  @ValidateNested() @Type(() => AlertArea) area: AlertArea;
}
