import { Param, ParseUUIDPipe } from '@nestjs/common';
import { CurrentCaller, Endpoint, ServiceController, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { EscalationView } from './escalation.view';
import { EscalationsService } from './escalations.service';

@ServiceController('v1/alerts/:id/escalation', 'escalation', [ApiKeyRole.Subscriber, ApiKeyRole.Publisher])
export class EscalationController {
  constructor(private readonly escalations: EscalationsService) {}

  @Endpoint('GET', undefined, {
    summary:
      "The escalation deadline of the alert's chain and its steps (armed, deputy, national, cancelled): for the sender, the recipients and administrators.",
    ok: EscalationView,
    notFound: 'No escalation for this alert (not Extreme or Severe), or not yours to see.',
  })
  show(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<EscalationView> {
    return this.escalations.view(id, caller);
  }
}
