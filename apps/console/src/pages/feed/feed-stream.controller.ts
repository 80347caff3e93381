import { Controller, Get, Logger, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Alert } from '../../clients/ingestion.client';
import { NotificationClient } from '../../clients/notification.client';
import { renderFragment } from '../../render';
import type { SignedIn } from '../../session/viewer';
import { relayStream, sseMessage, StreamRequest, type StreamEvent } from '../stream-relay';
import { feedRow } from './feed.model';
import { FeedRowView } from './feed.view';

/**
 * The live feed: the notification stream of the person's organisation, relayed as rendered rows
 * (htmx's SSE extension swaps them in).
 */
@Controller('alertes/flux')
export class FeedStreamController {
  private readonly logger = new Logger('feed-stream');

  constructor(private readonly notification: NotificationClient) {}

  @Get()
  relay(@StreamRequest() stream: StreamRequest, @Res() response: Response): Promise<void> {
    return relayStream(this.notification, { ...stream, response, logger: this.logger }, (event) =>
      this.translate(event, stream.viewer),
    );
  }

  private translate(event: StreamEvent, viewer: SignedIn): string {
    if (event.event === 'alert.routed') {
      const data = JSON.parse(event.data) as { alert: Alert; recipient?: { rule: string; reason: string } };
      const row = feedRow(
        data.alert,
        {
          alertId: data.alert.alertId,
          rule: data.recipient?.rule ?? null,
          reason: data.recipient?.reason ?? null,
          acknowledgedAt: null,
          acknowledgedBy: null,
          escalation: null,
        },
        viewer.person.organisationId,
      );
      return sseMessage(event.id, 'alerte', renderFragment(FeedRowView({ row, fresh: true })));
    }
    // Other events only move the resume point forward.
    return sseMessage(event.id, null, '');
  }
}
