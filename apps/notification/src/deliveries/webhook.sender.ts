import { checkWebhookTarget, WebhookTargetError } from '../webhooks/webhook-target.policy';
import type { AttemptResult } from './delivery.outcome';
import { signWebhook, WEBHOOK_HEADERS } from './webhook.signer';

export interface WebhookRequest {
  deliveryId: string;
  url: string;
  secret: string;
  /** The exact bytes to post and sign. */
  body: string;
}

export interface SendOptions {
  timeoutMs: number;
  allowPrivateTargets: boolean;
  /** Aborts the attempt when the service stops; it then reports `interrupted`. */
  shutdown?: AbortSignal;
}

export type SendResult = AttemptResult | { kind: 'interrupted' };

function messageOf(value: unknown): string | null {
  // Duck-typed: fetch's errors may come from another realm, where instanceof Error fails.
  const message = (value as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message.length > 0 ? message : null;
}

function describeFailure(error: unknown): string {
  // fetch reports network failures as "fetch failed" with the system error as cause.
  const cause = (error as { cause?: unknown } | null)?.cause;
  return messageOf(cause) ?? messageOf(error) ?? String(error);
}

/**
 * One attempt: re-checks the target (a name may now resolve to a private address), signs, and
 * POSTs with a deadline. Redirects are not followed: the response is reported as it is. The
 * response body is never read.
 */
export async function sendWebhook(request: WebhookRequest, options: SendOptions): Promise<SendResult> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.shutdown ? AbortSignal.any([deadline, options.shutdown]) : deadline;
  try {
    await checkWebhookTarget(request.url, {
      allowPrivateTargets: options.allowPrivateTargets,
      resolveTimeoutMs: options.timeoutMs,
    });
    const { timestamp, signature } = signWebhook(request.secret, request.body);
    const response = await fetch(request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Vigie-Webhooks/1',
        [WEBHOOK_HEADERS.deliveryId]: request.deliveryId,
        [WEBHOOK_HEADERS.idempotencyKey]: request.deliveryId,
        [WEBHOOK_HEADERS.timestamp]: timestamp,
        [WEBHOOK_HEADERS.signature]: signature,
      },
      body: request.body,
      redirect: 'manual',
      signal,
    });
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'response', status: response.status };
  } catch (error) {
    if (options.shutdown?.aborted) return { kind: 'interrupted' };
    if (deadline.aborted) return { kind: 'error', message: `no response within ${options.timeoutMs} ms` };
    if (error instanceof WebhookTargetError && error.details) {
      return { kind: 'error', message: `${error.message} ${JSON.stringify(error.details)}` };
    }
    return { kind: 'error', message: describeFailure(error) };
  }
}
