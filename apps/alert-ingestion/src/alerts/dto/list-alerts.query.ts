import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { AlertEventCode, AlertMessageType, AlertSeverity, AlertStatus } from '@vigie/contracts';
import { OptionalDepartment, OptionalInstant, PageCursor, PageLimit } from '@vigie/platform';

export class ListAlertsQuery {
  @ApiPropertyOptional({ enum: AlertStatus }) @IsOptional() @IsEnum(AlertStatus) status?: AlertStatus;
  @ApiPropertyOptional({ enum: AlertMessageType }) @IsOptional() @IsEnum(AlertMessageType) msgType?: AlertMessageType;
  @ApiPropertyOptional({ enum: AlertEventCode }) @IsOptional() @IsEnum(AlertEventCode) eventCode?: AlertEventCode;
  @ApiPropertyOptional({ enum: AlertSeverity }) @IsOptional() @IsEnum(AlertSeverity) severity?: AlertSeverity;
  @OptionalDepartment({ example: '69' }) department?: string;
  @OptionalInstant({ description: 'Sent at or after (ISO 8601)' }) from?: string;
  @OptionalInstant({ description: 'Sent before (ISO 8601)' }) to?: string;
  @PageCursor()
  cursor?: string;
  @PageLimit({ fallback: 50, maximum: 200 })
  limit?: number;
}
