import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsInt, IsOptional, IsString, Min } from 'class-validator';
import {
  AlertCategory,
  AlertCertainty,
  AlertEventCode,
  AlertSeverity,
  AlertUrgency,
  CAP_LIMITS,
  type Assert,
  type CapAreaShape,
  type CapInfoShape,
  type CapResourceShape,
  type CapValueShape,
  type SameFields,
} from '@vigie/contracts';
import { OptionalInstant, OptionalNestedList } from '@vigie/platform';
import { CapText } from './cap-text.decorator';

export class CapValueDto implements CapValueShape {
  @CapText('valueName', { notEmpty: true, api: { example: 'INSEE' } }) valueName: string;
  @CapText('value', { api: { example: '69123' } }) value: string;
}

export class CapResourceDto implements CapResourceShape {
  @CapText('resourceDesc', { notEmpty: true, api: { example: 'Photo de la vidéoprotection' } }) resourceDesc: string;
  @CapText('mimeType', { notEmpty: true, api: { example: 'image/jpeg' } }) mimeType: string;
  @ApiPropertyOptional({ example: 48213 }) @IsOptional() @IsInt() @Min(0) size?: number;
  @CapText('uri', {
    optional: true,
    api: { example: 'https://videos.gardiennage-rhone-alpes.example/2026-11-28/0042.jpg' },
  })
  uri?: string;
  @CapText('digest', { optional: true }) digest?: string;
}

export class CapAreaDto implements CapAreaShape {
  @CapText('areaDesc', { notEmpty: true, api: { example: 'Entrepôt, quai Rambaud, Lyon 2e' } }) areaDesc: string;
  @ApiPropertyOptional({ type: [String], example: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CAP_LIMITS.shapes)
  @IsString({ each: true })
  polygon?: string[];
  @ApiPropertyOptional({ type: [String], example: ['45.7440,4.8180 0.2'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CAP_LIMITS.shapes)
  @IsString({ each: true })
  circle?: string[];
  @OptionalNestedList(CapValueDto, { maximum: CAP_LIMITS.geocodes }) geocode?: CapValueDto[];
}

/** One CAP 1.2 `info` block; fields CAP makes optional are optional here too. */
export class SubmitAlertInfoDto implements CapInfoShape {
  @CapText('language', { optional: true, api: { default: 'fr-FR', example: 'fr-FR' } }) language?: string;

  @ApiProperty({ enum: AlertCategory, isArray: true, example: [AlertCategory.Security] })
  @IsArray()
  @ArrayMinSize(1)
  @IsEnum(AlertCategory, { each: true })
  category: AlertCategory[];

  @ApiProperty({ enum: AlertEventCode, example: AlertEventCode.Intrusion, description: 'Vigie event taxonomy' })
  @IsEnum(AlertEventCode)
  eventCode: AlertEventCode;

  @CapText('event', {
    optional: true,
    notEmpty: true,
    api: { description: 'CAP event text; defaults to the French name of the event code', example: 'Intrusion' },
  })
  event?: string;

  @ApiProperty({ enum: AlertUrgency, example: AlertUrgency.Immediate }) @IsEnum(AlertUrgency) urgency: AlertUrgency;
  @ApiProperty({ enum: AlertSeverity, example: AlertSeverity.Severe }) @IsEnum(AlertSeverity) severity: AlertSeverity;
  @ApiProperty({ enum: AlertCertainty, example: AlertCertainty.Observed })
  @IsEnum(AlertCertainty)
  certainty: AlertCertainty;

  @CapText('headline', { notEmpty: true, api: { example: 'Intrusion en cours, entrepôt quai Rambaud' } })
  headline: string;

  @CapText('description', {
    optional: true,
    api: { example: 'Deux individus détectés par vidéoprotection, agent sur place.' },
  })
  description?: string;

  @CapText('instruction', { optional: true, api: { example: 'Ne pas intervenir : attendre la police.' } })
  instruction?: string;
  @ApiPropertyOptional({ type: [String], example: ['Monitor'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  responseType?: string[];
  @CapText('audience', { optional: true }) audience?: string;
  @OptionalInstant() effective?: string;
  @OptionalInstant() onset?: string;
  @OptionalInstant() expires?: string;
  @CapText('senderName', { optional: true, api: { example: 'Gardiennage Rhône-Alpes, centrale de nuit' } })
  senderName?: string;
  @CapText('web', { optional: true }) web?: string;
  @CapText('contact', { optional: true }) contact?: string;
  @OptionalNestedList(CapValueDto) eventCodes?: CapValueDto[];
  @OptionalNestedList(CapValueDto) parameter?: CapValueDto[];
  @OptionalNestedList(CapResourceDto, { maximum: CAP_LIMITS.resources }) resource?: CapResourceDto[];
  @OptionalNestedList(CapAreaDto, {
    maximum: CAP_LIMITS.areas,
    description: 'CAP areas; when absent, one area is made from the location (geocode INSEE)',
  })
  area?: CapAreaDto[];
}

/** Compile-time: each body class declares exactly the fields of its CAP shape. */
export type InfoBodiesAreTheCapShape = [
  Assert<SameFields<CapValueDto, CapValueShape>>,
  Assert<SameFields<CapResourceDto, CapResourceShape>>,
  Assert<SameFields<CapAreaDto, CapAreaShape>>,
  Assert<SameFields<SubmitAlertInfoDto, CapInfoShape>>,
];
