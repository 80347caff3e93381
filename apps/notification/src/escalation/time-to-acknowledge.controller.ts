import { Controller, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentCaller, StatisticsRead, ScopeDepartmentsProperty, statisticsScopeOf, type Caller } from '@vigie/access';
import { statisticsWindow } from '@vigie/contracts';
import { InvalidRequestError, OptionalInstant } from '@vigie/platform';
import { timeToAcknowledge } from './time-to-acknowledge.queries';

export class TimeToAcknowledgeQuery {
  @OptionalInstant({ description: 'Escalations armed at or after (ISO 8601); default: 30 days before `to`' })
  from?: string;
  @OptionalInstant({ description: 'Armed before (ISO 8601); default: now. At most 366 days after `from`.' })
  to?: string;
}

export class PrefectureTimeToAcknowledgeView {
  @ApiProperty({ format: 'uuid' }) prefectureId: string;
  @ApiProperty({ example: '69' }) department: string;
  @ApiProperty({ description: 'Escalations armed in the period' }) escalations: number;
  @ApiProperty({ description: 'Of which the prefecture has not acknowledged the alert' }) unacknowledged: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Median seconds from arming to acknowledgement' })
  medianSeconds: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '90th percentile, in seconds' })
  p90Seconds: number | null;
}

/** Delays and counts only: no alert content. */
export class TimeToAcknowledgeView {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ScopeDepartmentsProperty()
  departments: string[] | null;
  @ApiProperty({ type: PrefectureTimeToAcknowledgeView, isArray: true })
  prefectures: PrefectureTimeToAcknowledgeView[];
}

/** The period asked for, defaulted and bounded (as every statistics window is). */
export function period(query: TimeToAcknowledgeQuery, now = new Date()): { from: Date; to: Date } {
  const window = statisticsWindow(query, now);
  if ('problem' in window) throw new InvalidRequestError([{ field: 'from', problems: [window.problem] }]);
  return window;
}

@ApiTags('statistics')
@Controller('v1/statistics/time-to-acknowledge')
export class TimeToAcknowledgeController {
  constructor(private readonly dataSource: DataSource) {}

  @StatisticsRead(
    'Time to acknowledge per prefecture over a period (median, 90th percentile, escalations not acknowledged): every prefecture for the national level, its own for a prefecture.',
    TimeToAcknowledgeView,
  )
  @ApiBadRequestResponse({ description: 'Invalid period.' })
  async get(@Query() query: TimeToAcknowledgeQuery, @CurrentCaller() caller: Caller): Promise<TimeToAcknowledgeView> {
    const departments = statisticsScopeOf(caller);
    const { from, to } = period(query);
    const prefectures = await timeToAcknowledge(this.dataSource, from, to, departments);
    return { from: from.toISOString(), to: to.toISOString(), departments, prefectures };
  }
}
