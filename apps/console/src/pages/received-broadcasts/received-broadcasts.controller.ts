import { Controller, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { NotificationClient } from '../../clients/notification.client';
import { renderPage, sendHtml } from '../../render';
import { Viewer, type SignedIn } from '../../session/viewer';
import { pageId } from '../not-found';
import { PageGet } from '../page-routes';
import { LIST_PAGE, NO_PAGES, readPage } from '../paging';
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
  async list(@Viewer() viewer: SignedIn, @Query('avant') before: unknown, @Res() response: Response): Promise<void> {
    const frame = pageFrame(viewer);
    const page = await readPage('/diffusions-recues', before, (cursor) =>
      this.notification.receivedBroadcasts(viewer.bearer, { cursor, limit: LIST_PAGE }),
    );
    if (!page) {
      sendHtml(
        response,
        400,
        renderPage(ReceivedBroadcastsPage({ ...frame, items: [], pages: NO_PAGES, invalidPage: true })),
      );
      return;
    }
    const items = page.items.map(receivedItem);
    response
      .type('html')
      .send(renderPage(ReceivedBroadcastsPage({ ...frame, items, pages: page.pages, invalidPage: false })));
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
