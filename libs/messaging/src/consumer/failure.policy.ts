/** A message that can never be handled as it is: bad JSON, bad envelope, invalid payload. */
export class PoisonMessageError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'PoisonMessageError';
  }
}

export type FailureDecision = { action: 'retry'; delayMs: number } | { action: 'dead-letter'; reason: string };

export interface RetrySettings {
  /** Attempts for errors that are neither poison nor transient, before dead-lettering. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

// PostgreSQL SQLSTATE classes and codes that say "try again later", not "this message is bad".
const TRANSIENT_SQLSTATE_PREFIXES = ['08', '53', '57P'];
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03']);
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'EAI_AGAIN']);
const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection.*closed/i,
];

/** True when the failure comes from infrastructure that may recover (database, broker, network). */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const withCodes = error as Error & { code?: unknown; retriable?: unknown; driverError?: { code?: unknown } };
  if (withCodes.retriable === true) return true;
  const raw = withCodes.driverError?.code ?? withCodes.code;
  const code = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
  if (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_NODE_CODES.has(code)) return true;
  if (code.length === 5 && TRANSIENT_SQLSTATE_PREFIXES.some((prefix) => code.startsWith(prefix))) return true;
  return TRANSIENT_MESSAGES.some((pattern) => pattern.test(error.message));
}

/** Exponential backoff with full jitter, capped. `attempt` starts at 1. */
export function backoffDelay(
  attempt: number,
  settings: Pick<RetrySettings, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Poison goes to the dead-letter topic at once. Transient failures are retried without limit:
 * the service cannot do anything useful until the infrastructure returns, and dead-lettering
 * would lose order. Anything else is retried a few times, then dead-lettered with its reason.
 */
export function decideFailure(error: unknown, attempt: number, settings: RetrySettings): FailureDecision {
  if (error instanceof PoisonMessageError) {
    return { action: 'dead-letter', reason: [error.message, ...error.details].join('; ') };
  }
  if (isTransient(error) || attempt < settings.maxAttempts) {
    return { action: 'retry', delayMs: backoffDelay(attempt, settings) };
  }
  const description = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { action: 'dead-letter', reason: `failed after ${attempt} attempts: ${description}` };
}
