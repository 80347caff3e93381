import { Controller, Get } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentCaller, RequireRoles, ScopeDepartmentsProperty, statisticsScopeOf, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { openEscalationCounts } from './escalations.queries';

export class OpenEscalationCount {
  @ApiProperty({ example: '69' }) department: string;
  @ApiProperty() count: number;
}

/** Counts only: no alert content. */
export class OpenEscalationsView {
  @ScopeDepartmentsProperty()
  departments: string[] | null;
  @ApiProperty({ description: 'Escalations still armed (not acknowledged, not cancelled)' }) total: number;
  @ApiProperty({ type: OpenEscalationCount, isArray: true }) byDepartment: OpenEscalationCount[];
}

@ApiTags('statistics')
@Controller('v1/statistics/escalations')
export class EscalationStatisticsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @RequireRoles(ApiKeyRole.Subscriber, ApiKeyRole.Operator)
  @ApiOperation({
    summary:
      'Open escalations (armed: not yet acknowledged by the competent prefecture) by département: every département for the national level, its own for a prefecture.',
  })
  @ApiOkResponse({ type: OpenEscalationsView })
  @ApiForbiddenResponse({ description: 'The caller is neither a prefecture, a State force nor the national level.' })
  async open(@CurrentCaller() caller: Caller): Promise<OpenEscalationsView> {
    const departments = statisticsScopeOf(caller);
    const byDepartment = await openEscalationCounts(this.dataSource.manager, departments);
    return { departments, total: byDepartment.reduce((sum, row) => sum + row.count, 0), byDepartment };
  }
}
