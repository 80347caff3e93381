import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { AttemptResult } from '../../deliveries/delivery.outcome';
import { resolveWebhookTarget, WebhookTargetError, type HostResolver } from '../../webhooks/webhook-target.policy';
import { signWebhook, type SigningSecret } from './webhook.signer';

export interface WebhookRequest {
  /** Sent as `webhook-id`: the same on every attempt of one delivery. */
  deliveryId: string;
  url: string;
  /** The endpoint's valid secrets, newest first: each signs (two during a rotation's overlap). */
  secrets: readonly (string | SigningSecret)[];
  /** The exact bytes to post and sign. */
  body: string;
}

export interface SendOptions {
  timeoutMs: number;
  allowPrivateTargets: boolean;
  /** Aborts the attempt when the service stops; it then reports `interrupted`. */
  shutdown?: AbortSignal;
  /** Injected by tests; the system resolver otherwise. */
  resolve?: HostResolver;
}

export type SendResult = AttemptResult | { kind: 'interrupted' };

/** A response body longer than this is not worth reading: the connection is dropped instead. */
const MAX_RESPONSE_BYTES = 64 * 1024;

// Connections are kept open between deliveries to the same origin: a partner receiving a burst
// pays for one TCP (and TLS) handshake, not one per alert. No limit per origin, as with one
// connection per attempt: a slow origin holds only its own sockets. Every socket an origin's
// burst opened stays open for its next burst (never more than the requests once in flight: the
// instance's limit bounds them), not only Node's default 256: beyond those, a fan-out to an
// origin hosting many endpoints closed and reopened a connection for every other delivery. A
// socket left idle for a minute is closed.
const keepAlive = { keepAlive: true, scheduling: 'lifo', maxFreeSockets: 10_000, timeout: 60_000 } as const;
const agents = { 'http:': new HttpAgent(keepAlive), 'https:': new HttpsAgent(keepAlive) };

/** Connects to the address the policy checked, never to whatever the name resolves to next. */
export function pinnedLookup(address: string): LookupFunction {
  const family = isIP(address);
  return (_hostname, options, callback) => {
    if (options.all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

function post(url: URL, options: RequestOptions, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, options, (response: IncomingMessage) => {
      // The body is not used; it is discarded so the connection can serve the next delivery.
      let length = 0;
      response.on('data', (chunk: Buffer) => {
        length += chunk.length;
        if (length > MAX_RESPONSE_BYTES) response.destroy();
      });
      response.on('error', () => undefined);
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end(body);
  });
}

function describeFailure(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message.length > 0 ? message : String(error);
}

/**
 * One attempt: re-checks the target (a name may now resolve to a private address) and connects
 * to the address it checked (resolved once), signs, and POSTs with a deadline. Redirects are not followed: the
 * response is reported as it is. The response body is never used.
 */
export async function sendWebhook(request: WebhookRequest, options: SendOptions): Promise<SendResult> {
  // One controller, a timer and a listener: AbortSignal.timeout and AbortSignal.any cost more per request.
  const attempt = new AbortController();
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    attempt.abort();
  }, options.timeoutMs);
  const stop = (): void => attempt.abort();
  if (options.shutdown?.aborted) stop();
  else options.shutdown?.addEventListener('abort', stop, { once: true });
  const signal = attempt.signal;
  try {
    const target = await resolveWebhookTarget(request.url, {
      allowPrivateTargets: options.allowPrivateTargets,
      resolveTimeoutMs: options.timeoutMs,
      resolve: options.resolve,
    });
    const status = await post(
      target.url,
      {
        method: 'POST',
        agent: agents[target.url.protocol as keyof typeof agents],
        // The name stays in the URL, so Host, TLS SNI and the certificate check are the name's;
        // only the connection goes to the address the check approved, without resolving again.
        lookup: pinnedLookup(target.addresses[0]),
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(request.body),
          'user-agent': 'Vigie-Webhooks/1',
          ...signWebhook({ id: request.deliveryId, secrets: request.secrets, body: request.body }),
        },
        signal,
      },
      request.body,
    );
    return { kind: 'response', status };
  } catch (error) {
    if (options.shutdown?.aborted) return { kind: 'interrupted' };
    if (timedOut) return { kind: 'error', message: `no response within ${options.timeoutMs} ms` };
    if (error instanceof WebhookTargetError && error.details) {
      return { kind: 'error', message: `${error.message} ${JSON.stringify(error.details)}` };
    }
    return { kind: 'error', message: describeFailure(error) };
  } finally {
    clearTimeout(deadline);
    options.shutdown?.removeEventListener('abort', stop);
  }
}
