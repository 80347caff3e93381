import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentCaller, RequireRoles, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { AlertReadAudit } from '../alerts/alert-read.audit';
import { latestSent } from '../alerts/alerts.queries';
import { AlertView } from '../alerts/dto/alert.view';

export class SentAlertsQuery {
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/**
 * What the caller's organisation reported: one entry per alert chain, its latest message (so a
 * cancelled report shows as cancelled), the most recently changed first. Alerts routed to the
 * organisation are not here: GET /v1/alerts lists both.
 */
@ApiTags('alerts')
@Controller('v1/sent-alerts')
export class SentAlertsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: AlertReadAudit,
  ) {}

  @Get()
  @RequireRoles(ApiKeyRole.Publisher)
  @ApiOperation({
    summary:
      'The alerts your organisation sent: the latest message of each chain (Alert, Update or Cancel), most recent first. Each TLP:RED alert listed is recorded as read in the audit trail.',
  })
  @ApiOkResponse({ type: AlertView, isArray: true })
  async list(@Query() query: SentAlertsQuery, @CurrentCaller() caller: Caller): Promise<AlertView[]> {
    const latest = await latestSent(this.dataSource.manager, caller.organisationId!, query.limit ?? 50);
    await this.reads.recordListed(caller, latest);
    return latest.map((snapshot) => AlertView.of(snapshot));
  }
}
