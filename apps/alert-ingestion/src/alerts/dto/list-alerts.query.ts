import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import {
  AlertEventCode,
  AlertMessageType,
  AlertSeverity,
  AlertStatus,
  DEPARTMENT_CODE_PATTERN,
} from '@vigie/contracts';

export class ListAlertsQuery {
  @ApiPropertyOptional({ enum: AlertStatus }) @IsOptional() @IsEnum(AlertStatus) status?: AlertStatus;
  @ApiPropertyOptional({ enum: AlertMessageType }) @IsOptional() @IsEnum(AlertMessageType) msgType?: AlertMessageType;
  @ApiPropertyOptional({ enum: AlertEventCode }) @IsOptional() @IsEnum(AlertEventCode) eventCode?: AlertEventCode;
  @ApiPropertyOptional({ enum: AlertSeverity }) @IsOptional() @IsEnum(AlertSeverity) severity?: AlertSeverity;
  @ApiPropertyOptional({ example: '69' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE_PATTERN, { message: 'department must be an INSEE département code' })
  department?: string;
  @ApiPropertyOptional({ description: 'Sent at or after (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'Sent before (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor is not one this API returned' })
  cursor?: string;
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
