import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { logLevelOf, type LoggingSettings, type MetricsSettings } from '@vigie/observability';
import { loadEnv, portField } from '@vigie/platform';

const HTTP_URL = /^https?:\/\/[^\s/]+(\/\S*)?$/;

class ConsoleEnv {
  @IsString() @IsNotEmpty() HTTP_HOST = '127.0.0.1';
  @portField() HTTP_PORT: number = 3005;
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent', 'log', 'verbose']) LOG_LEVEL = 'info';
  @IsIn(['json', 'pretty']) LOG_FORMAT = 'json';
  /** `/metrics` on its own address (HTTP port + 100 unless set; 0 turns it off), loopback by default. */
  @IsString() @IsNotEmpty() METRICS_HOST = '127.0.0.1';
  @IsOptional() @IsInt() @Min(0) @Max(65535) METRICS_PORT?: number;
  /** The four services, as the console reaches them server-side (never exposed to the browser). */
  @Matches(HTTP_URL) REGISTRY_URL = 'http://127.0.0.1:3001';
  @Matches(HTTP_URL) INGESTION_URL = 'http://127.0.0.1:3002';
  @Matches(HTTP_URL) ROUTING_URL = 'http://127.0.0.1:3003';
  @Matches(HTTP_URL) NOTIFICATION_URL = 'http://127.0.0.1:3004';
  /** The console as its users reach it; an https URL makes the session cookie `Secure`. */
  @IsOptional() @Matches(HTTP_URL) CONSOLE_PUBLIC_URL?: string;
  /**
   * How long a console session may live in this process's memory at most. The registry's
   * session (idle and absolute expiry) is the authority; this only bounds what is kept.
   */
  @IsInt() @Min(60) @Max(86400) CONSOLE_SESSION_MAX_SECONDS: number = 12 * 3600;
  /** Sign-in attempts per client address per minute (the registry also locks accounts). */
  @IsInt() @Min(1) @Max(10_000) CONSOLE_SIGN_IN_PER_MINUTE: number = 20;
}

export interface ServiceUrls {
  registry: string;
  ingestion: string;
  routing: string;
  notification: string;
}

export interface ConsoleConfig {
  http: { host: string; port: number };
  logging: LoggingSettings;
  metrics: MetricsSettings;
  services: ServiceUrls;
  publicUrl: string;
  secureCookie: boolean;
  sessionMaxSeconds: number;
  signInPerMinute: number;
}

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ConsoleConfig {
  const values = loadEnv(ConsoleEnv, env);
  const publicUrl = trimSlash(values.CONSOLE_PUBLIC_URL ?? `http://${values.HTTP_HOST}:${values.HTTP_PORT}`);
  return {
    http: { host: values.HTTP_HOST, port: values.HTTP_PORT },
    logging: { level: logLevelOf(values.LOG_LEVEL), format: values.LOG_FORMAT as LoggingSettings['format'] },
    metrics: { host: values.METRICS_HOST, port: values.METRICS_PORT ?? values.HTTP_PORT + 100 },
    services: {
      registry: trimSlash(values.REGISTRY_URL),
      ingestion: trimSlash(values.INGESTION_URL),
      routing: trimSlash(values.ROUTING_URL),
      notification: trimSlash(values.NOTIFICATION_URL),
    },
    publicUrl,
    secureCookie: publicUrl.startsWith('https://'),
    sessionMaxSeconds: values.CONSOLE_SESSION_MAX_SECONDS,
    signInPerMinute: values.CONSOLE_SIGN_IN_PER_MINUTE,
  };
}

export const CONSOLE_CONFIG = Symbol('CONSOLE_CONFIG');
