import { Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentCaller, Endpoint, ServiceController, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { nextPageLink, nextPageLinkHeader } from '@vigie/platform';
import { organisationOf } from '../caller-organisation';
import { BroadcastAcknowledgementsService } from './broadcast-acknowledgements.service';
import { ReceivedBroadcastView } from './dto/broadcast-acknowledgement.view';
import { ReceivedBroadcastsQuery } from './dto/received-broadcasts.query';

/** The vigilance messages routed to the caller's organisation, with its own acknowledgement of each. */
@ServiceController('v1/received-broadcasts', 'broadcasts', [ApiKeyRole.Subscriber])
export class ReceivedBroadcastsController {
  constructor(private readonly broadcasts: BroadcastAcknowledgementsService) {}

  @Endpoint('GET', undefined, {
    summary:
      "Broadcasts (vigilance messages) routed to the caller's organisation, newest first, each with why it came and the organisation's acknowledgement (keyset pagination: `limit` at a time, 100 by default; the next page is in the `Link` header).",
    ok: { type: ReceivedBroadcastView, isArray: true, headers: nextPageLinkHeader('/v1/received-broadcasts') },
    badRequest: 'A limit out of 1–100, or a cursor this API did not return.',
  })
  async list(
    @Query() query: ReceivedBroadcastsQuery,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReceivedBroadcastView[]> {
    const page = await this.broadcasts.received(organisationOf(caller), query);
    if (page.nextCursor)
      response.setHeader('Link', nextPageLink('/v1/received-broadcasts', page.nextCursor, query.limit));
    return page.items.map(ReceivedBroadcastView.of);
  }

  @Endpoint('GET', ':id', {
    summary: "One broadcast routed to the caller's organisation, with its acknowledgement.",
    ok: ReceivedBroadcastView,
    notFound: 'No such broadcast was routed to your organisation.',
  })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<ReceivedBroadcastView> {
    return ReceivedBroadcastView.of(await this.broadcasts.receivedOne(organisationOf(caller), id));
  }
}
