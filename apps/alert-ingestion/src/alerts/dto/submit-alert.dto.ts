import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEnum,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
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
  COMMUNE_CODE_PATTERN,
  Tlp,
} from '@vigie/contracts';

export class SubmitAlertInfoDto {
  @ApiProperty({ enum: AlertCategory, example: AlertCategory.Security })
  @IsEnum(AlertCategory)
  category: AlertCategory;

  @ApiProperty({ enum: AlertEventCode, example: AlertEventCode.Intrusion, description: 'Vigie event taxonomy' })
  @IsEnum(AlertEventCode)
  event: AlertEventCode;

  @ApiProperty({ enum: AlertUrgency, example: AlertUrgency.Immediate })
  @IsEnum(AlertUrgency)
  urgency: AlertUrgency;

  @ApiProperty({ enum: AlertSeverity, example: AlertSeverity.Severe })
  @IsEnum(AlertSeverity)
  severity: AlertSeverity;

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

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  instruction?: string;
}

export class SubmitAlertAreaDto {
  @ApiProperty({ description: 'INSEE code of the commune', example: '69123' })
  @Matches(COMMUNE_CODE_PATTERN, { message: 'commune must be a 5-character INSEE commune code' })
  commune: string;
}

/** A new alert, aligned with CAP 1.2 (one info block, the area given as an INSEE commune). */
export class SubmitAlertDto {
  @ApiProperty({ enum: AlertStatus, example: AlertStatus.Actual })
  @IsEnum(AlertStatus)
  status: AlertStatus;

  @ApiPropertyOptional({ enum: [AlertMessageType.Alert], default: AlertMessageType.Alert })
  @IsOptional()
  @IsIn([AlertMessageType.Alert], {
    message: 'msgType must be Alert here; updates and cancellations have their own routes',
  })
  msgType?: AlertMessageType.Alert;

  @ApiPropertyOptional({ enum: AlertScope, default: AlertScope.Restricted })
  @IsOptional()
  @IsEnum(AlertScope)
  scope?: AlertScope;

  @ApiPropertyOptional({ enum: Tlp, default: Tlp.Amber, description: 'Traffic Light Protocol 2.0 label' })
  @IsOptional()
  @IsEnum(Tlp)
  tlp?: Tlp;

  @ApiPropertyOptional({
    description: 'When it happened (ISO 8601); defaults to now',
    example: '2026-11-28T01:12:00+01:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;

  @ApiProperty({ type: SubmitAlertInfoDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => SubmitAlertInfoDto)
  info: SubmitAlertInfoDto;

  @ApiProperty({ type: SubmitAlertAreaDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => SubmitAlertAreaDto)
  area: SubmitAlertAreaDto;
}
