import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEnum,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CAP_LIMITS,
  type CapAreaShape,
  type CapInfoShape,
  type CapMessageShape,
  type CapResourceShape,
  type CapValueShape,
} from '../cap/cap-message';
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

/** A CAP `valueName`/`value` pair (geocode, parameter, eventCode). */
export class CapValue implements CapValueShape {
  @IsString() @IsNotEmpty() @MaxLength(CAP_LIMITS.valueName) valueName: string;
  @IsString() @MaxLength(CAP_LIMITS.value) value: string;
}

/** CAP 1.2 `resource`. */
export class CapResource implements CapResourceShape {
  @IsString() @IsNotEmpty() @MaxLength(CAP_LIMITS.resourceDesc) resourceDesc: string;
  @IsString() @IsNotEmpty() @MaxLength(CAP_LIMITS.mimeType) mimeType: string;
  @IsOptional() @IsInt() @Min(0) size?: number;
  @IsOptional() @IsString() @MaxLength(CAP_LIMITS.uri) uri?: string;
  @IsOptional() @IsString() @MaxLength(CAP_LIMITS.digest) digest?: string;
}

/** CAP 1.2 `area`. Vigie's own geocode is the commune INSEE code (valueName `INSEE`). */
export class CapArea implements CapAreaShape {
  @IsString() @IsNotEmpty() @MaxLength(CAP_LIMITS.areaDesc) areaDesc: string;
  @IsArray() @IsString({ each: true }) @ArrayMaxSize(CAP_LIMITS.shapes) polygon: string[];
  @IsArray() @IsString({ each: true }) @ArrayMaxSize(CAP_LIMITS.shapes) circle: string[];
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CapValue)
  @ArrayMaxSize(CAP_LIMITS.geocodes)
  geocode: CapValue[];
  /** Not taken in yet: the submission shape has no altitude or ceiling. */
  @IsOptional() @IsString() altitude?: string;
  @IsOptional() @IsString() ceiling?: string;
}

/** CAP 1.2 `info`. `eventCode` holds Vigie's taxonomy code; other tools' codes go in `eventCodes`. */
export class AlertInfo implements CapInfoShape {
  @IsString() @IsNotEmpty() @MaxLength(CAP_LIMITS.language) language: string;
  @IsArray() @ArrayMinSize(1) @IsEnum(AlertCategory, { each: true }) category: AlertCategory[];
  @IsString() @IsNotEmpty() @MaxLength(CAP_LIMITS.event) event: string;
  @IsEnum(AlertEventCode) eventCode: AlertEventCode;
  @IsArray() @ValidateNested({ each: true }) @Type(() => CapValue) eventCodes: CapValue[];
  @IsArray() @IsString({ each: true }) responseType: string[];
  @IsEnum(AlertUrgency) urgency: AlertUrgency;
  @IsEnum(AlertSeverity) severity: AlertSeverity;
  @IsEnum(AlertCertainty) certainty: AlertCertainty;
  @IsOptional() @IsString() @MaxLength(CAP_LIMITS.audience) audience?: string;
  @IsOptional() @IsISO8601({ strict: true }) effective?: string;
  @IsOptional() @IsISO8601({ strict: true }) onset?: string;
  @IsOptional() @IsISO8601({ strict: true }) expires?: string;
  @IsOptional() @IsString() @MaxLength(CAP_LIMITS.senderName) senderName?: string;
  @IsString() @IsNotEmpty() @MaxLength(CAP_LIMITS.headline) headline: string;
  @IsOptional() @IsString() @MaxLength(CAP_LIMITS.description) description?: string;
  @IsOptional() @IsString() @MaxLength(CAP_LIMITS.instruction) instruction?: string;
  @IsOptional() @IsString() @MaxLength(CAP_LIMITS.web) web?: string;
  @IsOptional() @IsString() @MaxLength(CAP_LIMITS.contact) contact?: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => CapValue) parameter: CapValue[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => CapResource) resource: CapResource[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => CapArea) area: CapArea[];
}

/** Where the alert is, as ingestion resolved it against the official lists. */
export class AlertLocation {
  @IsOptional() @Matches(COMMUNE_CODE_PATTERN) commune: string | null;
  @IsOptional() @IsString() communeName: string | null;
  @Matches(DEPARTMENT_CODE_PATTERN) department: string;
}

/**
 * The state of an alert as every downstream service sees it: a CAP 1.2 alert (identifier,
 * sender, sent, status, msgType, scope, references, info blocks) plus what Vigie adds — the
 * sending organisation, TLP, the resolved location, and whether fields hold personal data.
 */
export class AlertSnapshot implements Omit<CapMessageShape, 'location'> {
  @IsUUID() alertId: string;
  /** The first message of the chain this one belongs to (itself for an original alert). */
  @IsUUID() originalAlertId: string;
  /** CAP `identifier`. */
  @IsString() @IsNotEmpty() @MaxLength(CAP_LIMITS.identifier) identifier: string;
  /** CAP `sender`. */
  @IsString() @IsNotEmpty() @MaxLength(CAP_LIMITS.sender) sender: string;
  @IsUUID() senderOrganisationId: string;
  @IsISO8601({ strict: true }) sent: string;
  @IsISO8601({ strict: true }) occurredAt: string;
  @IsEnum(AlertStatus) status: AlertStatus;
  @IsEnum(AlertMessageType) msgType: AlertMessageType;
  @IsEnum(AlertScope) scope: AlertScope;
  @IsOptional() @IsString() @MaxLength(CAP_LIMITS.restriction) restriction?: string;
  @IsOptional() @IsString() @MaxLength(CAP_LIMITS.note) note?: string;
  /** CAP `references`: `sender,identifier,sent` of the messages this one updates or cancels. */
  @IsArray() @IsString({ each: true }) references: string[];
  @IsArray() @IsString({ each: true }) incidents: string[];
  /**
   * CAP `addresses`: the organisations the sender names as recipients (ids). The only ones a
   * TLP:RED alert may reach; under other labels they receive it if entitled in the département.
   */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CAP_LIMITS.addresses)
  @IsUUID('all', { each: true })
  addresses?: string[];
  @IsEnum(Tlp) tlp: Tlp;
  /** True when free-text fields may hold personal data (names, plates…): retention applies. */
  @IsBoolean() personalData: boolean;
  @IsOptional() @IsUUID() siteId?: string;
  @IsDefined() @ValidateNested() @Type(() => AlertLocation) location: AlertLocation;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => AlertInfo) info: AlertInfo[];
}

/** The info block that carries Vigie's classification: the first one (CAP orders them by language). */
export function primaryInfo(alert: Pick<AlertSnapshot, 'info'>): AlertInfo {
  return alert.info[0];
}
