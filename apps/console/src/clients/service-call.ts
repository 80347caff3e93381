import { Inject, Injectable } from '@nestjs/common';
import { currentScope } from '@vigie/observability';
import { CONSOLE_CONFIG, type ConsoleConfig, type ServiceUrls } from '../config';

/** What a service answered when it was not a success; pages map it to words. */
export class ServiceCallError extends Error {
  constructor(
    readonly service: string,
    readonly status: number,
    readonly body: { error?: string; detail?: string; details?: { field: string; problems: string[] }[] } | null,
  ) {
    super(`${service} answered HTTP ${status}${body?.detail ? `: ${body.detail}` : ''}`);
    this.name = 'ServiceCallError';
  }
}

export interface CallOptions {
  /** A person access token (or a session token for the registry's session routes). */
  bearer?: string;
  body?: unknown;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string>;
}

/** One page of a list whose body is an array, and the cursor of the next page (null on the last). */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** The cursor of the next page, from a list's `Link` header (RFC 8288, rel="next"); null without one. */
export function nextCursorOf(headers: Headers): string | null {
  const link = headers.get('link');
  const next = link ? /<([^>]*)>\s*;\s*rel="?next"?/.exec(link) : null;
  if (!next) return null;
  return new URL(next[1], 'http://service.invalid').searchParams.get('cursor');
}

/** Bounded wait for any service call: a page never hangs on a stuck service. */
const TIMEOUT_MS = 10_000;

/** One service's JSON API, called server-side. Only the clients of this folder use it. */
export class ServiceHttp {
  constructor(
    private readonly service: string,
    private readonly baseUrl: string,
  ) {}

  async call<T>(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined && value !== '') url.searchParams.set(name, value);
    }
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
    // The page's request id goes on to the service: one id finds the click in every log.
    const requestId = currentScope()?.requestId;
    if (requestId) headers['x-request-id'] = requestId;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    const body: unknown =
      text.length > 0 && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null;
    if (!response.ok) throw new ServiceCallError(this.service, response.status, body as ServiceCallError['body']);
    return { status: response.status, body: body as T, headers: response.headers };
  }

  /** An open event stream (the caller reads and closes it). */
  async stream(path: string, bearer: string, lastEventId: string | undefined, signal: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { accept: 'text/event-stream', authorization: `Bearer ${bearer}` };
    if (lastEventId) headers['last-event-id'] = lastEventId;
    const response = await fetch(`${this.baseUrl}${path}`, { headers, signal });
    if (!response.ok || !response.body) throw new ServiceCallError(this.service, response.status, null);
    return response;
  }
}

/**
 * The base of one service's client: `http`, that service's JSON API at the address the console's
 * configuration gives it (`services[address]`), named `service` in errors.
 */
export function ServiceClient(service: string, address: keyof ServiceUrls) {
  @Injectable()
  abstract class Client {
    protected readonly http: ServiceHttp;

    constructor(@Inject(CONSOLE_CONFIG) config: ConsoleConfig) {
      this.http = new ServiceHttp(service, config.services[address]);
    }
  }
  return Client;
}
