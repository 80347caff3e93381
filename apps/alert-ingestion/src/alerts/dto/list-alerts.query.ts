import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsISO8601, IsOptional, Matches } from 'class-validator';
import {
  AlertEventCode,
  AlertMessageType,
  AlertSeverity,
  AlertStatus,
  DEPARTMENT_CODE_PATTERN,
} from '@vigie/contracts';
import { PageCursor, PageLimit } from '@vigie/platform';

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
  @PageCursor()
  cursor?: string;
  @PageLimit({ fallback: 50, maximum: 200 })
  limit?: number;
}
