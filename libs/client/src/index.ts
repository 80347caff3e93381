import createClient, { type Client } from 'openapi-fetch';
import { Webhook } from 'standardwebhooks';
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
 * Checks a webhook delivery per Standard Webhooks (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature` with the endpoint's `whsec_` secret, a timestamp within five minutes)
 * through the `standardwebhooks` library, and returns the typed payload. Throws when it does not
 * verify. Give it the raw body, before any JSON parsing, and the request's headers.
 */
export function verifyWebhook(
  secret: string,
  rawBody: string,
  headers: Record<string, string | string[] | undefined>,
): AlertRoutedMessage {
  const flat = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name.toLowerCase(),
      Array.isArray(value) ? value.join(',') : (value ?? ''),
    ]),
  );
  return new Webhook(secret).verify(rawBody, flat) as AlertRoutedMessage;
}
