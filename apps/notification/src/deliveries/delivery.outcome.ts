import { backoffDelay } from '@vigie/messaging';

/** What happened when a delivery was attempted. */
export type AttemptResult =
  | { kind: 'response'; status: number }
  | { kind: 'error'; message: string }
  /** Refused for good (e.g. a mail server's 5xx for the address): retrying cannot help. */
  | { kind: 'rejected'; message: string };

/** What a channel reports: an attempt's result, or none made (the service stops; the target cannot be sent to). */
export type ChannelResult = AttemptResult | { kind: 'interrupted' } | { kind: 'unsendable'; reason: string };

export type DeliveryOutcome =
  | { status: 'sent' }
  | { status: 'failed'; retryInMs: number; error: string }
  | { status: 'dead'; error: string; disableWebhook: boolean };

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Retries start after about a second (configurable) and double each time, up to 15 minutes apart. */
export const WEBHOOK_RETRY = { baseDelayMs: 1000, maxDelayMs: 15 * 60_000 };

const MAX_ERROR_LENGTH = 500;

export function truncateError(message: string): string {
  return message.length <= MAX_ERROR_LENGTH ? message : `${message.slice(0, MAX_ERROR_LENGTH - 1)}…`;
}

function describe(result: AttemptResult): string {
  if (result.kind !== 'response') return result.message;
  if (result.status >= 300 && result.status < 400) return `HTTP ${result.status} (redirects are not followed)`;
  return `HTTP ${result.status}`;
}

/**
 * The one decision after an attempt: 2xx is delivered; 410 Gone means the endpoint is retired,
 * so the delivery dies and the webhook is disabled; anything else (other statuses, redirects,
 * network errors, timeouts) is retried with backoff until `maxAttempts` attempts were made.
 * `attempts` counts the attempt just made.
 */
export function decideOutcome(
  result: AttemptResult,
  attempts: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): DeliveryOutcome {
  if (result.kind === 'response' && result.status >= 200 && result.status < 300) return { status: 'sent' };
  const error = truncateError(describe(result));
  if (result.kind === 'rejected') return { status: 'dead', error, disableWebhook: false };
  if (result.kind === 'response' && result.status === 410) {
    return { status: 'dead', error: `${error}: the endpoint is gone, webhook disabled`, disableWebhook: true };
  }
  if (attempts >= policy.maxAttempts) {
    return {
      status: 'dead',
      error: truncateError(`${error} (gave up after ${attempts} attempts)`),
      disableWebhook: false,
    };
  }
  return { status: 'failed', retryInMs: backoffDelay(attempts, policy, random), error };
}
