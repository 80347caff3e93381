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
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  AlertMessageType,
  AlertScope,
  AlertStatus,
  CAP_LIMITS,
  COMMUNE_CODE_PATTERN,
  Tlp,
  type Assert,
  type CapLocationShape,
  type CapMessageShape,
  type SameFields,
} from '@vigie/contracts';
import { OptionalDepartment, OptionalEnum, OptionalInstant } from '@vigie/platform';
import { CapText } from './cap-text.decorator';
import { SubmitAlertInfoDto } from './submit-alert-info.dto';

export class CoordinatesDto implements NonNullable<CapLocationShape['coordinates']> {
  @ApiProperty({ example: 45.744, minimum: -90, maximum: 90 }) @IsLatitude() latitude: number;
  @ApiProperty({ example: 4.818, minimum: -180, maximum: 180 }) @IsLongitude() longitude: number;
}

/** Where it happened: a commune, a postal code naming one commune, or coordinates with the département. */
export class SubmitLocationDto implements CapLocationShape {
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

  @OptionalDepartment({ description: 'INSEE département code, with coordinates', example: '69' })
  department?: string;
}

const CHANGEABLE_MESSAGE_TYPES = [AlertMessageType.Alert, AlertMessageType.Update, AlertMessageType.Cancel];

/** A Cancel keeps the content of the chain: content it gives is checked, none is needed. */
function isNotACancelOrGiven(field: 'location' | 'info'): (dto: SubmitAlertDto) => boolean {
  return (dto) => dto.msgType !== AlertMessageType.Cancel || dto[field] !== undefined;
}

/** A new alert: CAP 1.2 in JSON, plus Vigie's location, TLP and personal-data flag. */
export class SubmitAlertDto implements CapMessageShape {
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
  @ArrayMaxSize(CAP_LIMITS.references)
  @IsString({ each: true })
  @MaxLength(CAP_LIMITS.reference, { each: true })
  references?: string[];

  @OptionalEnum(AlertScope, { default: AlertScope.Restricted, example: AlertScope.Restricted }) scope?: AlertScope;

  @ApiPropertyOptional({
    description: "The submitter's own identifier (CAP identifier); Vigie's id by default",
    example: 'GRA-2026-11-28-0042',
    maxLength: CAP_LIMITS.identifier,
  })
  @IsOptional()
  @Matches(new RegExp(`^[^\\s,<&]{1,${CAP_LIMITS.identifier}}$`), {
    message: `identifier must be 1-${CAP_LIMITS.identifier} characters without spaces, commas, < or &`,
  })
  identifier?: string;

  @ApiPropertyOptional({
    enum: Tlp,
    default: Tlp.Amber,
    example: Tlp.Amber,
    description: 'Traffic Light Protocol 2.0 label',
  })
  @IsOptional()
  @IsEnum(Tlp)
  tlp?: Tlp;

  @ApiPropertyOptional({
    default: false,
    example: false,
    description: 'Free-text fields hold personal data (erased after the retention period)',
  })
  @IsOptional()
  @IsBoolean()
  personalData?: boolean;

  @ApiPropertyOptional({
    type: [String],
    example: ['5f0c7a4e-2b1d-4e8a-9c3f-7d6e5b4a3c21'],
    description:
      'Organisations named as recipients (CAP addresses): the only ones a TLP:RED alert reaches; under other labels they receive it if entitled in the département',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CAP_LIMITS.addresses)
  @IsUUID('all', { each: true, message: 'each address must be an organisation id' })
  addresses?: string[];

  @ApiPropertyOptional({ description: 'Registry site concerned', example: '0d7c9a52-4bd5-4a36-9a5e-2f3b2c9e6d11' })
  @IsOptional()
  @IsUUID()
  siteId?: string;
  @CapText('note', {
    optional: true,
    api: { description: 'Required in a Cancel: its reason', example: 'Levée de doute : personnel de ménage' },
  })
  note?: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'CAP incidents: the sender’s own incident ids',
    example: ['GRA-INC-7781'],
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  incidents?: string[];

  @OptionalInstant({
    description: 'When it happened (ISO 8601); defaults to now',
    example: '2026-11-28T01:12:00+01:00',
  })
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
  @ArrayMaxSize(CAP_LIMITS.infoBlocks)
  @ValidateNested({ each: true })
  @Type(() => SubmitAlertInfoDto)
  info?: SubmitAlertInfoDto[];
}

/** Compile-time: each body class declares exactly the fields of its CAP shape. */
export type BodiesAreTheCapShape = [
  Assert<SameFields<SubmitLocationDto, CapLocationShape>>,
  Assert<SameFields<SubmitAlertDto, CapMessageShape>>,
];
