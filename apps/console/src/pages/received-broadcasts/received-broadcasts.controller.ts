import { Controller, Get, Header, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { NotificationClient } from '../../clients/notification.client';
import { ServiceCallError } from '../../clients/service-call';
import { renderPage } from '../../render';
import { Viewer, type SignedIn } from '../../session/viewer';
import { viewerOf } from '../viewer-of';
import { receivedItem } from './received-broadcasts.model';
import { ReceivedBroadcastPage, ReceivedBroadcastsPage } from './received-broadcasts.view';

/** An invalid id, or a broadcast not addressed to the person's organisation, is a page that does not exist. */
const broadcastId = new ParseUUIDPipe({ exceptionFactory: () => new ServiceCallError('console', 404, null) });

/**
 * "Messages reçus": the vigilance messages addressed to the person's organisation, and their
 * acknowledgement. What was addressed to whom is notification's answer; its 404 is this page's.
 */
@Controller('diffusions-recues')
export class ReceivedBroadcastsController {
  constructor(private readonly notification: NotificationClient) {}

  @Get()
  @Header('cache-control', 'no-store')
  async list(@Viewer() viewer: SignedIn): Promise<string> {
    const items = (await this.notification.receivedBroadcasts(viewer.bearer)).map(receivedItem);
    return renderPage(ReceivedBroadcastsPage({ viewer: viewerOf(viewer), csrfToken: viewer.csrfToken, items }));
  }

  @Get(':id')
  @Header('cache-control', 'no-store')
  async show(
    @Param('id', broadcastId) id: string,
    @Viewer() viewer: SignedIn,
    @Query('acquitte') acknowledged?: string,
  ): Promise<string> {
    const item = receivedItem(await this.notification.receivedBroadcast(viewer.bearer, id));
    return renderPage(
      ReceivedBroadcastPage({
        viewer: viewerOf(viewer),
        csrfToken: viewer.csrfToken,
        item,
        justAcknowledged: acknowledged === '1' && item.acknowledged !== null,
      }),
    );
  }

  /** Idempotent in notification: a second click (or a resent form) keeps the first acknowledgement. */
  @Post(':id/acquitter')
  async acknowledge(
    @Param('id', broadcastId) id: string,
    @Viewer() viewer: SignedIn,
    @Res() response: Response,
  ): Promise<void> {
    await this.notification.acknowledgeBroadcast(viewer.bearer, id);
    response.redirect(303, `/diffusions-recues/${id}?acquitte=1`);
  }
}
