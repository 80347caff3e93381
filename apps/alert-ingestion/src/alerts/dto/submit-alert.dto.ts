import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
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
  COMMUNE_CODE_PATTERN,
  DEPARTMENT_CODE_PATTERN,
  Tlp,
} from '@vigie/contracts';
import { MAX_REFERENCES } from '../../cap/cap-references';

export class CapValueDto {
  @ApiProperty({ example: 'INSEE' }) @IsString() @IsNotEmpty() @MaxLength(200) valueName: string;
  @ApiProperty({ example: '69123' }) @IsString() @MaxLength(2000) value: string;
}

export class CapResourceDto {
  @ApiProperty({ example: 'Photo de la vidéoprotection' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  resourceDesc: string;
  @ApiProperty({ example: 'image/jpeg' }) @IsString() @IsNotEmpty() @MaxLength(200) mimeType: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) size?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) uri?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) digest?: string;
}

export class CapAreaDto {
  @ApiProperty({ example: 'Entrepôt, quai Rambaud, Lyon 2e' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  areaDesc: string;
  @ApiPropertyOptional({ type: [String], example: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  polygon?: string[];
  @ApiPropertyOptional({ type: [String], example: ['45.7440,4.8180 0.2'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  circle?: string[];
  @ApiPropertyOptional({ type: [CapValueDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CapValueDto)
  geocode?: CapValueDto[];
}

/** One CAP 1.2 `info` block; fields CAP makes optional are optional here too. */
export class SubmitAlertInfoDto {
  @ApiPropertyOptional({ default: 'fr-FR', example: 'fr-FR' })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  language?: string;

  @ApiProperty({ enum: AlertCategory, isArray: true, example: [AlertCategory.Security] })
  @IsArray()
  @ArrayMinSize(1)
  @IsEnum(AlertCategory, { each: true })
  category: AlertCategory[];

  @ApiProperty({ enum: AlertEventCode, example: AlertEventCode.Intrusion, description: 'Vigie event taxonomy' })
  @IsEnum(AlertEventCode)
  eventCode: AlertEventCode;

  @ApiPropertyOptional({
    description: 'CAP event text; defaults to the French name of the event code',
    example: 'Intrusion',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  event?: string;

  @ApiProperty({ enum: AlertUrgency, example: AlertUrgency.Immediate }) @IsEnum(AlertUrgency) urgency: AlertUrgency;
  @ApiProperty({ enum: AlertSeverity, example: AlertSeverity.Severe }) @IsEnum(AlertSeverity) severity: AlertSeverity;
  @ApiProperty({ enum: AlertCertainty, example: AlertCertainty.Observed })
  @IsEnum(AlertCertainty)
  certainty: AlertCertainty;

  @ApiProperty({ maxLength: 160, example: 'Intrusion en cours, entrepôt quai Rambaud' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  headline: string;

  @ApiPropertyOptional({ maxLength: 8000, example: 'Deux individus détectés par vidéoprotection, agent sur place.' })
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  description?: string;

  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @MaxLength(4000) instruction?: string;
  @ApiPropertyOptional({ type: [String], example: ['Monitor'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  responseType?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) audience?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) effective?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) onset?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) expires?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) senderName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) web?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) contact?: string;
  @ApiPropertyOptional({ type: [CapValueDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CapValueDto)
  eventCodes?: CapValueDto[];
  @ApiPropertyOptional({ type: [CapValueDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CapValueDto)
  parameter?: CapValueDto[];
  @ApiPropertyOptional({ type: [CapResourceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CapResourceDto)
  resource?: CapResourceDto[];
  @ApiPropertyOptional({
    type: [CapAreaDto],
    description: 'CAP areas; when absent, one area is made from the location (geocode INSEE)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CapAreaDto)
  area?: CapAreaDto[];
}

export class CoordinatesDto {
  @ApiProperty({ example: 45.744, minimum: -90, maximum: 90 }) @IsLatitude() latitude: number;
  @ApiProperty({ example: 4.818, minimum: -180, maximum: 180 }) @IsLongitude() longitude: number;
}

/** Where it happened: a commune, a postal code naming one commune, or coordinates with the département. */
export class SubmitLocationDto {
  @ApiPropertyOptional({ description: 'INSEE code of the commune', example: '69123' })
  @IsOptional()
  @Matches(COMMUNE_CODE_PATTERN, { message: 'commune must be a 5-character INSEE commune code' })
  commune?: string;

  @ApiPropertyOptional({
    description: 'Postal code; refused with the candidates when it serves several communes',
    example: '69002',
  })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'postalCode must be 5 digits' })
  postalCode?: string;

  @ApiPropertyOptional({ type: CoordinatesDto, description: 'WGS 84 coordinates; give the département with them' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CoordinatesDto)
  coordinates?: CoordinatesDto;

  @ApiPropertyOptional({ description: 'INSEE département code, with coordinates', example: '69' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE_PATTERN, { message: 'department must be an INSEE département code' })
  department?: string;
}

const CHANGEABLE_MESSAGE_TYPES = [AlertMessageType.Alert, AlertMessageType.Update, AlertMessageType.Cancel];

/** A Cancel keeps the content of the chain: content it gives is checked, none is needed. */
function isNotACancelOrGiven(field: 'location' | 'info'): (dto: SubmitAlertDto) => boolean {
  return (dto) => dto.msgType !== AlertMessageType.Cancel || dto[field] !== undefined;
}

/** A new alert: CAP 1.2 in JSON, plus Vigie's location, TLP and personal-data flag. */
export class SubmitAlertDto {
  @ApiProperty({ enum: AlertStatus, example: AlertStatus.Actual }) @IsEnum(AlertStatus) status: AlertStatus;

  @ApiPropertyOptional({
    enum: CHANGEABLE_MESSAGE_TYPES,
    default: AlertMessageType.Alert,
    description:
      'Alert for a new alert; Update or Cancel (with `references`) for a new message in the chain of an earlier one',
  })
  @IsOptional()
  @IsIn(CHANGEABLE_MESSAGE_TYPES, { message: 'msgType must be Alert, Update or Cancel' })
  msgType?: AlertMessageType;

  @ApiPropertyOptional({
    type: [String],
    description:
      'CAP references of an Update or a Cancel: `sender,identifier,sent` of earlier messages of the alert, as Vigie answered them or as your CAP documents named them',
    example: ['vigie:organisation:0b5e3c1d-8f2a-4c6b-9d7e-3a1f5e2d4c6b,GRA-2026-11-28-0042,2026-11-28T01:14:05+01:00'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_REFERENCES)
  @IsString({ each: true })
  @MaxLength(700, { each: true })
  references?: string[];

  @ApiPropertyOptional({ enum: AlertScope, default: AlertScope.Restricted })
  @IsOptional()
  @IsEnum(AlertScope)
  scope?: AlertScope;

  @ApiPropertyOptional({ description: "The submitter's own identifier (CAP identifier); Vigie's id by default" })
  @IsOptional()
  @Matches(/^[^\s,<&]{1,200}$/, { message: 'identifier must be 1-200 characters without spaces, commas, < or &' })
  identifier?: string;

  @ApiPropertyOptional({ enum: Tlp, default: Tlp.Amber, description: 'Traffic Light Protocol 2.0 label' })
  @IsOptional()
  @IsEnum(Tlp)
  tlp?: Tlp;

  @ApiPropertyOptional({
    default: false,
    description: 'Free-text fields hold personal data (erased after the retention period)',
  })
  @IsOptional()
  @IsBoolean()
  personalData?: boolean;

  @ApiPropertyOptional({
    type: [String],
    description:
      'Organisations named as recipients (CAP addresses): the only ones a TLP:RED alert reaches; under other labels they receive it if entitled in the département',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each address must be an organisation id' })
  addresses?: string[];

  @ApiPropertyOptional({ description: 'Registry site concerned' }) @IsOptional() @IsUUID() siteId?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) incidents?: string[];

  @ApiPropertyOptional({
    description: 'When it happened (ISO 8601); defaults to now',
    example: '2026-11-28T01:12:00+01:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;

  @ApiProperty({ type: SubmitLocationDto, description: 'Required, except in a Cancel' })
  @ValidateIf(isNotACancelOrGiven('location'))
  @IsDefined()
  @ValidateNested()
  @Type(() => SubmitLocationDto)
  location?: SubmitLocationDto;

  @ApiProperty({
    type: [SubmitAlertInfoDto],
    description: 'CAP info blocks, one per language. Required, except in a Cancel (which keeps the latest content)',
  })
  @ValidateIf(isNotACancelOrGiven('info'))
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => SubmitAlertInfoDto)
  info?: SubmitAlertInfoDto[];
}
