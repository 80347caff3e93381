import { Controller, Get, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, RequireRoles, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { AlertStatisticsQuery, AlertStatisticsView } from './alert-statistics.dto';
import { AlertStatisticsService } from './alert-statistics.service';

@ApiTags('statistics')
@Controller('v1/statistics/alerts')
export class AlertStatisticsController {
  constructor(private readonly statistics: AlertStatisticsService) {}

  @Get()
  @RequireRoles(ApiKeyRole.Subscriber, ApiKeyRole.Operator)
  @ApiOperation({
    summary:
      'Counts of new real alerts over a window by département, event type, severity and day: every département for the national level, its own for a prefecture. Counts only, never content.',
  })
  @ApiOkResponse({ type: AlertStatisticsView })
  @ApiForbiddenResponse({ description: 'The caller is neither a prefecture, a State force nor the national level.' })
  count(@Query() query: AlertStatisticsQuery, @CurrentCaller() caller: Caller): Promise<AlertStatisticsView> {
    return this.statistics.count(query, caller);
  }
}
