import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
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
import { Instant, OptionalInstant, Text, OptionalText, TextList, Nested, NestedList } from './payload-fields';

/** A CAP `valueName`/`value` pair (geocode, parameter, eventCode). */
export class CapValue implements CapValueShape {
  @Text(CAP_LIMITS.valueName) valueName: string;
  @IsString() @MaxLength(CAP_LIMITS.value) value: string;
}

/** CAP 1.2 `resource`. */
export class CapResource implements CapResourceShape {
  @Text(CAP_LIMITS.resourceDesc) resourceDesc: string;
  @Text(CAP_LIMITS.mimeType) mimeType: string;
  @IsOptional() @IsInt() @Min(0) size?: number;
  @OptionalText(CAP_LIMITS.uri) uri?: string;
  @OptionalText(CAP_LIMITS.digest) digest?: string;
}

/** CAP 1.2 `area`. Vigie's own geocode is the commune INSEE code (valueName `INSEE`). */
export class CapArea implements CapAreaShape {
  @Text(CAP_LIMITS.areaDesc) areaDesc: string;
  @TextList() @ArrayMaxSize(CAP_LIMITS.shapes) polygon: string[];
  @TextList() @ArrayMaxSize(CAP_LIMITS.shapes) circle: string[];
  @NestedList(() => CapValue)
  @ArrayMaxSize(CAP_LIMITS.geocodes)
  geocode: CapValue[];
  /** Not taken in yet: the submission shape has no altitude or ceiling. */
  @IsOptional() @IsString() altitude?: string;
  @IsOptional() @IsString() ceiling?: string;
}

/** CAP 1.2 `info`. `eventCode` holds Vigie's taxonomy code; other tools' codes go in `eventCodes`. */
export class AlertInfo implements CapInfoShape {
  @Text(CAP_LIMITS.language) language: string;
  @IsArray() @ArrayMinSize(1) @IsEnum(AlertCategory, { each: true }) category: AlertCategory[];
  @Text(CAP_LIMITS.event) event: string;
  @IsEnum(AlertEventCode) eventCode: AlertEventCode;
  @NestedList(() => CapValue) eventCodes: CapValue[];
  @TextList() responseType: string[];
  @IsEnum(AlertUrgency) urgency: AlertUrgency;
  @IsEnum(AlertSeverity) severity: AlertSeverity;
  @IsEnum(AlertCertainty) certainty: AlertCertainty;
  @OptionalText(CAP_LIMITS.audience) audience?: string;
  @OptionalInstant() effective?: string;
  @OptionalInstant() onset?: string;
  @OptionalInstant() expires?: string;
  @OptionalText(CAP_LIMITS.senderName) senderName?: string;
  @Text(CAP_LIMITS.headline) headline: string;
  @OptionalText(CAP_LIMITS.description) description?: string;
  @OptionalText(CAP_LIMITS.instruction) instruction?: string;
  @OptionalText(CAP_LIMITS.web) web?: string;
  @OptionalText(CAP_LIMITS.contact) contact?: string;
  @NestedList(() => CapValue) parameter: CapValue[];
  @NestedList(() => CapResource) resource: CapResource[];
  @NestedList(() => CapArea) area: CapArea[];
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
  @Text(CAP_LIMITS.identifier) identifier: string;
  /** CAP `sender`. */
  @Text(CAP_LIMITS.sender) sender: string;
  @IsUUID() senderOrganisationId: string;
  @Instant() sent: string;
  @Instant() occurredAt: string;
  @IsEnum(AlertStatus) status: AlertStatus;
  @IsEnum(AlertMessageType) msgType: AlertMessageType;
  @IsEnum(AlertScope) scope: AlertScope;
  @OptionalText(CAP_LIMITS.restriction) restriction?: string;
  @OptionalText(CAP_LIMITS.note) note?: string;
  /** CAP `references`: `sender,identifier,sent` of the messages this one updates or cancels. */
  @TextList() references: string[];
  @TextList() incidents: string[];
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
  @Nested(() => AlertLocation) location: AlertLocation;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => AlertInfo) info: AlertInfo[];
}

/** The info block that carries Vigie's classification: the first one (CAP orders them by language). */
export function primaryInfo(alert: Pick<AlertSnapshot, 'info'>): AlertInfo {
  return alert.info[0];
}
