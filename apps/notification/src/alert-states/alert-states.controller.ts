import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, RequireRoles, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { AlertStateView } from './alert-state.view';
import { AlertStatesQuery } from './alert-states.query';
import { AlertStatesService } from './alert-states.service';

@ApiTags('acknowledgements')
@RequireRoles(ApiKeyRole.Subscriber, ApiKeyRole.Publisher)
@Controller('v1/alert-states')
export class AlertStatesController {
  constructor(private readonly states: AlertStatesService) {}

  @Get()
  @ApiOperation({
    summary:
      "For a page of alerts, in one call: why each reached the caller's organisation, whether the organisation acknowledged it, and its escalation. Alerts the organisation neither sent nor received are left out.",
  })
  @ApiOkResponse({ type: AlertStateView, isArray: true })
  @ApiBadRequestResponse({ description: 'ids missing, more than 200, or not UUIDs.' })
  list(@Query() query: AlertStatesQuery, @CurrentCaller() caller: Caller): Promise<AlertStateView[]> {
    return this.states.of(query.ids, caller);
  }
}
