import { SmtpSink, issueKey, prefectureOf, request, waitFor, waitUntilAccepted, type Partner } from '@vigie/testing';
import { e2eEnv } from '../e2e.env';
import { intrusion, postAlert } from '../notification-fixtures';
import { consoleSuite, expectAccessible, screenshot, serverBeforeSuite } from './browser';
import { securityFirm } from './organisations';

const PORT_OFFSET = 420;
const ANNECY = '74010';
const REFERENT = 'astreinte@haute-savoie.gouv.fr';

// What the console shows before anyone signs in, in Chromium, in the Haute-Savoie.
describe('console: pages before sign-in, in a real browser', () => {
  let firm: Partner;
  const consolePort = e2eEnv.basePort + PORT_OFFSET + 9;

  // Started before the suite's stack, whose notification e-mails it.
  const smtp = serverBeforeSuite(
    () => SmtpSink.start(),
    (sink) => sink.close(),
  );

  const suite = consoleSuite('console-public', PORT_OFFSET, {
    consolePort,
    stack: {
      // Read when the stack starts, once the SMTP sink runs. E-mailed acknowledgement links point to the console.
      get env() {
        return { SMTP_URL: smtp.current.url, PUBLIC_BASE_URL: `http://127.0.0.1:${consolePort}` };
      },
    },
    async setUp({ registry, stack, adminKey }) {
      firm = await securityFirm(registry, 'Gardiennage des Aravis', ['74']);
      const prefecture = await prefectureOf(registry, '74');
      const referent = await request('POST', `${registry.registryUrl}/v1/organizations/${prefecture.id}/referents`, {
        key: adminKey,
        body: {
          department: '74',
          role: 'PRIMARY',
          fullName: 'Astreinte Haute-Savoie',
          email: REFERENT,
          phone: '+33 4 50 33 60 00',
        },
      });
      expect(referent.status).toBe(201);
      // Issued after the referent: once notification knows the key, it knows the referent.
      await waitUntilAccepted(stack.url('notification'), await issueKey(registry, prefecture.id));
      await waitUntilAccepted(stack.url('alert-ingestion'), firm.key);
    },
  });
  const { url, newPage } = suite;

  it('sends a visitor to sign in, with strict headers, in French, accessible', async () => {
    const { page, watch } = await newPage();
    const response = await page.goto(url('/alertes?gravite=Severe'));
    expect(page.url()).toBe(url('/connexion?suite=%2Falertes%3Fgravite%3DSevere'));
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toMatch(/unsafe-(inline|eval)/);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    const cookie = await response!.headerValue('set-cookie');
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.textContent('h1')).toBe('Se connecter à Vigie');
    expect(await page.inputValue('input[name=suite]')).toBe('/alertes?gravite=Severe');
    await expectAccessible(page);
    await screenshot(page, 'connexion');

    // Our bundle, htmx and its SSE extension, and the DSFR all come from the console itself.
    for (const asset of [
      '/ressources/console.js',
      '/ressources/htmx.min.js',
      '/ressources/sse.js',
      '/ressources/dsfr/dsfr.min.css',
    ]) {
      expect((await page.request.get(url(asset))).status()).toBe(200);
    }
    expect(watch.problems).toEqual([]);
  }, 60_000);

  it('refuses a sign-in form posted without this session’s CSRF token', async () => {
    const { page } = await newPage();
    await page.goto(url('/connexion'));
    const refused = await page.request.post(url('/connexion'), {
      form: { email: 'quelqu.un@example.fr', password: 'un-mot-de-passe-long' },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain('Ce formulaire a expiré ou ne provient pas de cette session.');
    const foreign = await fetch(url('/deconnexion'), { method: 'POST', redirect: 'manual' });
    expect(foreign.status).toBe(403);
  }, 30_000);

  it('opens an e-mailed acknowledgement link as a page of the console that shows the alert and acknowledges it', async () => {
    const { page, watch } = await newPage();
    const headline = 'Intrusion, entrepôt des Glaisins';
    const alertId = await postAlert(suite.stack, firm.key, intrusion(ANNECY, 'Severe', headline));
    const mail = await waitFor(
      () => smtp.current.to(REFERENT).find((received) => received.subject.includes(headline)),
      {
        what: 'the referent to be e-mailed',
        timeoutMs: 30_000,
      },
    );
    const emailed = /https?:\/\/\S+\/v1\/acknowledgements\/[\w.-]+/.exec(mail.text)![0];
    expect(emailed.startsWith(url(''))).toBe(true);

    await page.goto(emailed);
    expect(await page.textContent('main')).toContain(headline);
    expect(await page.textContent('main')).toContain('Gravité : Grave');
    await expectAccessible(page);
    await screenshot(page, 'lien-acquittement');
    // Opening it acknowledged nothing (mail scanners open links).
    const before = await request<unknown[]>(
      'GET',
      `${suite.stack.url('notification')}/v1/alerts/${alertId}/acknowledgements`,
      { key: firm.key },
    );
    expect(before.body).toEqual([]);

    await Promise.all([page.waitForLoadState('load'), page.click('main form button[type=submit]')]);
    await page.waitForSelector('main .fr-alert--success');
    expect(await page.textContent('main')).toContain('Alerte prise en compte');
    await expectAccessible(page);
    const after = await request<unknown[]>(
      'GET',
      `${suite.stack.url('notification')}/v1/alerts/${alertId}/acknowledgements`,
      { key: firm.key },
    );
    expect(after.body).toMatchObject([{ channel: 'email', referentName: 'Astreinte Haute-Savoie' }]);

    // Opened again: it says so, and offers no second button.
    await page.goto(emailed);
    expect(await page.textContent('main')).toContain('Alerte prise en compte');
    expect(await page.locator('main form').count()).toBe(0);
    expect(watch.problems).toEqual([]);
  }, 90_000);

  it('says in words that a link is invalid or expired, and offers to sign in', async () => {
    const { page, watch } = await newPage();
    for (const path of ['/acquittement/lien-invalide', '/v1/acknowledgements/eyJhIjoiMSJ9.faux']) {
      const response = await page.goto(url(path));
      expect(response!.status()).toBe(404);
      expect(response!.headers()['content-type']).toContain('text/html');
      expect(await page.textContent('main')).toContain('Ce lien n’est pas valide ou a expiré.');
      expect(await page.getAttribute('main a.fr-btn', 'href')).toBe('/connexion');
      await expectAccessible(page);
    }
    const invitation = await page.goto(url('/invitation/pas-une-invitation'));
    expect(invitation!.status()).toBe(404);
    expect(await page.textContent('main')).toContain('Ce lien d’invitation n’est pas valide.');
    await expectAccessible(page);
    const missing = await page.goto(url('/page-qui-n-existe-pas'));
    expect(missing!.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Page introuvable');
    await expectAccessible(page);
    expect(watch.problems).toEqual([]);
  }, 60_000);
});
