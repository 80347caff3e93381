import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { CONSOLE_CONFIG, type ConsoleConfig, type StateSignInSettings } from '../config';
import { ServiceCallError } from './service-call';

/** What the console keeps between sending the browser to the provider and its return (never sent to it). */
export interface PendingStateSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where to go once signed in (a local path). */
  returnTo: string;
}

/** What the registry checks again: the ID token and, when the e-mail address is not in it, the signed userinfo answer. */
export interface StateIdentityProof {
  idToken: string;
  userinfo?: string;
}

export type StateSignInRefusal = 'expired' | 'cancelled' | 'provider';

/** The provider's answer is not a sign-in this console asked for, or the provider refused it. */
export class StateSignInRefused extends Error {
  constructor(
    readonly reason: StateSignInRefusal,
    detail: string,
  ) {
    super(detail);
    this.name = 'StateSignInRefused';
  }
}

const sameText = (a: string, b: string | null): boolean =>
  b !== null && Buffer.byteLength(a) === Buffer.byteLength(b) && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** openid-client's reason in words: its message, the provider's `error`, and the cause's message. */
function whyRefused(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { error: providerError, cause } = error as Error & { error?: unknown; cause?: unknown };
  const parts = [error.message];
  if (typeof providerError === 'string') parts.push(`(${providerError})`);
  if (cause instanceof Error) parts.push(`— ${cause.message}`);
  return parts.join(' ');
}

/**
 * The State's identity provider (OpenID Connect: authorization code with PKCE S256, `state` and
 * `nonce`), through `openid-client`, which checks the ID token's signature, issuer, audience,
 * dates and nonce. openid-client 6 ships ES modules only; the console is CommonJS and Node 24
 * `require`s them, so it is imported like any module (Jest transpiles it, see jest.config.js).
 */
@Injectable()
export class StateIdentityClient {
  private configuration?: Promise<oidc.Configuration>;

  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig) {}

  get enabled(): boolean {
    return this.config.stateSignIn !== null;
  }

  /** The provider's authorization URL for a new sign-in, and what to keep until the browser returns. */
  async start(returnTo: string): Promise<{ url: string; pending: PendingStateSignIn }> {
    const settings = this.settings();
    const configuration = await this.discover(settings);
    const pending: PendingStateSignIn = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      returnTo,
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUri,
      scope: settings.scopes,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    // The page's CSP lets the sign-in form lead to the issuer's origin only.
    if (url.origin !== new URL(settings.issuer).origin) {
      throw new Error(`the authorization endpoint ${url.origin} is not on the issuer's origin`);
    }
    return { url: url.href, pending };
  }

  /**
   * The ID token of the sign-in the browser came back from, once the code is exchanged with the
   * PKCE verifier and the token checked (and the provider's signed userinfo answer when the
   * e-mail address is not in the ID token, as with ProConnect). `query` is the callback's query
   * string.
   */
  async finish(query: URLSearchParams, pending: PendingStateSignIn): Promise<StateIdentityProof> {
    // Checked here first so that a forged or stale `state` is told apart from a provider's refusal.
    if (!sameText(pending.state, query.get('state'))) {
      throw new StateSignInRefused('expired', 'the state does not match this browser’s sign-in');
    }
    if (query.has('error')) throw new StateSignInRefused('cancelled', `the provider answered ${query.get('error')}`);
    const settings = this.settings();
    const configuration = await this.discover(settings);
    // The redirect URI as registered, whatever Host header the request came with.
    const callback = new URL(settings.redirectUri);
    callback.search = query.toString();
    let tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new StateSignInRefused('provider', whyRefused(error));
    }
    if (!tokens.id_token) throw new StateSignInRefused('provider', 'no ID token');
    if (typeof tokens.claims()?.email === 'string') return { idToken: tokens.id_token };
    return { idToken: tokens.id_token, userinfo: await this.signedUserinfo(configuration, tokens.access_token) };
  }

  /** The userinfo answer as the provider signed it (a JWT the registry verifies), never an unsigned one. */
  private async signedUserinfo(configuration: oidc.Configuration, accessToken: string): Promise<string> {
    const endpoint = configuration.serverMetadata().userinfo_endpoint;
    if (!endpoint)
      throw new StateSignInRefused('provider', 'no e-mail address in the ID token and no userinfo endpoint');
    let answer: globalThis.Response;
    try {
      answer = await oidc.fetchProtectedResource(
        configuration,
        accessToken,
        new URL(endpoint),
        'GET',
        undefined,
        new Headers({ accept: 'application/jwt' }),
      );
    } catch (error) {
      throw new StateSignInRefused('provider', whyRefused(error));
    }
    const body = (await answer.text()).trim();
    if (!answer.ok || !answer.headers.get('content-type')?.startsWith('application/jwt')) {
      throw new StateSignInRefused('provider', `the userinfo answer is not a signed JWT (HTTP ${answer.status})`);
    }
    return body;
  }

  private settings(): StateSignInSettings {
    if (!this.config.stateSignIn) throw new Error('State sign-in is not configured');
    return this.config.stateSignIn;
  }

  /** The provider's metadata, fetched once (again after a failure, which is a 503 page meanwhile). */
  private discover(settings: StateSignInSettings): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        oidc.ClientSecretPost(settings.clientSecret),
        settings.plainHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw new ServiceCallError('state-identity', 503, { detail: String(error) });
      });
    return this.configuration;
  }
}
