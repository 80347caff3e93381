import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import {
  AlertCertainty,
  AlertEventCode,
  AlertSeverity,
  AlertStatus,
  AlertUrgency,
  COMMUNE_CODE_PATTERN,
  OrganisationKind,
  Tlp,
} from '@vigie/contracts';
import { OptionalDepartment, OptionalEnum } from '@vigie/platform';

/** A draft alert: what routing reads of an alert, nothing stored, nothing sent. */
export class PreviewAlertDto {
  @ApiPropertyOptional({ example: '69123', description: 'INSEE commune code (or give the département)' })
  @ValidateIf((draft: PreviewAlertDto) => draft.department === undefined)
  @Matches(COMMUNE_CODE_PATTERN, { message: 'commune must be a 5-character INSEE commune code' })
  commune?: string;

  @OptionalDepartment({ example: '69' }) department?: string;

  @ApiProperty({ enum: AlertEventCode }) @IsEnum(AlertEventCode) eventCode: AlertEventCode;
  @ApiProperty({ enum: AlertSeverity }) @IsEnum(AlertSeverity) severity: AlertSeverity;
  @OptionalEnum(AlertUrgency, { default: AlertUrgency.Immediate }) urgency?: AlertUrgency;
  @OptionalEnum(AlertCertainty, { default: AlertCertainty.Observed }) certainty?: AlertCertainty;
  @OptionalEnum(AlertStatus, { default: AlertStatus.Actual }) status?: AlertStatus;
  @OptionalEnum(Tlp, { default: Tlp.Amber }) tlp?: Tlp;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() personalData?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'Organisations named as recipients (CAP addresses)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  addresses?: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Preview as this organisation (the rules test bench): administrators and the national level’s operators ' +
      'anywhere, a prefecture’s operators in their départements. A sender that may not publish in the ' +
      'département is named in the warnings.',
  })
  @IsOptional()
  @IsUUID()
  senderOrganisationId?: string;
}

export class PreviewRecipientView {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() name: string;
  @ApiProperty() kind: string;
  @ApiProperty({ type: [String] }) rules: string[];
  @ApiProperty({ type: [String] }) reasons: string[];
}

export class PreviewExclusionView {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() name: string;
  @ApiProperty() rule: string;
  @ApiProperty() reason: string;
}

export class RoutingPreviewView {
  @ApiProperty({ example: '69' }) department: string;
  @ApiProperty({ type: [PreviewRecipientView] }) recipients: PreviewRecipientView[];
  @ApiProperty({ type: [PreviewExclusionView] }) excluded: PreviewExclusionView[];
  @ApiProperty({ type: [String], example: ['no prefecture receives this alert (département 01)'] })
  warnings: string[];
}

export class PreviewSendersQuery {
  @OptionalDepartment({
    example: '69',
    description: 'Those that may publish in this département; without it, anywhere in your scope',
  })
  department?: string;
}

/** An organisation the rules test bench may try an alert as. */
export class PreviewSenderView {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ example: 'Gardiennage Rhône-Alpes SAS' }) name: string;
  @ApiProperty({ enum: OrganisationKind, example: OrganisationKind.SecurityFirm }) kind: OrganisationKind;
  @ApiProperty({ type: [String], example: ['69'] }) departments: string[];
}
