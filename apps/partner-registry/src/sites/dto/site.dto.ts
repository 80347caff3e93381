import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { COMMUNE_CODE_PATTERN } from '@vigie/contracts';
import { OptionalEnum, RequiredEnum } from '@vigie/platform';
import { SecurityPlanStatus, SiteKind } from '../site.vocabulary';

export class SecurityPlanDto {
  @RequiredEnum(SecurityPlanStatus, { example: SecurityPlanStatus.Approved })
  status: SecurityPlanStatus;

  @ApiPropertyOptional({ description: 'Required when APPROVED', example: '3.1', maxLength: 40 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  version?: string;

  @ApiPropertyOptional({ description: 'Approval date (YYYY-MM-DD); required when APPROVED', example: '2019-06-14' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a calendar date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'date must be a calendar date (YYYY-MM-DD)' })
  date?: string;
}

/**
 * An optional security plan, validated as a whole. The validators are applied in the order a stack
 * of them would be (the lowest first), so a request breaking several rules is answered as before.
 */
const SecurityPlanField = (description: string): PropertyDecorator =>
  applyDecorators(
    Type(() => SecurityPlanDto),
    ValidateNested(),
    IsOptional(),
    ApiPropertyOptional({ type: SecurityPlanDto, description }),
  );

export class CreateSiteDto {
  @ApiProperty({ example: 'Centre commercial de la Part-Dieu', minLength: 2, maxLength: 200 })
  @IsString()
  @Length(2, 200)
  name: string;

  @RequiredEnum(SiteKind, { example: SiteKind.ShoppingCentre })
  kind: SiteKind;

  @ApiProperty({
    description: 'INSEE code of the commune, in a département where the organisation operates; cannot change later',
    example: '69123',
  })
  @Matches(COMMUNE_CODE_PATTERN, { message: 'commune must be an INSEE commune code' })
  commune: string;

  @SecurityPlanField('Defaults to { status: NONE }')
  securityPlan?: SecurityPlanDto;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The crisis-management coordinator: a referent of the same organisation',
  })
  @IsOptional()
  @IsUUID()
  crisisCoordinatorId?: string;
}

export class UpdateSiteDto {
  @ApiPropertyOptional({ example: 'Centre commercial de la Part-Dieu', minLength: 2, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  name?: string;

  @OptionalEnum(SiteKind)
  kind?: SiteKind;

  @SecurityPlanField('Replaces the whole plan')
  securityPlan?: SecurityPlanDto;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'A referent of the same organisation; null removes the coordinator',
  })
  @IsOptional()
  @IsUUID()
  crisisCoordinatorId?: string | null;
}
