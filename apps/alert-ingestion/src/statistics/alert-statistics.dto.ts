import { ApiProperty } from '@nestjs/swagger';
import { ScopeDepartmentsProperty } from '@vigie/access';
import { AlertEventCode, AlertSeverity } from '@vigie/contracts';
import { OptionalDepartment, OptionalInstant } from '@vigie/platform';

export class AlertStatisticsQuery {
  @OptionalInstant({ description: 'Sent at or after (ISO 8601); default: 30 days before `to`' })
  from?: string;
  @OptionalInstant({ description: 'Sent before (ISO 8601); default: now. At most 366 days after `from`.' })
  to?: string;
  @OptionalDepartment({ example: '69', description: 'Count this département only (within your scope)' })
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
