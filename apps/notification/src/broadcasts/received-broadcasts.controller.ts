import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, RequireRoles, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { organisationOf } from '../caller-organisation';
import { BroadcastAcknowledgementsService } from './broadcast-acknowledgements.service';
import { ReceivedBroadcastView } from './dto/broadcast-acknowledgement.view';

/** The vigilance messages routed to the caller's organisation, with its own acknowledgement of each. */
@ApiTags('broadcasts')
@RequireRoles(ApiKeyRole.Subscriber)
@Controller('v1/received-broadcasts')
export class ReceivedBroadcastsController {
  constructor(private readonly broadcasts: BroadcastAcknowledgementsService) {}

  @Get()
  @ApiOperation({
    summary:
      "Broadcasts (vigilance messages) routed to the caller's organisation, newest first (100), each with why it came and the organisation's acknowledgement.",
  })
  @ApiOkResponse({ type: ReceivedBroadcastView, isArray: true })
  async list(@CurrentCaller() caller: Caller): Promise<ReceivedBroadcastView[]> {
    return (await this.broadcasts.received(organisationOf(caller))).map(ReceivedBroadcastView.of);
  }

  @Get(':id')
  @ApiOperation({ summary: "One broadcast routed to the caller's organisation, with its acknowledgement." })
  @ApiOkResponse({ type: ReceivedBroadcastView })
  @ApiNotFoundResponse({ description: 'No such broadcast was routed to your organisation.' })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<ReceivedBroadcastView> {
    return ReceivedBroadcastView.of(await this.broadcasts.receivedOne(organisationOf(caller), id));
  }
}
