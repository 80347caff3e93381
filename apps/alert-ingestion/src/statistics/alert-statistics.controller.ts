import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentCaller, StatisticsRead, type Caller } from '@vigie/access';
import { AlertStatisticsQuery, AlertStatisticsView } from './alert-statistics.dto';
import { AlertStatisticsService } from './alert-statistics.service';

@ApiTags('statistics')
@Controller('v1/statistics/alerts')
export class AlertStatisticsController {
  constructor(private readonly statistics: AlertStatisticsService) {}

  @StatisticsRead(
    'Counts of new real alerts over a window by département, event type, severity and day: every département for the national level, its own for a prefecture. Counts only, never content.',
    AlertStatisticsView,
  )
  count(@Query() query: AlertStatisticsQuery, @CurrentCaller() caller: Caller): Promise<AlertStatisticsView> {
    return this.statistics.count(query, caller);
  }
}
