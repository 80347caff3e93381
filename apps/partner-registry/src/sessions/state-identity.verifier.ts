import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { DomainError, UnauthenticatedError } from '@vigie/platform';
import { REGISTRY_CONFIG, type RegistryConfig, type StateSignInSettings } from '../config';
import { IdentityRefused, identityOf, type StateIdentity } from './state-identity';

/** Asymmetric algorithms only: a client secret must never be able to sign an ID token we accept. */
const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];
/** An ID token older than this opens no session (the console exchanges it within seconds). */
const MAX_TOKEN_AGE = '10m';
const DISCOVERY_TIMEOUT_MS = 10_000;

/**
 * Verifies, in the registry itself, the ID token the console received from the State's identity
 * provider: signature against the provider's published keys (its discovery document's
 * `jwks_uri`), issuer, audience (the console's client id), dates, nonce and e-mail. The console
 * only relays the token, so a compromised console cannot open a session for an e-mail address
 * nobody signed in with (ADR 37).
 */
@Injectable()
export class StateIdentityVerifier {
  private keys?: Promise<JWTVerifyGetKey>;

  constructor(@Inject(REGISTRY_CONFIG) private readonly config: RegistryConfig) {}

  async verify(idToken: string, nonce: string, userinfo?: string): Promise<StateIdentity> {
    const settings = this.config.stateSignIn;
    if (!settings) throw new DomainError('not_configured', 'State sign-in is not configured', HttpStatus.NOT_FOUND);
    const keys = await this.providerKeys(settings);
    let claims: Record<string, unknown>;
    let userinfoClaims: Record<string, unknown> | undefined;
    try {
      ({ payload: claims } = await jwtVerify(idToken, keys, {
        issuer: settings.issuer,
        audience: settings.clientId,
        algorithms: ALGORITHMS,
        maxTokenAge: MAX_TOKEN_AGE,
        clockTolerance: 30,
        requiredClaims: ['sub', 'iat', 'exp', 'nonce'],
      }));
      // A signed userinfo answer: the same keys, issuer and audience (OpenID Connect Core 5.3.2).
      if (userinfo) {
        ({ payload: userinfoClaims } = await jwtVerify(userinfo, keys, {
          issuer: settings.issuer,
          audience: settings.clientId,
          algorithms: ALGORITHMS,
          clockTolerance: 30,
          requiredClaims: ['sub'],
        }));
      }
    } catch {
      throw new UnauthenticatedError(
        'the ID token or the userinfo answer is not valid for this console (signature, issuer, audience or dates)',
      );
    }
    try {
      return identityOf(
        idToken,
        claims,
        { nonce, clientId: settings.clientId, requireEmailVerified: settings.requireEmailVerified },
        userinfoClaims,
      );
    } catch (error) {
      if (error instanceof IdentityRefused) throw new UnauthenticatedError(error.message);
      throw error;
    }
  }

  /** The provider's key set, found once through its discovery document (again after a failure). */
  private providerKeys(settings: StateSignInSettings): Promise<JWTVerifyGetKey> {
    this.keys ??= this.discover(settings).catch((error: unknown) => {
      this.keys = undefined;
      throw error;
    });
    return this.keys;
  }

  private async discover(settings: StateSignInSettings): Promise<JWTVerifyGetKey> {
    const unavailable = (why: string): DomainError =>
      new DomainError(
        'identity_provider_unavailable',
        `the State identity provider ${why}`,
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    const url = `${settings.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) }).catch(() => null);
    if (!response?.ok) throw unavailable('does not answer its discovery document');
    const metadata = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (metadata.issuer !== settings.issuer) throw unavailable(`announces another issuer (${String(metadata.issuer)})`);
    if (typeof metadata.jwks_uri !== 'string') throw unavailable('publishes no jwks_uri');
    return createRemoteJWKSet(new URL(metadata.jwks_uri), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
  }
}
