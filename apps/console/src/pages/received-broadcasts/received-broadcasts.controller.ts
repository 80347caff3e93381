import { Controller, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { NotificationClient } from '../../clients/notification.client';
import { renderPage } from '../../render';
import { Viewer, type SignedIn } from '../../session/viewer';
import { pageId } from '../not-found';
import { PageGet } from '../page-routes';
import { LIST_PAGE, sendListPage } from '../paging';
import { pageFrame } from '../viewer-of';
import { receivedItem } from './received-broadcasts.model';
import { ReceivedBroadcastPage, ReceivedBroadcastsPage } from './received-broadcasts.view';

/**
 * "Messages reçus": the vigilance messages addressed to the person's organisation, and their
 * acknowledgement. What was addressed to whom is notification's answer; its 404 is this page's.
 */
@Controller('diffusions-recues')
export class ReceivedBroadcastsController {
  constructor(private readonly notification: NotificationClient) {}

  /** The most recent messages, then older ones a page at a time (`avant`: notification's cursor). */
  @PageGet()
  list(@Viewer() viewer: SignedIn, @Query('avant') before: unknown, @Res() response: Response): Promise<void> {
    return sendListPage(response, {
      path: '/diffusions-recues',
      before,
      read: (cursor) => this.notification.receivedBroadcasts(viewer.bearer, { cursor, limit: LIST_PAGE }),
      item: receivedItem,
      view: (page) => ReceivedBroadcastsPage({ ...pageFrame(viewer), ...page }),
    });
  }

  @PageGet(':id')
  async show(
    @Param('id', pageId) id: string,
    @Viewer() viewer: SignedIn,
    @Query('acquitte') acknowledged?: string,
  ): Promise<string> {
    const item = receivedItem(await this.notification.receivedBroadcast(viewer.bearer, id));
    return renderPage(
      ReceivedBroadcastPage({
        ...pageFrame(viewer),
        item,
        justAcknowledged: acknowledged === '1' && item.acknowledged !== null,
      }),
    );
  }

  /** Idempotent in notification: a second click (or a resent form) keeps the first acknowledgement. */
  @Post(':id/acquitter')
  async acknowledge(
    @Param('id', pageId) id: string,
    @Viewer() viewer: SignedIn,
    @Res() response: Response,
  ): Promise<void> {
    await this.notification.acknowledgeBroadcast(viewer.bearer, id);
    response.redirect(303, `/diffusions-recues/${id}?acquitte=1`);
  }
}
