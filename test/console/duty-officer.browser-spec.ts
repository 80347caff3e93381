import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { request, waitFor, waitUntilAccepted, type Partner, type RegistryAccess, type Stack } from '@vigie/testing';
import { intrusion, postAlert, subscriber } from '../notification-fixtures';
import { invite, personWithPassword } from './accounts';
import { acknowledgementsOf } from './acknowledgements';
import { consoleSuite, expectAccessible, screenshot, tabTo } from './browser';
import { prefectureWithKey, securityFirm } from './organisations';

const PORT_OFFSET = 400;
const LYON = '69123';
const MARSEILLE = '13055';
const OFFICER = {
  email: 'camille.durand@rhone.gouv.fr',
  fullName: 'Camille Durand',
  password: 'permanence-de-nuit-69',
};
const SECOND_OFFICER = {
  email: 'alex.martin@rhone.gouv.fr',
  fullName: 'Alex Martin',
  password: 'astreinte-du-rhone-69',
};

// A Rhône duty officer in Chromium, against the real stack; the Bouches-du-Rhône plays the other prefecture.
describe('console: a Rhône duty officer in a real browser', () => {
  let firm: Partner;
  let partner: Partner;
  let rhone: { id: string; key: string };
  let marseilleFirm: Partner;
  const suite = consoleSuite('console-browser', PORT_OFFSET, {
    setUp: ({ registry, stack }) => seed(registry, stack),
  });
  const { url, newPage, signedIn, enterTo, clickTo } = suite;

  const csrfOf = (page: Page): Promise<string | null> => page.getAttribute('input[name=_csrf]', 'value');
  /** The broadcasts of the Rhône prefecture, as routing lists them. */
  const rhoneBroadcasts = async () =>
    (
      await request<{ broadcast: { headline: string; status: string } }[]>(
        'GET',
        `${suite.stack.url('prefect-routing')}/v1/broadcasts`,
        { key: rhone.key },
      )
    ).body;

  /** The Rhône prefecture with a key and a second officer, firms of the Rhône and of Marseille. */
  async function seed(registry: RegistryAccess, stack: Stack): Promise<void> {
    firm = await securityFirm(registry, 'Lyon Gardiennage Émetteur', ['69']);
    partner = await subscriber(registry, stack, 'Surveillance des Monts du Lyonnais', '69');
    marseilleFirm = await securityFirm(registry, 'Sécurité Phocéenne', ['13']);
    rhone = await prefectureWithKey(registry, '69');
    for (const key of [firm.key, marseilleFirm.key]) await waitUntilAccepted(stack.url('alert-ingestion'), key);
    await waitUntilAccepted(stack.url('notification'), rhone.key);
    await personWithPassword(registry, rhone.id, { ...SECOND_OFFICER, roles: ['DUTY_OFFICER'] });
  }

  it('is used with the keyboard alone: invitation, sign-in, live feed, alert, acknowledgement, broadcast after preview, suspension, sign-out', async () => {
    const { page, watch } = await newPage();
    const token = await invite(suite.registry, rhone.id, {
      email: OFFICER.email,
      fullName: OFFICER.fullName,
      roles: ['DUTY_OFFICER'],
    });

    // The invitation link: choose a password.
    await page.goto(url(`/invitation/${token}`));
    expect(await page.textContent('main')).toContain('Camille Durand');
    await expectAccessible(page);
    await tabTo(page, '#password');
    await page.keyboard.type(OFFICER.password);
    await enterTo(page, /\/connexion\?info=bienvenue$/);
    expect(await page.textContent('main')).toContain('Votre compte est créé');
    await expectAccessible(page);

    // Sign in.
    await tabTo(page, '#email');
    await page.keyboard.type(OFFICER.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(OFFICER.password);
    await enterTo(page, '/alertes');
    await expectAccessible(page);
    await page.waitForFunction(() => document.getElementById('flux-etat')?.textContent?.includes('connecté'));

    // A firm reports a Severe intrusion; it appears without reload.
    const hostile = 'Individus armés <script>window.__pwned = 1</script> & "guillemets"';
    const alertId = await postAlert(suite.stack, firm.key, {
      ...intrusion(LYON, 'Severe', 'Intrusion armée, entrepôt de Gerland'),
      info: [
        {
          ...(intrusion(LYON, 'Severe', 'Intrusion armée, entrepôt de Gerland') as { info: object[] }).info[0],
          description: hostile,
        },
      ],
    });
    // Shown without reload (how fast is the bench's business, not this test's: it runs on a loaded machine).
    await page.waitForSelector(`#alerte-${alertId}`, { timeout: 10_000 });
    expect(await page.textContent(`#alerte-${alertId}`)).toContain('Reçue car');
    expect(await page.textContent('#flux-etat')).toContain('Intrusion armée');
    await screenshot(page, 'flux-en-direct');

    // Open it.
    await tabTo(page, `#alerte-${alertId} a`);
    await enterTo(page, `/alertes/${alertId}`);
    await expectAccessible(page);
    expect(await page.textContent('main')).toContain(hostile);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.textContent('main')).toContain('Diffusion communautaire (TLP:GREEN)');
    await screenshot(page, 'alerte');

    // Acknowledge it (htmx swaps the section), then a replayed form changes nothing.
    await tabTo(page, '#acquitter button');
    const [acknowledged] = await Promise.all([
      page.waitForResponse(
        (response) =>
          response.url().endsWith(`/alertes/${alertId}/acquitter`) && response.request().method() === 'POST',
      ),
      page.keyboard.press('Enter'),
    ]);
    await page.waitForSelector('#acquitter .fr-alert--success');
    const csrf = await csrfOf(page);
    const replay = await page.request.post(url(`/alertes/${alertId}/acquitter`), {
      form: { _csrf: csrf! },
      maxRedirects: 0,
    });
    expect(replay.status()).toBe(303);
    const acknowledgements = await acknowledgementsOf(suite.stack, { alert: alertId }, firm.key);
    expect(acknowledgements).toHaveLength(1);
    expect(acknowledgements[0]).toMatchObject({ organisationId: rhone.id, person: { name: OFFICER.fullName } });
    // The console's request id goes on to the service it calls: one id finds the click in both logs.
    const requestId = acknowledged.headers()['x-request-id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const serviceLine = await waitFor(
      () =>
        readFileSync(suite.stack.logFile('notification'), 'utf8')
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .find((line) => line.requestId === requestId && line.route === '/v1/alerts/:id/acknowledgements'),
      { what: "notification's log line for the console's acknowledgement", timeoutMs: 5000 },
    );
    expect(serviceLine).toMatchObject({ organisationId: rhone.id, correlationId: alertId });
    expect(serviceLine.personId).toEqual(expect.any(String));

    // A broadcast to the département's partners, after its preview.
    await page.goto(url('/alertes'));
    await tabTo(page, 'a[href="/diffusions/nouvelle"]');
    await enterTo(page, '/diffusions/nouvelle');
    await expectAccessible(page);
    // A radio group is one Tab stop; the arrow keys choose within it.
    await tabTo(page, 'input[name=status]');
    await page.keyboard.press('ArrowDown');
    expect(await page.isChecked('#status-Actual')).toBe(true);
    await tabTo(page, '#headline');
    await page.keyboard.type('Vigilance renforcée : repérages de véhicules');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Plusieurs repérages signalés près des entrepôts de Gerland cette nuit.');
    await tabTo(page, '#apercu');
    await enterTo(page, '/diffusions/apercu');
    await expectAccessible(page);
    expect(await page.textContent('main')).toContain(partner.name);
    await screenshot(page, 'diffusion-apercu');
    await tabTo(page, '#envoyer');
    await enterTo(page, /\/diffusions\?envoye=/);
    expect(await page.textContent('main')).toContain('Message envoyé');
    await expectAccessible(page);
    const broadcasts = await rhoneBroadcasts();
    expect(broadcasts.map((item) => [item.broadcast.headline, item.broadcast.status])).toContainEqual([
      'Vigilance renforcée : repérages de véhicules',
      'Actual',
    ]);

    // Suspend a partner, with its reason.
    await tabTo(page, 'a[href="/partenaires"]');
    await enterTo(page, '/partenaires');
    await expectAccessible(page);
    await screenshot(page, 'partenaires');
    await tabTo(page, `#motif-${partner.id}`);
    await page.keyboard.type('Autorisation CNAPS retirée');
    await page.keyboard.press('Tab');
    await enterTo(page, /\/partenaires\?modifie=/);
    const suspended = await request<{ status: string; statusReason: string }>(
      'GET',
      `${suite.registry.registryUrl}/v1/organizations/${partner.id}`,
      {
        key: suite.adminKey,
      },
    );
    expect(suspended.body).toMatchObject({ status: 'SUSPENDED', statusReason: 'Autorisation CNAPS retirée' });

    // Sign out: the session is over.
    await tabTo(page, 'header .fr-header__tools [data-sign-out]');
    await enterTo(page, /\/connexion\?info=deconnecte$/);
    await page.goto(url('/alertes'));
    expect(page.url()).toContain('/connexion');
    expect(watch.problems).toEqual([]);
  }, 180_000);

  it('answers another prefecture’s alert with 404, and refuses a form without its CSRF token', async () => {
    const { page, watch } = await signedIn(SECOND_OFFICER);
    const elsewhere = await postAlert(
      suite.stack,
      marseilleFirm.key,
      intrusion(MARSEILLE, 'Severe', 'Intrusion, port de Marseille'),
    );
    const mine = await postAlert(suite.stack, firm.key, intrusion(LYON, 'Moderate', 'Intrusion, quai Rambaud'));
    await waitFor(async () => (await page.request.get(url(`/alertes/${mine}`))).status() === 200, {
      what: 'the Rhône alert in the console',
    });

    const foreign = await page.goto(url(`/alertes/${elsewhere}`));
    expect(foreign!.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Page introuvable');
    await expectAccessible(page);
    expect((await page.goto(url('/alertes/pas-un-identifiant')))!.status()).toBe(404);

    const response = await page.goto(url(`/alertes/${mine}`));
    const csp = response!.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const refused = await page.request.post(url(`/alertes/${mine}/acquitter`), {
      form: { note: 'sans jeton' },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain('Ce formulaire a expiré');
    const forged = await page.request.post(url(`/alertes/${mine}/acquitter`), {
      form: { _csrf: 'forged' },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await acknowledgementsOf(suite.stack, { alert: mine }, firm.key)).toEqual([]);

    // A suspension without a reason comes back with the error in words.
    await page.goto(url('/partenaires'));
    const noReason = await page.request.post(url(`/partenaires/${firm.id}/suspendre`), {
      form: { _csrf: (await csrfOf(page))! },
      maxRedirects: 0,
    });
    expect(noReason.status()).toBe(400);
    expect(await noReason.text()).toContain('Le motif est obligatoire');
    expect(watch.problems).toEqual([]);
  }, 120_000);

  it('makes an exercise impossible to mistake, and asks for the département code before a real Extreme broadcast', async () => {
    const { page, watch } = await signedIn(SECOND_OFFICER);
    const compose = async (status: string, severity: string, headline: string): Promise<void> => {
      await page.goto(url('/diffusions/nouvelle'));
      // The DSFR draws its own radios over the inputs: the labels are what one clicks.
      await page.click(`label[for=status-${status}]`);
      await page.click(`label[for=severity-${severity}]`);
      await page.fill('#headline', headline);
      await page.fill('#description', 'Message de vigilance aux partenaires du Rhône.');
      await clickTo(page, '#apercu', '/diffusions/apercu');
    };

    await compose('Exercise', 'Severe', 'Exercice de nuit');
    expect(await page.textContent('h1')).toContain('EXERCICE');
    expect(await page.isVisible('.vigie-exercise-banner')).toBe(true);
    expect(await page.textContent('#envoyer')).toContain('EXERCICE');
    await expectAccessible(page);
    await screenshot(page, 'diffusion-exercice');

    await compose('Actual', 'Extreme', 'Menace grave sur les entrepôts');
    expect(await page.isVisible('.vigie-exercise-banner')).toBe(false);
    await page.fill('#confirmation', '13');
    await page.click('#envoyer');
    await page.waitForSelector('#confirmation-erreur');
    expect(await page.textContent('main')).toContain('Tapez le code de votre département (69)');
    await expectAccessible(page);
    await page.fill('#confirmation', '69');
    await clickTo(page, '#envoyer', /\/diffusions\?envoye=/);
    const headlines = (await rhoneBroadcasts()).map((item) => item.broadcast.headline);
    expect(headlines).toContain('Menace grave sur les entrepôts');
    expect(headlines).not.toContain('EXERCICE — Exercice de nuit');
    expect(watch.problems).toEqual([]);
  }, 120_000);

  it('shows sites with a CSV export and a printable referents directory', async () => {
    const { page, watch } = await signedIn(SECOND_OFFICER);
    for (const path of ['/sites', '/referents', '/diffusions']) {
      const response = await page.goto(url(path));
      expect(response!.status()).toBe(200);
      await expectAccessible(page);
    }
    await screenshot(page, 'diffusions');
    const csv = await page.request.get(url('/sites.csv'));
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('Site;Exploitant;Commune;Plan de sécurité');

    expect(watch.problems).toEqual([]);
  }, 120_000);
});
