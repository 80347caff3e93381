import { createParamDecorator, type ExecutionContext, type Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { NotificationClient } from '../clients/notification.client';
import type { ConsoleRequest, SignedIn } from '../session/viewer';

const EVENT_ID = /^\d{1,18}$/;

/** A browser asking for a page's stream: who is signed in, and where it resumes (Last-Event-ID). */
export interface StreamRequest {
  viewer: SignedIn;
  lastEventId: string | undefined;
  request: Request;
}

export const StreamRequest = createParamDecorator((_: unknown, context: ExecutionContext): StreamRequest => {
  const request = context.switchToHttp().getRequest<ConsoleRequest>();
  return { viewer: request.signedIn!, lastEventId: request.header('last-event-id'), request };
});

/** One parsed Server-Sent Event. */
export interface StreamEvent {
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
 * Relays the notification stream of the person's organisation to the browser, each event
 * turned into an SSE message by `translate` (an event a page does not show still moves its
 * resume point forward: `sseMessage(id, null, '')`; it may read a service first). Event ids are the stream's, so a browser
 * reconnecting with Last-Event-ID resumes exactly where it stopped. When the upstream stream
 * ends (access token expired, service restart) the browser reconnects and a fresh token is used.
 */
export async function relayStream(
  notification: NotificationClient,
  exchange: StreamRequest & { response: Response; logger: Logger },
  translate: (event: StreamEvent) => string | Promise<string>,
): Promise<void> {
  const { viewer, lastEventId, request, response, logger } = exchange;
  const abort = new AbortController();
  request.on('close', () => abort.abort());
  const resumeFrom = lastEventId && EVENT_ID.test(lastEventId.trim()) ? lastEventId.trim() : undefined;
  const upstream = await notification.stream(viewer.bearer, resumeFrom, abort.signal);
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
      // One event at a time, in the stream's order, even when translating one reads a service.
      for (const event of parsed.events)
        response.write(event === 'keep-alive' ? ': keep-alive\n\n' : await translate(event));
    }
  } catch (error) {
    if (!abort.signal.aborted) logger.warn(`stream relay ended: ${(error as Error).message}`);
  } finally {
    response.end();
  }
}
