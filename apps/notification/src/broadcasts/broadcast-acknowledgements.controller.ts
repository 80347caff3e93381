import { Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentCaller, Endpoint, ServiceController, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { AcknowledgeOnceRoute, answerOnce } from '../acknowledgements/acknowledge-once.route';
import { organisationOf } from '../caller-organisation';
import { BroadcastAcknowledgementsService } from './broadcast-acknowledgements.service';
import { BroadcastAcknowledgementView } from './dto/broadcast-acknowledgement.view';
import { BroadcastAcknowledgementsQuery } from './dto/broadcast-acknowledgements.query';

/** Their sender, their recipients and administrators. */
const READERS = [ApiKeyRole.Subscriber, ApiKeyRole.Publisher, ApiKeyRole.Operator];

@ServiceController(undefined, 'broadcasts')
export class BroadcastAcknowledgementsController {
  constructor(private readonly broadcasts: BroadcastAcknowledgementsService) {}

  @AcknowledgeOnceRoute(
    'v1/broadcasts/:id/acknowledgements',
    "Acknowledge a broadcast routed to the caller's organisation (it was read): 201 the first time (broadcast.acknowledged.v1 is published and the sender's stream gets broadcast.acknowledged), 200 with the same body afterwards.",
    BroadcastAcknowledgementView,
    'No such broadcast was routed to your organisation.',
  )
  async acknowledge(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BroadcastAcknowledgementView> {
    const { acknowledgement, created } = await this.broadcasts.acknowledge(id, organisationOf(caller), {
      apiKeyId: caller.keyId,
      person: caller.person ? { id: caller.person.id, name: caller.person.name } : null,
    });
    answerOnce(response, created);
    return BroadcastAcknowledgementView.of(acknowledgement);
  }

  @Endpoint('GET', 'v1/broadcasts/:id/acknowledgements', {
    roles: READERS,
    summary:
      'Who acknowledged a broadcast, oldest first: every recipient for its sender and administrators, its own acknowledgement for a recipient.',
    ok: [BroadcastAcknowledgementView],
    notFound: 'No such broadcast, or not yours to see.',
  })
  async list(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<BroadcastAcknowledgementView[]> {
    return (await this.broadcasts.of(id, caller)).map(BroadcastAcknowledgementView.of);
  }

  @Endpoint('GET', 'v1/broadcast-acknowledgements', {
    roles: READERS,
    summary:
      'The acknowledgements of a page of broadcasts, in one call, with the same scoping as GET /v1/broadcasts/{id}/acknowledgements; broadcasts the caller may not see contribute nothing.',
    ok: [BroadcastAcknowledgementView],
    badRequest: 'ids missing, more than 100, or not UUIDs.',
  })
  async many(
    @Query() query: BroadcastAcknowledgementsQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<BroadcastAcknowledgementView[]> {
    return (await this.broadcasts.ofMany(query.ids, caller)).map(BroadcastAcknowledgementView.of);
  }
}
