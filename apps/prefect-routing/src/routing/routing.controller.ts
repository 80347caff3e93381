import { Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentCaller, ServiceController, type Caller } from '@vigie/access';
import { RoutingDecisionView } from './routing-decision.view';
import { RoutingService } from './routing.service';

@ServiceController('v1/alerts', 'routing')
export class RoutingController {
  constructor(private readonly routing: RoutingService) {}

  @Get(':id/routing')
  @ApiOperation({
    summary:
      'Who received an alert, by which rules and why, and who was left out and why. For its sender, the State organisations that received it, and administrators.',
  })
  @ApiOkResponse({ type: RoutingDecisionView })
  async decision(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<RoutingDecisionView> {
    return RoutingDecisionView.of(await this.routing.decisionFor(id, caller));
  }
}
