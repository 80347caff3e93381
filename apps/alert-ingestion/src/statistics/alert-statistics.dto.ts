import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { ScopeDepartmentsProperty } from '@vigie/access';
import { AlertEventCode, AlertSeverity, DEPARTMENT_CODE_PATTERN } from '@vigie/contracts';

export class AlertStatisticsQuery {
  @ApiPropertyOptional({ description: 'Sent at or after (ISO 8601); default: 30 days before `to`' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'Sent before (ISO 8601); default: now. At most 366 days after `from`.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
  @ApiPropertyOptional({ example: '69', description: 'Count this département only (within your scope)' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE_PATTERN, { message: 'department must be an INSEE département code' })
  department?: string;
}

export class DepartmentCount {
  @ApiProperty({ example: '69' }) department: string;
  @ApiProperty() count: number;
}

export class EventCodeCount {
  @ApiProperty({ enum: AlertEventCode }) eventCode: string;
  @ApiProperty() count: number;
}

export class SeverityCount {
  @ApiProperty({ enum: AlertSeverity }) severity: string;
  @ApiProperty() count: number;
}

export class DayEventCodeCount {
  @ApiProperty({ example: '2026-12-04', description: 'Calendar day in Europe/Paris' }) day: string;
  @ApiProperty({ enum: AlertEventCode }) eventCode: string;
  @ApiProperty() count: number;
}

export class DaySeverityCount {
  @ApiProperty({ example: '2026-12-04', description: 'Calendar day in Europe/Paris' }) day: string;
  @ApiProperty({ enum: AlertSeverity }) severity: string;
  @ApiProperty() count: number;
}

/** Counts only: no alert content, whatever its TLP, ever appears in statistics. */
export class AlertStatisticsView {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ScopeDepartmentsProperty()
  departments: string[] | null;
  @ApiProperty({ description: 'New real alerts (msgType Alert, status Actual) sent in the window' }) total: number;
  @ApiProperty({ type: DepartmentCount, isArray: true }) byDepartment: DepartmentCount[];
  @ApiProperty({ type: EventCodeCount, isArray: true }) byEventCode: EventCodeCount[];
  @ApiProperty({ type: SeverityCount, isArray: true }) bySeverity: SeverityCount[];
  @ApiProperty({ type: DayEventCodeCount, isArray: true }) byDayAndEventCode: DayEventCodeCount[];
  @ApiProperty({ type: DaySeverityCount, isArray: true }) byDayAndSeverity: DaySeverityCount[];
}
