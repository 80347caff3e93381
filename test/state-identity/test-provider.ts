import type { ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { repoRoot, startNodeProcess, stopChild } from '@vigie/testing';

export interface TestClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  /** Set: the userinfo answer is a JWT signed with this algorithm. */
  userinfo_signed_response_alg?: string;
}

export interface TestAccount {
  email: string;
  email_verified: boolean;
}

export interface TestProviderOptions {
  port: number;
  logFile: string;
  clients: TestClient[];
  /** By login (what is typed on the provider's login page). */
  accounts: Record<string, TestAccount>;
}

/**
 * oidc-provider on loopback (test/state-identity/provider.mjs), with its own RSA signing key,
 * clients using PKCE and `client_secret_post`, and development login and consent pages. Like
 * ProConnect, it puts the e-mail address in the userinfo answer (signed for the clients that
 * ask), not in the ID token.
 */
export class TestIdentityProvider {
  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
    /** The private signing key (JWK), for tests that sign tokens as the provider would. */
    readonly signingKey: JsonWebKey & { kid: string; alg: string },
  ) {}

  static async start(options: TestProviderOptions): Promise<TestIdentityProvider> {
    const issuer = `http://127.0.0.1:${options.port}`;
    const signingKey = {
      ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
      kid: 'test-provider-1',
      alg: 'RS256',
      use: 'sig',
    };
    const settings = {
      issuer,
      port: options.port,
      signingKey,
      cookieKey: randomBytes(32).toString('base64url'),
      clients: options.clients.map((client) => ({
        ...client,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      })),
      accounts: options.accounts,
    };
    const child = await startNodeProcess({
      args: [join(repoRoot(), 'test', 'state-identity', 'provider.mjs')],
      env: { ...process.env, VIGIE_TEST_OIDC_SETTINGS: JSON.stringify(settings) },
      logFile: options.logFile,
      name: 'the test provider',
      ready: async () => (await fetch(`${issuer}/.well-known/openid-configuration`).catch(() => null))?.ok ?? false,
      readyWhat: 'the test OpenID provider',
    });
    return new TestIdentityProvider(child, issuer, signingKey);
  }

  stop(): Promise<void> {
    return stopChild(this.child, 5_000);
  }
}
