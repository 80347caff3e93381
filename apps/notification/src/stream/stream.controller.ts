import { Get, Headers, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { CurrentCaller, ServiceController, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { InvalidRequestError } from '@vigie/platform';
import { organisationOf } from '../caller-organisation';
import { StreamHub } from './stream.hub';
import { StreamLog } from './stream.log';

const EVENT_ID = /^\d{1,18}$/;

@ServiceController('v1/stream', 'stream', [ApiKeyRole.Subscriber])
export class StreamController {
  constructor(
    private readonly hub: StreamHub,
    private readonly log: StreamLog,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @ApiOperation({
    summary: "Server-Sent Events: what is routed to the caller's organisation, live.",
    description:
      'Events: alert.routed, alert.escalated, broadcast.routed; each `data` is the JSON a webhook would receive (without deliveryId). ' +
      'To the sender of an alert only, alert.acknowledged: `data` is an Acknowledgement (who acknowledged, when) plus originalAlertId, without the alert. ' +
      'To the sender of a broadcast only, broadcast.acknowledged: `data` is a BroadcastAcknowledgement (which recipient, the person, when). ' +
      'Each event has an `id`, increasing per organisation: reconnect with `Last-Event-ID` to receive every event after it, once. ' +
      'Without it the stream starts with the next event. A comment line is sent every 15 s; the stream ends if the key is revoked.',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The id of the last event received' })
  @ApiOkResponse({ description: 'An event stream (text/event-stream).' })
  async stream(
    @CurrentCaller() caller: Caller,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const organisationId = organisationOf(caller);
    if (lastEventId !== undefined && !EVENT_ID.test(lastEventId.trim())) {
      throw new InvalidRequestError([{ field: 'Last-Event-ID', problems: ['must be the id of a received event'] }]);
    }
    const cursor = lastEventId?.trim() ?? (await this.log.head(this.dataSource.manager, organisationId));
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write('retry: 2000\n\n');
    const unsubscribe = this.hub.subscribe({
      organisationId,
      keyId: caller.keyId,
      validUntil: caller.person?.expiresAt,
      cursor,
      out: response,
    });
    request.on('close', unsubscribe);
  }
}
