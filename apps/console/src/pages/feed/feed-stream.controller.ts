import { Controller, Get, Headers, Logger, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Alert } from '../../clients/ingestion.client';
import { NotificationClient } from '../../clients/notification.client';
import { renderFragment } from '../../render';
import { Viewer, type SignedIn } from '../../session/viewer';
import { feedRow } from './feed.model';
import { FeedRowView } from './feed.view';

const EVENT_ID = /^\d{1,18}$/;

/** One parsed Server-Sent Event. */
interface StreamEvent {
  id?: string;
  event?: string;
  data: string;
}

/** Splits an SSE text stream into events (fields id, event, data; comments kept as keep-alives). */
export function parseEvents(buffer: string): { events: (StreamEvent | 'keep-alive')[]; rest: string } {
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  const events: (StreamEvent | 'keep-alive')[] = [];
  for (const block of blocks) {
    const event: StreamEvent = { data: '' };
    let comment = false;
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':')) comment = true;
      const [field, ...value] = line.split(':');
      const text = value.join(':').replace(/^ /, '');
      if (field === 'id') event.id = text;
      else if (field === 'event') event.event = text;
      else if (field === 'data') event.data += event.data ? `\n${text}` : text;
    }
    if (event.id || event.event || event.data) events.push(event);
    else if (comment) events.push('keep-alive');
  }
  return { events, rest };
}

/** An SSE message whose data is HTML (one `data:` line per line of it). */
export function sseMessage(id: string | undefined, event: string | null, html: string): string {
  const idLine = id ? `id: ${id}\n` : '';
  if (event === null) return `${idLine}\n`;
  return `${idLine}event: ${event}\n${html
    .split('\n')
    .map((line) => `data: ${line}`)
    .join('\n')}\n\n`;
}

/**
 * The live feed: the notification stream of the person's organisation, relayed as rendered rows
 * (htmx's SSE extension swaps them in). Event ids are the stream's, so a browser reconnecting
 * with Last-Event-ID resumes exactly where it stopped. When the upstream stream ends (access
 * token expired, service restart) the browser reconnects and a fresh token is used.
 */
@Controller('alertes/flux')
export class FeedStreamController {
  private readonly logger = new Logger('feed-stream');

  constructor(private readonly notification: NotificationClient) {}

  @Get()
  async relay(
    @Viewer() viewer: SignedIn,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const abort = new AbortController();
    request.on('close', () => abort.abort());
    const resumeFrom = lastEventId && EVENT_ID.test(lastEventId.trim()) ? lastEventId.trim() : undefined;
    const upstream = await this.notification.stream(viewer.bearer, resumeFrom, abort.signal);
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    response.write('retry: 1000\n\n');
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of upstream.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        const parsed = parseEvents(buffer);
        buffer = parsed.rest;
        for (const event of parsed.events) response.write(this.translate(event, viewer));
      }
    } catch (error) {
      if (!abort.signal.aborted) this.logger.warn(`stream relay ended: ${(error as Error).message}`);
    } finally {
      response.end();
    }
  }

  private translate(event: StreamEvent | 'keep-alive', viewer: SignedIn): string {
    if (event === 'keep-alive') return ': keep-alive\n\n';
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
