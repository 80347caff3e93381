import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CommonEnv, loadEnv, personalDataConfig, portField, type PersonalDataConfig } from '@vigie/platform';

class NotificationEnv extends CommonEnv {
  @portField() HTTP_PORT: number = 3004;
  /** AES-256 key (64 hex characters) sealing the webhook signing secrets at rest; `openssl rand -hex 32`. */
  @IsString()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'WEBHOOK_SECRETS_KEY must be 64 hexadecimal characters' })
  WEBHOOK_SECRETS_KEY: string;
  /** `true` lets webhooks target loopback and private networks, over plain http: local runs and tests only. */
  @IsIn(['true', 'false'], { message: 'WEBHOOK_ALLOW_PRIVATE_TARGETS must be true or false' })
  WEBHOOK_ALLOW_PRIVATE_TARGETS = 'false';
  @IsInt() @Min(100) @Max(60000) WEBHOOK_TIMEOUT_MS: number = 5000;
  @IsInt() @Min(1) @Max(30) WEBHOOK_MAX_ATTEMPTS: number = 8;
  /** An endpoint whose attempts failed this many times in a row (0: never)… */
  @IsInt() @Min(0) @Max(100_000) WEBHOOK_DISABLE_AFTER_FAILURES: number = 20;
  /** …for at least this long is disabled, and its organisation told by e-mail. */
  @IsInt() @Min(0) @Max(90 * 86400) WEBHOOK_DISABLE_AFTER_SECONDS: number = 86400;
  /** First retry delay; each further one doubles (with jitter), up to 15 minutes. */
  @IsInt() @Min(10) @Max(600_000) DELIVERY_RETRY_BASE_MS: number = 1000;
  /** Requests in flight to one webhook (or e-mail address) at once, per instance; 1 sends strictly one after another. */
  @IsInt() @Min(1) @Max(64) DELIVERY_CONCURRENCY_PER_TARGET: number = 4;
  /** Requests in flight at once in this instance, all targets together. */
  @IsInt() @Min(1) @Max(10_000) DELIVERY_MAX_IN_FLIGHT: number = 1000;
  /** `smtp://user:pass@host:port` or `smtps://…`; e-mail is off when unset. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;
  @IsString() @MaxLength(320) MAIL_FROM = 'Vigie <no-reply@vigie.invalid>';
  /** Where e-mailed acknowledgement links point: this service as its readers reach it. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL?: string;
  /** How long an e-mailed acknowledgement link stays valid. */
  @IsInt() @Min(60) @Max(30 * 86400) ACK_LINK_TTL_SECONDS: number = 7 * 86400;
  /** Extreme and Severe alerts not acknowledged by the competent prefecture within this delay escalate. */
  @IsInt() @Min(1) @Max(7 * 86400) ESCALATION_DEADLINE_SECONDS: number = 900;
  @IsInt() @Min(100) @Max(60_000) ESCALATION_POLL_INTERVAL_MS: number = 1000;
  /** How long the stream keeps events for Last-Event-ID replay. */
  @IsInt() @Min(60) @Max(90 * 86400) STREAM_REPLAY_SECONDS: number = 7 * 86400;
  @IsInt() @Min(1000) @Max(300_000) STREAM_HEARTBEAT_MS: number = 15_000;
  /** How long delivered copies of alerts flagged as holding personal data keep it. */
  @IsInt() @Min(1) @Max(10 * 365 * 86400) PERSONAL_DATA_RETENTION_SECONDS: number = 90 * 86400;
}

/** How every delivery, by webhook or e-mail, is attempted and retried. */
export interface DeliverySettings {
  /** Per attempt (a webhook request, an SMTP exchange). */
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  /** Requests in flight to one target at once (per instance). */
  perTarget: number;
  /** Requests in flight at once in the instance. */
  maxInFlight: number;
}

export interface WebhookSettings {
  /** Hex-encoded AES-256 key. */
  secretsKey: string;
  allowPrivateTargets: boolean;
  /** Automatic disabling of an endpoint that keeps failing: both must be reached; 0 failures turns it off. */
  disableAfter: { failures: number; seconds: number };
}

export interface EmailSettings {
  /** Null: e-mail is off. */
  smtpUrl: string | null;
  from: string;
  publicBaseUrl: string;
  ackLinkTtlSeconds: number;
}

export interface NotificationConfig extends PersonalDataConfig {
  delivery: DeliverySettings;
  webhooks: WebhookSettings;
  email: EmailSettings;
  escalation: { deadlineSeconds: number; pollIntervalMs: number };
  stream: { replaySeconds: number; heartbeatMs: number };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): NotificationConfig {
  const values = loadEnv(NotificationEnv, env);
  return {
    ...personalDataConfig(values, { name: 'notification', schema: 'notification' }),
    // The variables keep their historical names: WEBHOOK_TIMEOUT_MS and WEBHOOK_MAX_ATTEMPTS govern e-mail too.
    delivery: {
      timeoutMs: values.WEBHOOK_TIMEOUT_MS,
      maxAttempts: values.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: values.DELIVERY_RETRY_BASE_MS,
      perTarget: values.DELIVERY_CONCURRENCY_PER_TARGET,
      maxInFlight: values.DELIVERY_MAX_IN_FLIGHT,
    },
    webhooks: {
      secretsKey: values.WEBHOOK_SECRETS_KEY.toLowerCase(),
      allowPrivateTargets: values.WEBHOOK_ALLOW_PRIVATE_TARGETS === 'true',
      disableAfter: {
        failures: values.WEBHOOK_DISABLE_AFTER_FAILURES,
        seconds: values.WEBHOOK_DISABLE_AFTER_SECONDS,
      },
    },
    email: {
      smtpUrl: values.SMTP_URL ?? null,
      from: values.MAIL_FROM,
      publicBaseUrl: (values.PUBLIC_BASE_URL ?? `http://${values.HTTP_HOST}:${values.HTTP_PORT}`).replace(/\/+$/, ''),
      ackLinkTtlSeconds: values.ACK_LINK_TTL_SECONDS,
    },
    escalation: {
      deadlineSeconds: values.ESCALATION_DEADLINE_SECONDS,
      pollIntervalMs: values.ESCALATION_POLL_INTERVAL_MS,
    },
    stream: { replaySeconds: values.STREAM_REPLAY_SECONDS, heartbeatMs: values.STREAM_HEARTBEAT_MS },
  };
}

export const NOTIFICATION_CONFIG = Symbol('NOTIFICATION_CONFIG');
