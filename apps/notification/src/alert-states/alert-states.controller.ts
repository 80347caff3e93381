import { Query } from '@nestjs/common';
import { CurrentCaller, Endpoint, ServiceController, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { AlertStateView } from './alert-state.view';
import { AlertStatesQuery } from './alert-states.query';
import { AlertStatesService } from './alert-states.service';

@ServiceController('v1/alert-states', 'acknowledgements', [ApiKeyRole.Subscriber, ApiKeyRole.Publisher])
export class AlertStatesController {
  constructor(private readonly states: AlertStatesService) {}

  @Endpoint('GET', undefined, {
    summary:
      "For a page of alerts, in one call: why each reached the caller's organisation, whether the organisation acknowledged it, and its escalation. Alerts the organisation neither sent nor received are left out.",
    ok: [AlertStateView],
    badRequest: 'ids missing, more than 200, or not UUIDs.',
  })
  list(@Query() query: AlertStatesQuery, @CurrentCaller() caller: Caller): Promise<AlertStateView[]> {
    return this.states.of(query.ids, caller);
  }
}
