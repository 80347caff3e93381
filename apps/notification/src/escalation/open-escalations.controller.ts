import { Controller, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentCaller, StatisticsRead, ScopeDepartmentsProperty, statisticsScopeOf, type Caller } from '@vigie/access';
import { InvalidRequestError, pageOf } from '@vigie/platform';
import { decodePosition, encodePosition, openEscalations, type OpenEscalation } from './escalations.queries';

const DEFAULT_LIMIT = 50;

export class OpenEscalationsQuery {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor is not one this API returned' })
  cursor?: string;
  @ApiPropertyOptional({ default: DEFAULT_LIMIT, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class OpenEscalationView {
  @ApiProperty({ format: 'uuid', description: 'The message that armed the escalation (its content is judged)' })
  alertId: string;
  @ApiProperty({ format: 'uuid', description: 'The original alert of its chain' }) originalAlertId: string;
  @ApiProperty({ format: 'uuid', description: 'The competent prefecture expected to acknowledge' })
  prefectureId: string;
  @ApiProperty({ example: '69' }) department: string;
  @ApiProperty({ type: String, nullable: true, example: '69123', description: 'INSEE code' }) commune: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Lyon' }) communeName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'intrusion' }) eventCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Severe' }) severity: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'AMBER' }) tlp: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the escalation was armed' }) armedAt: string;
  @ApiProperty({
    enum: ['prefecture', 'deputy'],
    description: 'prefecture: awaiting its acknowledgement; deputy: its deputy referents were alerted too',
  })
  step: 'prefecture' | 'deputy';
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the next step (deputy, then national level) is taken unless the prefecture acknowledges',
  })
  deadline: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The alert’s headline, only for its sender and its recipients (never a TLP:RED alert to anyone else)',
  })
  headline: string | null;
  @ApiProperty({ description: 'True when the caller may not read the alert’s content (headline null)' })
  contentRestricted: boolean;

  static of(escalation: OpenEscalation): OpenEscalationView {
    return {
      alertId: escalation.alertId,
      originalAlertId: escalation.originalAlertId,
      prefectureId: escalation.prefectureId,
      department: escalation.department,
      commune: escalation.commune,
      communeName: escalation.communeName,
      eventCode: escalation.eventCode,
      severity: escalation.severity,
      tlp: escalation.tlp,
      armedAt: escalation.armedAt.toISOString(),
      step: escalation.step,
      deadline: escalation.deadline ? escalation.deadline.toISOString() : null,
      headline: escalation.headline,
      contentRestricted: escalation.contentRestricted,
    };
  }
}

export class OpenEscalationPageView {
  @ScopeDepartmentsProperty('listed')
  departments: string[] | null;
  @ApiProperty({ type: OpenEscalationView, isArray: true }) escalations: OpenEscalationView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last' })
  nextCursor: string | null;
}

@ApiTags('escalation')
@Controller('v1/escalations')
export class OpenEscalationsController {
  constructor(private readonly dataSource: DataSource) {}

  @StatisticsRead(
    'Open escalations (armed, not yet acknowledged by the competent prefecture), oldest first, a page at a time: every département for the national level, its own for a prefecture or a State force. The headline only for the alert’s sender and recipients.',
    OpenEscalationPageView,
  )
  @ApiBadRequestResponse({ description: 'A cursor this API did not return, or a limit outside 1–200.' })
  async list(@Query() query: OpenEscalationsQuery, @CurrentCaller() caller: Caller): Promise<OpenEscalationPageView> {
    const departments = statisticsScopeOf(caller, 'open escalations are for prefectures and the national level');
    const after = query.cursor === undefined ? undefined : decodePosition(query.cursor);
    if (after === null) {
      throw new InvalidRequestError([{ field: 'cursor', problems: ['cursor is not one this API returned'] }]);
    }
    const limit = query.limit ?? DEFAULT_LIMIT;
    // One more than a page tells whether another follows.
    const rows = await openEscalations(
      this.dataSource.manager,
      { departments, readerId: caller.organisationId },
      { after, limit: limit + 1 },
    );
    const { page, nextCursor } = pageOf(rows, limit, (last) => encodePosition(last.position));
    return { departments, escalations: page.map((row) => OpenEscalationView.of(row)), nextCursor };
  }
}
