import { Controller } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentCaller, StatisticsRead, ScopeDepartmentsProperty, statisticsScopeOf, type Caller } from '@vigie/access';
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

  @StatisticsRead(
    'Open escalations (armed: not yet acknowledged by the competent prefecture) by département: every département for the national level, its own for a prefecture.',
    OpenEscalationsView,
  )
  async open(@CurrentCaller() caller: Caller): Promise<OpenEscalationsView> {
    const departments = statisticsScopeOf(caller);
    const byDepartment = await openEscalationCounts(this.dataSource.manager, departments);
    return { departments, total: byDepartment.reduce((sum, row) => sum + row.count, 0), byDepartment };
  }
}
