import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SignJWT, importJWK, type JWTPayload } from 'jose';
import { prefectureOf, registerActivePartner, repoRoot, request } from '@vigie/testing';
import { personWithPassword } from './console/accounts';
import { e2eEnv } from './e2e.env';
import { PRIVATE_SECURITY } from './notification-fixtures';
import { TestIdentityProvider } from './state-identity/test-provider';
import { useTestStack } from './test-stack';

const PORT_OFFSET = 840;
const CLIENT_ID = 'vigie-console';

// POST /v1/sessions/federated: the registry checks the provider's ID token itself (ADR 37).
describe('State sign-in at the registry: ID tokens checked against the provider’s keys', () => {
  const world = useTestStack('state-sign-in', PORT_OFFSET, async () => {
    provider = await TestIdentityProvider.start({
      port: e2eEnv.basePort + PORT_OFFSET + 125,
      logFile: join(repoRoot(), '.vigie', 'test-logs', 'state-sign-in', 'provider.log'),
      clients: [{ client_id: CLIENT_ID, client_secret: 'unused', redirect_uris: ['http://127.0.0.1/retour'] }],
      accounts: {},
    });
    return {
      services: ['partner-registry'],
      serviceEnv: { 'partner-registry': { OIDC_ISSUER_URL: provider.issuer, OIDC_CLIENT_ID: CLIENT_ID } },
    };
  });
  let provider: TestIdentityProvider;
  const agent = `agent.${randomUUID().slice(0, 8)}@rhone.gouv.fr`;
  const guard = `garde.${randomUUID().slice(0, 8)}@gardiennage-rhone.fr`;

  /** An ID token as the provider would sign it (the test holds its key), with changes. */
  async function idToken(
    claims: JWTPayload = {},
    options: { key?: JsonWebKey & { kid: string }; issuedAt?: number; alg?: string; otherNonce?: boolean } = {},
  ): Promise<{ idToken: string; nonce: string }> {
    const nonce = randomBytes(16).toString('base64url');
    const key = options.key ?? provider.signingKey;
    const issuedAt = options.issuedAt ?? Math.floor(Date.now() / 1000);
    const token = await new SignJWT({
      iss: provider.issuer,
      aud: CLIENT_ID,
      sub: 'agent-rhone',
      iat: issuedAt,
      exp: issuedAt + 3600,
      nonce,
      email: agent,
      email_verified: true,
      ...claims,
    })
      .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: key.kid })
      .sign(await importJWK(key, options.alg ?? 'RS256'));
    return { idToken: token, nonce: options.otherNonce ? randomBytes(16).toString('base64url') : nonce };
  }

  const federated = (body: { idToken: string; nonce: string; userinfo?: string }) =>
    request('POST', `${world.registry.registryUrl}/v1/sessions/federated`, { body });

  beforeAll(async () => {
    const rhone = await prefectureOf(world.registry, '69');
    await personWithPassword(world.registry, rhone.id, {
      email: agent,
      fullName: 'Sacha Lefebvre',
      roles: ['DUTY_OFFICER'],
      password: 'mot-de-passe-de-secours',
    });
    const firm = await registerActivePartner(
      world.registry,
      { kind: 'SECURITY_FIRM', name: `Gardiennage ${randomUUID().slice(0, 6)}`, departments: ['69'] },
      { conventions: [PRIVATE_SECURITY] },
    );
    await personWithPassword(world.registry, firm.id, {
      email: guard,
      fullName: 'Léa Bernard',
      roles: ['DUTY_OFFICER'],
      password: 'ronde-de-nuit-rhone',
    });
  }, 180_000);

  afterAll(async () => {
    await provider?.stop();
  }, 60_000);

  it('opens a session for a State agent, once per ID token', async () => {
    const proof = await idToken({ email: agent.toUpperCase() });
    const opened = await federated(proof);
    expect(opened.status).toBe(201);
    expect(opened.body.person).toMatchObject({ email: agent, organisationKind: 'PREFECTURE' });
    const refreshed = await request('POST', `${world.registry.registryUrl}/v1/sessions/refresh`, {
      key: opened.body.sessionToken,
    });
    expect(refreshed.status).toBe(200);

    const replayed = await federated(proof);
    expect(replayed.status).toBe(401);
    expect(replayed.body.detail).toContain('already opened a session');
  });

  it.each([
    ['another audience', { aud: 'autre-service' }],
    ['another issuer', { iss: 'https://faux-fournisseur.example' }],
    ['an unverified e-mail address', { email_verified: false }],
    ['no e-mail address', { email: undefined }],
  ])('refuses an ID token with %s', async (_why, claims) => {
    expect((await federated(await idToken(claims as JWTPayload))).status).toBe(401);
  });

  it('refuses an ID token from another sign-in (its nonce is not the one sent)', async () => {
    expect((await federated(await idToken({}, { otherNonce: true }))).status).toBe(401);
    // An otherwise identical token with the nonce that is sent opens a session: the refusal is the nonce's.
    expect((await federated(await idToken({}))).status).toBe(201);
  });

  it('refuses an ID token signed with another key, or with a shared secret', async () => {
    const stranger = {
      ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
      kid: provider.signingKey.kid,
    };
    expect((await federated(await idToken({}, { key: stranger }))).status).toBe(401);
    const secret = { kty: 'oct', k: randomBytes(32).toString('base64url'), kid: provider.signingKey.kid };
    expect((await federated(await idToken({}, { key: secret, alg: 'HS256' }))).status).toBe(401);
  });

  it('refuses an expired ID token, and one issued too long ago', async () => {
    const hourAgo = Math.floor(Date.now() / 1000) - 3700;
    expect((await federated(await idToken({}, { issuedAt: hourAgo }))).status).toBe(401);
    const twentyMinutesAgo = Math.floor(Date.now() / 1000) - 1200;
    expect((await federated(await idToken({}, { issuedAt: twentyMinutesAgo }))).status).toBe(401);
  });

  /** A userinfo answer as the provider would sign it. */
  async function signedUserinfo(
    claims: JWTPayload,
    key: JsonWebKey & { kid: string } = provider.signingKey,
  ): Promise<string> {
    return new SignJWT({ iss: provider.issuer, aud: CLIENT_ID, sub: 'agent-rhone', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .sign(await importJWK(key, 'RS256'));
  }

  it('reads the e-mail address from a signed userinfo answer about the same subject (as ProConnect sends it)', async () => {
    const verified = { email: agent, email_verified: true };
    const bare = () => idToken({ email: undefined, email_verified: undefined });
    expect((await federated(await bare())).status).toBe(401);
    const otherSubject = await signedUserinfo({ ...verified, sub: 'someone-else' });
    expect((await federated({ ...(await bare()), userinfo: otherSubject })).status).toBe(401);
    const stranger = {
      ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
      kid: provider.signingKey.kid,
    };
    const forged = await signedUserinfo(verified, stranger);
    expect((await federated({ ...(await bare()), userinfo: forged })).status).toBe(401);
    const opened = await federated({ ...(await bare()), userinfo: await signedUserinfo(verified) });
    expect(opened.status).toBe(201);
    expect(opened.body.person.email).toBe(agent);
  });

  it('creates no account for an unknown e-mail address', async () => {
    const unknown = await federated(await idToken({ email: `inconnu.${randomUUID()}@interieur.gouv.fr` }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('no_account');
  });

  it('keeps State sign-in for State organisations', async () => {
    const partner = await federated(await idToken({ email: guard }));
    expect(partner.status).toBe(403);
    expect(partner.body.error).toBe('not_state_organisation');
  });

  it('validates the request', async () => {
    expect((await federated({ idToken: 'pas-un-jeton', nonce: 'x'.repeat(20) })).status).toBe(400);
  });
});
