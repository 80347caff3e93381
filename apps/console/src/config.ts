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
  /**
   * State sign-in (OpenID Connect, e.g. ProConnect; ADR 37): the provider's issuer URL and this
   * console's client there. The button shows only when the three are set.
   */
  @IsOptional() @Matches(HTTP_URL) OIDC_ISSUER_URL?: string;
  @IsOptional() @IsString() @IsNotEmpty() OIDC_CLIENT_ID?: string;
  @IsOptional() @IsString() @IsNotEmpty() OIDC_CLIENT_SECRET?: string;
  /** Where the provider sends the browser back, as registered there (default: <public URL>/connexion/etat/retour). */
  @IsOptional() @Matches(HTTP_URL) OIDC_REDIRECT_URI?: string;
  /** Scopes asked for; the e-mail address is what maps the identity to a person account. */
  @IsString() @Matches(/(^| )openid( |$)/) OIDC_SCOPES = 'openid email';
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
  /** Null: State sign-in is off (no button, its routes answer 404). */
  stateSignIn: StateSignInSettings | null;
}

export interface StateSignInSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: string;
  /** Plain http to the provider: only for a provider on this machine (tests, a local try-out). */
  plainHttp: boolean;
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
    stateSignIn: stateSignInOf(values, publicUrl),
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function stateSignInOf(values: ConsoleEnv, publicUrl: string): StateSignInSettings | null {
  const { OIDC_ISSUER_URL: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = values;
  if (!issuer && !clientId && !clientSecret) return null;
  if (!issuer || !clientId || !clientSecret) {
    throw new Error('invalid configuration:\n  OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together');
  }
  const plainHttp = new URL(issuer).protocol === 'http:';
  if (plainHttp && !LOOPBACK.has(new URL(issuer).hostname)) {
    throw new Error('invalid configuration:\n  OIDC_ISSUER_URL must be https (plain http only on loopback)');
  }
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri: values.OIDC_REDIRECT_URI ?? `${publicUrl}/connexion/etat/retour`,
    scopes: values.OIDC_SCOPES,
    plainHttp,
  };
}

export const CONSOLE_CONFIG = Symbol('CONSOLE_CONFIG');
