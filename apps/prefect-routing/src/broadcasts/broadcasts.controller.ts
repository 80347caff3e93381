import { Body, Param, ParseUUIDPipe } from '@nestjs/common';
import { CurrentCaller, Endpoint, ServiceController, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { BroadcastsService } from './broadcasts.service';
import { BroadcastPreviewView, BroadcastView, SendBroadcastDto } from './dto/send-broadcast.dto';

/** Sending a broadcast, or previewing one: for a prefecture within its départements, or the national level. */
const BY_SENDER = {
  roles: [ApiKeyRole.Operator, ApiKeyRole.Publisher],
  forbidden: 'Not a prefecture or the national level, or beyond its départements.',
};
/** Its sender, its recipients and administrators. */
const READERS = [ApiKeyRole.Operator, ApiKeyRole.Publisher, ApiKeyRole.Subscriber];

@ServiceController('v1/broadcasts', 'broadcasts')
export class BroadcastsController {
  constructor(private readonly broadcasts: BroadcastsService) {}

  @Endpoint('POST', undefined, {
    ...BY_SENDER,
    summary:
      'Send a vigilance message to the partners of the caller’s départements (a prefecture) or of any département (the national level), narrowed by sector, convention and event code. TLP applies; delivered by the notification service.',
    created: BroadcastView,
  })
  send(@Body() input: SendBroadcastDto, @CurrentCaller() caller: Caller): Promise<BroadcastView> {
    return this.broadcasts.send(input, caller);
  }

  @Endpoint('POST', 'preview', {
    status: 200,
    ...BY_SENDER,
    summary:
      'Who a draft broadcast would reach, by name, and why (and who it would leave out): the same decision as sending, with nothing stored or sent.',
    ok: BroadcastPreviewView,
  })
  preview(@Body() input: SendBroadcastDto, @CurrentCaller() caller: Caller): Promise<BroadcastPreviewView> {
    return this.broadcasts.preview(input, caller);
  }

  @Endpoint('GET', undefined, {
    roles: READERS,
    summary: 'Broadcasts the caller’s organisation sent or received, newest first (100).',
    ok: [BroadcastView],
  })
  list(@CurrentCaller() caller: Caller): Promise<BroadcastView[]> {
    return this.broadcasts.list(caller);
  }

  @Endpoint('GET', ':id', {
    roles: READERS,
    summary: 'One broadcast, for its sender, its recipients and administrators.',
    ok: BroadcastView,
  })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<BroadcastView> {
    return this.broadcasts.get(id, caller);
  }
}
