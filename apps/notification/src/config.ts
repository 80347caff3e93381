import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { CommonEnv, loadEnv, portField, serviceConfig, type ServiceConfig } from '@vigie/platform';

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
  /** How long delivered copies of alerts flagged as holding personal data keep it. */
  @IsInt() @Min(1) @Max(10 * 365 * 86400) PERSONAL_DATA_RETENTION_SECONDS: number = 90 * 86400;
  @IsInt() @Min(100) @Max(86400_000) RETENTION_SWEEP_INTERVAL_MS: number = 3600_000;
}

export interface WebhookSettings {
  /** Hex-encoded AES-256 key. */
  secretsKey: string;
  allowPrivateTargets: boolean;
  timeoutMs: number;
  maxAttempts: number;
}

export interface NotificationConfig extends ServiceConfig {
  webhooks: WebhookSettings;
  retention: { personalDataSeconds: number; sweepIntervalMs: number };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): NotificationConfig {
  const values = loadEnv(NotificationEnv, env);
  return {
    ...serviceConfig(values, { name: 'notification', schema: 'notification' }),
    retention: {
      personalDataSeconds: values.PERSONAL_DATA_RETENTION_SECONDS,
      sweepIntervalMs: values.RETENTION_SWEEP_INTERVAL_MS,
    },
    webhooks: {
      secretsKey: values.WEBHOOK_SECRETS_KEY.toLowerCase(),
      allowPrivateTargets: values.WEBHOOK_ALLOW_PRIVATE_TARGETS === 'true',
      timeoutMs: values.WEBHOOK_TIMEOUT_MS,
      maxAttempts: values.WEBHOOK_MAX_ATTEMPTS,
    },
  };
}

export const NOTIFICATION_CONFIG = Symbol('NOTIFICATION_CONFIG');
