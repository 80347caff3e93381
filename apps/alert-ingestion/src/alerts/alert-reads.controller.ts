import { Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CurrentCaller, Endpoint, ServiceController, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { AlertsService } from './alerts.service';
import { AlertView } from './dto/alert.view';
import { ListAlertsQuery } from './dto/list-alerts.query';

export class AlertPageView {
  @ApiProperty({ type: AlertView, isArray: true }) alerts: AlertView[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Pass as `cursor` for the next page' })
  nextCursor: string | null;
}

@ServiceController('v1/alerts', 'alerts')
export class AlertReadsController {
  constructor(private readonly alerts: AlertsService) {}

  @Endpoint('GET', undefined, {
    roles: [ApiKeyRole.Publisher, ApiKeyRole.Subscriber],
    summary:
      'Your organisation’s alerts and those routed to it, newest first (cursor pagination). Each TLP:RED alert listed is recorded as read in the audit trail.',
    ok: AlertPageView,
  })
  async list(@Query() query: ListAlertsQuery, @CurrentCaller() caller: Caller): Promise<AlertPageView> {
    const page = await this.alerts.list(query, caller);
    return { alerts: page.alerts.map(AlertView.of), nextCursor: page.nextCursor };
  }
}
