import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Response } from 'playwright-core';
import { prefectureOf, repoRoot, request, waitFor } from '@vigie/testing';
import { e2eEnv } from '../e2e.env';
import { TestIdentityProvider } from '../state-identity/test-provider';
import { personWithPassword } from './accounts';
import { consoleSuite, expectAccessible, screenshot, serverBeforeSuite, tabTo, type PageProblems } from './browser';
import { securityFirm } from './organisations';

const PORT_OFFSET = 840;
const CALLBACK_PATH = '/connexion/etat/retour';
const CONSOLE_CLIENT = { client_id: 'vigie-console', client_secret: randomBytes(24).toString('base64url') };
/** Another service of the same federation: its codes and ID tokens are not for Vigie. */
const OTHER_CLIENT = { client_id: 'autre-service', client_secret: randomBytes(24).toString('base64url') };
/** Both ask for signed userinfo answers, where the provider puts the e-mail address (as ProConnect does). */
const SIGNED_USERINFO = { userinfo_signed_response_alg: 'RS256' };
const AGENT = { login: 'agent-rhone', email: 'sacha.lefebvre@rhone.gouv.fr', fullName: 'Sacha Lefebvre' };
const STRANGER = { login: 'agent-inconnu', email: 'dominique.roux@interieur.gouv.fr' };
const GUARD = { login: 'gardien', email: 'lea.bernard@gardiennage-saone.fr', fullName: 'Léa Bernard' };

/** The sign-in page's button « Se connecter avec l’identité de l’État ». */
const STATE_SIGN_IN = 'form[action="/connexion/etat"] button[type=submit]';

const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

// Sign-in with the State's agent identity, against a real OpenID provider (oidc-provider) on loopback.
describe('console: State sign-in (OpenID Connect) in a real browser', () => {
  /** What a page tried to load from outside this machine (refused): must stay empty. */
  const outside: string[] = [];
  const consolePort = e2eEnv.basePort + PORT_OFFSET + 9;
  const callbackUrl = `http://127.0.0.1:${consolePort}${CALLBACK_PATH}`;
  const consoleLog = join(repoRoot(), '.vigie', 'test-logs', 'console-state-sign-in', 'console.log');
  const identity = () => ({ OIDC_ISSUER_URL: provider.current.issuer, OIDC_CLIENT_ID: CONSOLE_CLIENT.client_id });

  // The provider runs before the suite's stack and console, which are given its address.
  const provider = serverBeforeSuite(
    () =>
      TestIdentityProvider.start({
        port: e2eEnv.basePort + PORT_OFFSET + 120,
        logFile: join(repoRoot(), '.vigie', 'test-logs', 'console-state-sign-in', 'provider.log'),
        clients: [
          { ...CONSOLE_CLIENT, ...SIGNED_USERINFO, redirect_uris: [callbackUrl] },
          { ...OTHER_CLIENT, ...SIGNED_USERINFO, redirect_uris: [callbackUrl] },
        ],
        accounts: {
          [AGENT.login]: { email: AGENT.email, email_verified: true },
          [STRANGER.login]: { email: STRANGER.email, email_verified: true },
          [GUARD.login]: { email: GUARD.email, email_verified: true },
        },
      }),
    (started) => started.stop(),
  );

  const suite = consoleSuite('console-state-sign-in', PORT_OFFSET, {
    consolePort,
    stack: {
      // Read when the stack starts, once the provider runs.
      get serviceEnv() {
        return { 'partner-registry': identity() };
      },
    },
    consoleEnv: () => ({ ...identity(), OIDC_CLIENT_SECRET: CONSOLE_CLIENT.client_secret }),
    async setUp({ registry }) {
      const rhone = await prefectureOf(registry, '69');
      await personWithPassword(registry, rhone.id, {
        email: AGENT.email,
        fullName: AGENT.fullName,
        roles: ['DUTY_OFFICER'],
        password: 'mot-de-passe-de-secours-69',
      });
      const firm = await securityFirm(registry, 'Gardiennage de la Saône', ['69']);
      await personWithPassword(registry, firm.id, {
        email: GUARD.email,
        fullName: GUARD.fullName,
        roles: ['DUTY_OFFICER'],
        password: 'ronde-de-nuit-saone-69',
      });
    },
  });
  const { url } = suite;

  /** A page whose requests outside this machine are refused and recorded. */
  async function newPage(): Promise<{ page: Page; watch: PageProblems }> {
    const opened = await suite.newPage();
    await opened.context.route(
      (target) => !['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname),
      async (route) => {
        outside.push(route.request().url());
        await route.abort();
      },
    );
    return opened;
  }

  /** The provider's development login and consent pages (any password), by keyboard. */
  async function throughProvider(page: Page, login: string): Promise<void> {
    await page.waitForSelector('input[name=login]');
    await page.focus('input[name=login]');
    await page.keyboard.type(login);
    await page.keyboard.press('Tab');
    await page.keyboard.type('un mot de passe quelconque');
    await page.keyboard.press('Enter');
    await page.waitForSelector('input[name=prompt][value=consent]', { state: 'attached' });
    await page.focus('button[type=submit]');
    await page.keyboard.press('Enter');
  }

  /** Through the provider and back: the console's answer to the return. */
  async function returnFromProvider(page: Page, login: string): Promise<Response> {
    const [answer] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === CALLBACK_PATH),
      throughProvider(page, login),
    ]);
    await page.waitForLoadState();
    return answer;
  }

  /** A fresh page that started a State sign-in and came back from the provider as `login`: the console's answer. */
  async function stateSignInAs(login: string): Promise<{ page: Page; answer: Response }> {
    const { page } = await newPage();
    await startStateSignIn(page);
    return { page, answer: await returnFromProvider(page, login) };
  }

  /** The reasons the console logged for the State sign-ins it refused, oldest first. */
  const refusals = (): string[] =>
    readFileSync(consoleLog, 'utf8')
      .split('\n')
      .filter((line) => line.includes('State sign-in refused'));

  /** The console logged one more refusal since `mark` (a count of refusals), for the reason meant. */
  async function expectRefusalSince(mark: number, ...words: string[]): Promise<void> {
    const logged = await waitFor(() => refusals().slice(mark)[0], { what: 'the refusal in the console log' });
    for (const word of words) expect(logged).toContain(word);
  }

  /** Records the browser's returns to the console from the provider. */
  function returnsOf(page: Page): string[] {
    const seen: string[] = [];
    page.on('request', (sent) => {
      if (new URL(sent.url()).pathname === CALLBACK_PATH) seen.push(sent.url());
    });
    return seen;
  }

  /** Starts a State sign-in from the sign-in page: the browser goes on to the provider's login page. */
  async function startStateSignIn(page: Page): Promise<void> {
    await page.goto(url('/connexion'));
    await page.click(STATE_SIGN_IN);
  }

  /**
   * Starts a State sign-in in `page`: the authorization URL the console sends the browser to (the
   * browser goes on to the provider's login page).
   */
  async function authorizationUrlOf(page: Page): Promise<URL> {
    await page.goto(url('/connexion'));
    const [started] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === '/connexion/etat'),
      page.click(STATE_SIGN_IN),
    ]);
    expect(started.status()).toBe(303);
    return new URL((await started.headerValue('location'))!);
  }

  /**
   * Another browser goes through the provider's pages for an authorization URL: the return the
   * provider sent it (a genuine code and state). The console refuses it there, before any use of
   * the code: that browser does not hold the cookie of the sign-in.
   */
  async function returnElsewhere(authorization: URL, login: string): Promise<URL> {
    const { page: elsewhere } = await newPage();
    await elsewhere.goto(authorization.href);
    const answer = await returnFromProvider(elsewhere, login);
    expect(answer.status()).toBe(400);
    expect(await elsewhere.textContent('main')).toContain('n’a pas pu être vérifiée');
    return new URL(answer.url());
  }

  afterEach(() => {
    expect(outside.splice(0)).toEqual([]);
  });

  it('signs a State agent in by keyboard alone, through the provider, onto the feed', async () => {
    const { page } = await newPage();
    // The console's pages log no error (a CSP violation is one); the provider's test pages are not ours.
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      const where = message.location().url;
      if (message.type() === 'error' && !where.startsWith(provider.current.issuer)) {
        consoleErrors.push(`${where}: ${message.text()}`);
      }
    });
    await page.goto(url('/connexion'));
    expect(await page.textContent('form[action="/connexion/etat"] button')).toContain(
      'Se connecter avec l’identité de l’État',
    );
    await expectAccessible(page);
    await screenshot(page, 'connexion-etat');

    await tabTo(page, STATE_SIGN_IN);
    const [started] = await Promise.all([
      page.waitForResponse((answer) => new URL(answer.url()).pathname === '/connexion/etat'),
      page.keyboard.press('Enter'),
    ]);
    expect(started.status()).toBe(303);
    const flowCookie = await started.headerValue('set-cookie');
    expect(flowCookie).toMatch(/^vigie-etat=[\w-]{43};/);
    expect(flowCookie).toMatch(/HttpOnly/);
    expect(flowCookie).toMatch(/SameSite=Lax/);

    await throughProvider(page, AGENT.login);
    await page.waitForURL(url('/alertes'));
    expect(await page.textContent('header')).toContain(AGENT.fullName);
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it('asks the provider for a code with PKCE (S256), a state and a nonce', async () => {
    const { page } = await newPage();
    const authorization = await authorizationUrlOf(page);
    const query = authorization.searchParams;
    expect(query.get('client_id')).toBe(CONSOLE_CLIENT.client_id);
    expect(query.get('response_type')).toBe('code');
    expect(query.get('redirect_uri')).toBe(callbackUrl);
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(query.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(query.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(query.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['openid', 'email']));
  }, 60_000);

  it('binds a return to the browser that started the sign-in', async () => {
    const { page } = await newPage();
    const genuine = await returnElsewhere(await authorizationUrlOf(page), AGENT.login);
    // The same return in the browser that started the sign-in is accepted.
    await page.goto(genuine.href);
    await page.waitForURL(url('/alertes'));
    expect(await page.textContent('header')).toContain(AGENT.fullName);
  }, 60_000);

  it('refuses a return with a forged state, and then the genuine one too (one return per sign-in)', async () => {
    const { page } = await newPage();
    const genuine = await returnElsewhere(await authorizationUrlOf(page), AGENT.login);

    const forged = new URL(genuine);
    forged.searchParams.set('state', randomBytes(32).toString('base64url'));
    const mark = refusals().length;
    const refused = await page.goto(forged.href);
    expect(refused!.status()).toBe(400);
    await expectRefusalSince(mark, '(expired)', 'the state does not match');
    expect(await page.textContent('h1')).toBe('Connexion refusée');
    expect(await page.textContent('main')).toContain('n’a pas pu être vérifiée');
    await expectAccessible(page);

    const again = await page.goto(genuine.href);
    expect(again!.status()).toBe(400);
    expect(await page.textContent('main')).toContain('n’a pas pu être vérifiée');
    expect((await page.goto(url('/alertes')))!.url()).toContain('/connexion');
  }, 60_000);

  it('refuses a replayed code, in the same browser and in another one', async () => {
    const { page } = await newPage();
    const returns = returnsOf(page);
    await startStateSignIn(page);
    await throughProvider(page, AGENT.login);
    await page.waitForURL(url('/alertes'));
    const used = new URL(returns[0]);

    const replayed = await page.goto(used.href);
    expect(replayed!.status()).toBe(400);
    expect(await page.textContent('main')).toContain('n’a pas pu être vérifiée');

    // Someone holding the used code starts their own sign-in, so that the state matches: the provider refuses the code.
    const { page: other } = await newPage();
    const theirs = await authorizationUrlOf(other);
    const injected = new URL(used);
    injected.searchParams.set('state', theirs.searchParams.get('state')!);
    const mark = refusals().length;
    const refused = await other.goto(injected.href);
    expect(refused!.status()).toBe(400);
    expect(await other.textContent('main')).toContain('Le fournisseur d’identité n’a pas confirmé cette connexion');
    await expectRefusalSince(mark, '(provider)', '(invalid_grant)');
    expect((await other.goto(url('/alertes')))!.url()).toContain('/connexion');
  }, 60_000);

  it('refuses a code issued to another client of the provider', async () => {
    const { page } = await newPage();
    const authorization = await authorizationUrlOf(page);
    authorization.searchParams.set('client_id', OTHER_CLIENT.client_id);
    await page.goto(authorization.href);
    const mark = refusals().length;
    expect((await returnFromProvider(page, AGENT.login)).status()).toBe(400);
    expect(await page.textContent('h1')).toBe('Connexion refusée');
    expect(await page.textContent('main')).toContain('Le fournisseur d’identité n’a pas confirmé cette connexion');
    await expectRefusalSince(mark, '(provider)', '(invalid_grant)');
    expect((await page.goto(url('/alertes')))!.url()).toContain('/connexion');
  }, 60_000);

  it('has the registry refuse an ID token issued to another client, and accept one issued to the console', async () => {
    /** An ID token, its nonce and the signed userinfo answer, as `client` gets them from the provider. */
    const proofFor = async (client: {
      client_id: string;
      client_secret: string;
    }): Promise<{ idToken: string; nonce: string; userinfo: string }> => {
      const verifier = randomBytes(32).toString('base64url');
      const nonce = randomBytes(16).toString('base64url');
      const authorization = new URL(`${provider.current.issuer}/auth`);
      for (const [name, value] of Object.entries({
        client_id: client.client_id,
        response_type: 'code',
        scope: 'openid email',
        redirect_uri: callbackUrl,
        state: randomBytes(16).toString('base64url'),
        nonce,
        code_challenge: s256(verifier),
        code_challenge_method: 'S256',
      }))
        authorization.searchParams.set(name, value);
      const code = (await returnElsewhere(authorization, AGENT.login)).searchParams.get('code')!;
      const exchanged = await fetch(`${provider.current.issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: callbackUrl,
          code_verifier: verifier,
          ...client,
        }),
      });
      expect(exchanged.status).toBe(200);
      const tokens = (await exchanged.json()) as { id_token: string; access_token: string };
      // As with ProConnect, the ID token names no e-mail address: the console's sign-ins go through the userinfo answer.
      expect(JSON.parse(Buffer.from(tokens.id_token.split('.')[1], 'base64url').toString())).not.toHaveProperty(
        'email',
      );
      const userinfo = await fetch(`${provider.current.issuer}/me`, {
        headers: { authorization: `Bearer ${tokens.access_token}`, accept: 'application/jwt' },
      });
      expect(userinfo.headers.get('content-type')).toContain('application/jwt');
      return { idToken: tokens.id_token, nonce, userinfo: await userinfo.text() };
    };

    const refused = await request('POST', `${suite.registry.registryUrl}/v1/sessions/federated`, {
      body: await proofFor(OTHER_CLIENT),
    });
    expect(refused.status).toBe(401);

    const accepted = await request('POST', `${suite.registry.registryUrl}/v1/sessions/federated`, {
      body: await proofFor(CONSOLE_CLIENT),
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.person).toMatchObject({ email: AGENT.email, organisationKind: 'PREFECTURE' });
  }, 60_000);

  it('says in French that no Vigie account has an unknown identity, and creates none', async () => {
    const { page, answer } = await stateSignInAs(STRANGER.login);
    expect(answer.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Aucun compte Vigie');
    expect(await page.textContent('main')).toContain('Aucun compte Vigie n’est associé à cette identité');
    await expectAccessible(page);
    await screenshot(page, 'connexion-etat-inconnue');
    // Keyboard: the way back to the sign-in page.
    await tabTo(page, 'main a[href="/connexion"]');
    await suite.enterTo(page, '/connexion');
    expect((await page.goto(url('/alertes')))!.url()).toContain('/connexion');
  }, 60_000);

  it('keeps State sign-in for State organisations: a security firm’s guard is sent to their password', async () => {
    const { page, answer } = await stateSignInAs(GUARD.login);
    expect(answer.status()).toBe(403);
    expect(await page.textContent('h1')).toBe('Connexion réservée aux agents de l’État');
    await expectAccessible(page);
  }, 60_000);
});
