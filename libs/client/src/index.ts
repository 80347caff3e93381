import { createHmac, timingSafeEqual } from 'node:crypto';
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths, webhooks } from './schema';

export type { components, paths, webhooks };
/** Every error answer of every service (RFC 9457 problem details). */
export type Problem = components['schemas']['Problem'];
/** What a webhook (or the live stream, without `deliveryId`) receives for a routed alert. */
export type AlertRoutedMessage = components['schemas']['AlertRoutedMessage'];

/**
 * A typed client of one Vigie service, from docs/openapi.json: paths, parameters, bodies and
 * answers are checked by the compiler. Every path exists on the service its `servers` name.
 */
export function vigieClient(baseUrl: string, apiKey: string): Client<paths> {
  return createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${apiKey}` } });
}

/**
 * Checks a webhook delivery: `Vigie-Signature` is `v1=` and the hex HMAC-SHA256 of
 * `<Vigie-Timestamp>.<raw body>` with the webhook's secret, and the timestamp is within
 * `toleranceSeconds` of now. Give it the raw body, before any JSON parsing.
 */
export function verifyWebhook(
  secret: string,
  rawBody: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  toleranceSeconds = 300,
): boolean {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature || Math.abs(Date.now() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  const given = Buffer.from(signature.replace(/^v1=/, ''), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
