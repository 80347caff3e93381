import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { AlertEventCode, AlertSeverity, Sector } from '@vigie/contracts';
import { OptionalEnum, OptionalEnumList } from '@vigie/platform';
import { DepartmentCodes } from '../../departments/department-codes.decorator';
import { documentedFields, viewOf } from '../../views/view-of';
import type { Subscription } from '../subscription.entity';

export class CreateSubscriptionDto {
  @ApiProperty({
    description: 'INSEE codes of départements where the organisation operates',
    example: ['69'],
    minItems: 1,
  })
  @DepartmentCodes()
  departments: string[];

  @OptionalEnumList(
    AlertEventCode,
    { description: 'Empty or absent: every event', example: [AlertEventCode.Intrusion, AlertEventCode.ArmedRobbery] },
    { maximum: 50 },
  )
  eventCodes?: AlertEventCode[];

  @OptionalEnum(AlertSeverity, {
    default: AlertSeverity.Unknown,
    description: 'The lowest severity received; Unknown is the lowest of all',
    example: AlertSeverity.Moderate,
  })
  minimumSeverity?: AlertSeverity;

  @OptionalEnumList(
    Sector,
    { description: 'Sectors the alerts come from; empty or absent: every sector', example: [Sector.LargeRetail] },
    { maximum: 20 },
  )
  sectors?: Sector[];

  @ApiPropertyOptional({ default: false, description: 'Also receive exercise alerts (CAP status Exercise)' })
  @IsOptional()
  @IsBoolean()
  includeExercises?: boolean;
}

export class SubscriptionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ example: ['69'] }) departments: string[];
  @ApiProperty({ enum: AlertEventCode, isArray: true, description: 'Empty: every event' }) eventCodes: AlertEventCode[];
  @ApiProperty({ enum: AlertSeverity }) minimumSeverity: AlertSeverity;
  @ApiProperty({ enum: Sector, isArray: true, description: 'Empty: every sector' }) sectors: Sector[];
  @ApiProperty() includeExercises: boolean;
  @ApiProperty() createdAt: string;

  static of(subscription: Subscription): SubscriptionView {
    return viewOf(subscription, documentedFields(SubscriptionView));
  }
}
