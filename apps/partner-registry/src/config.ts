import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Min } from 'class-validator';
import { CommonEnv, loadEnv, portField, serviceConfig, type ServiceConfig } from '@vigie/platform';
import { readConventionDeployments, type ConventionDeployments } from './conventions/conventions.deployments';

class RegistryEnv extends CommonEnv {
  @portField() HTTP_PORT: number = 3001;
  /** The platform administrator's key (vgk_<uuid>_<secret>); `npm run --silent admin-key` makes one. */
  @IsString()
  @Matches(/^vgk_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/, { message: 'REGISTRY_ADMIN_API_KEY must be a vgk_ key' })
  REGISTRY_ADMIN_API_KEY: string;
  /** JSON file `{ "<convention code>": ["69", …] }`: where each convention is deployed (default: everywhere). */
  @IsOptional() @IsString() REGISTRY_CONVENTIONS_FILE?: string;
  /** Ed25519 private key (PKCS#8 PEM) signing person access tokens; generated per process when absent (development). */
  @IsOptional() @IsString() @Matches(/-----BEGIN PRIVATE KEY-----/) PERSON_TOKEN_SIGNING_KEY?: string;
  /** A session ends after this long without use… */
  @IsInt() @Min(1) SESSION_IDLE_SECONDS: number = 30 * 60;
  /** …and this long after sign-in in any case (a night shift). */
  @IsInt() @Min(1) SESSION_ABSOLUTE_SECONDS: number = 12 * 3600;
  /** Consecutive wrong passwords that lock an account, and for how long. */
  @IsInt() @Min(1) LOGIN_LOCKOUT_ATTEMPTS: number = 5;
  @IsInt() @Min(1) LOGIN_LOCKOUT_SECONDS: number = 15 * 60;
  /**
   * State sign-in (OpenID Connect, ADR 37): the provider whose ID tokens open sessions, and the
   * console's client id there (the tokens' audience). Both or neither.
   */
  @IsOptional() @Matches(/^https?:\/\/\S+$/) OIDC_ISSUER_URL?: string;
  @IsOptional() @IsString() @IsNotEmpty() OIDC_CLIENT_ID?: string;
  /** `false` for a federation that vouches for its e-mail addresses without sending `email_verified`. */
  @IsIn(['true', 'false']) OIDC_REQUIRE_EMAIL_VERIFIED = 'true';
}

export interface RegistryConfig extends ServiceConfig {
  adminApiKey: string;
  conventionDeployments?: ConventionDeployments;
  personTokenSigningKey?: string;
  sessions: { idleSeconds: number; absoluteSeconds: number };
  lockout: { attempts: number; lockSeconds: number };
  /** Absent: State sign-in is off and `POST /v1/sessions/federated` answers 404. */
  stateSignIn?: StateSignInSettings;
}

export interface StateSignInSettings {
  issuer: string;
  clientId: string;
  requireEmailVerified: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RegistryConfig {
  const values = loadEnv(RegistryEnv, env);
  return {
    ...serviceConfig(values, { name: 'partner-registry', schema: 'registry' }),
    adminApiKey: values.REGISTRY_ADMIN_API_KEY,
    conventionDeployments: values.REGISTRY_CONVENTIONS_FILE
      ? readConventionDeployments(values.REGISTRY_CONVENTIONS_FILE)
      : undefined,
    personTokenSigningKey: values.PERSON_TOKEN_SIGNING_KEY,
    sessions: { idleSeconds: values.SESSION_IDLE_SECONDS, absoluteSeconds: values.SESSION_ABSOLUTE_SECONDS },
    lockout: { attempts: values.LOGIN_LOCKOUT_ATTEMPTS, lockSeconds: values.LOGIN_LOCKOUT_SECONDS },
    stateSignIn: stateSignInOf(values),
  };
}

function stateSignInOf(values: RegistryEnv): StateSignInSettings | undefined {
  if (!values.OIDC_ISSUER_URL && !values.OIDC_CLIENT_ID) return undefined;
  if (!values.OIDC_ISSUER_URL || !values.OIDC_CLIENT_ID) {
    throw new Error('invalid configuration:\n  OIDC_ISSUER_URL and OIDC_CLIENT_ID go together (State sign-in)');
  }
  return {
    issuer: values.OIDC_ISSUER_URL,
    clientId: values.OIDC_CLIENT_ID,
    requireEmailVerified: values.OIDC_REQUIRE_EMAIL_VERIFIED === 'true',
  };
}

export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');
