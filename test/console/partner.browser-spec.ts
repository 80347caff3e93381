import type { Page } from 'playwright-core';
import { request, waitUntilAccepted, type Partner } from '@vigie/testing';
import { personWithPassword } from './accounts';
import { chooseSevereIntrusionWithKeyboard, consoleSuite, expectAccessible, screenshot, tabTo } from './browser';
import { securityFirm } from './organisations';

const GUARD = { email: 'sam.roux@forez-securite.fr', fullName: 'Sam Roux', password: 'ronde-de-nuit-42-forez' };
const LONE_GUARD = { email: 'max.petit@ondaine-veille.fr', fullName: 'Max Petit', password: 'veille-ondaine-42-seul' };
const OTHER_GUARD = {
  email: 'lou.blanc@gier-protection.fr',
  fullName: 'Lou Blanc',
  password: 'vallee-du-gier-42-nuit',
};

// A security firm's guard reports an incident from the console, in Chromium, against the real stack.
describe('console: a partner reports an incident', () => {
  let firm: Partner;
  const suite = consoleSuite('console-partner', 450, {
    async setUp({ registry, stack }) {
      firm = await securityFirm(registry, 'Forez Sécurité', ['42']);
      const otherFirm = await securityFirm(registry, 'Gier Protection', ['42']);
      const loneFirm = await securityFirm(registry, 'Ondaine Veille', ['42'], { conventions: [] });
      await waitUntilAccepted(stack.url('prefect-routing'), loneFirm.key);
      await personWithPassword(registry, loneFirm.id, { ...LONE_GUARD, roles: ['DUTY_OFFICER'] });
      for (const service of ['alert-ingestion', 'prefect-routing', 'notification'] as const) {
        await waitUntilAccepted(stack.url(service), firm.key);
        await waitUntilAccepted(stack.url(service), otherFirm.key);
      }
      await personWithPassword(registry, firm.id, { ...GUARD, roles: ['DUTY_OFFICER'] });
      await personWithPassword(registry, otherFirm.id, { ...OTHER_GUARD, roles: ['DUTY_OFFICER'] });
    },
  });
  const { url, signedIn, enterTo, clickTo } = suite;

  /** The firm's alerts with this headline, as ingestion holds them. */
  async function alertsHeadlined(headline: string): Promise<string[]> {
    const listed = await request<{ alerts: { alertId: string; info: { headline: string }[] }[] }>(
      'GET',
      `${suite.stack.url('alert-ingestion')}/v1/alerts?limit=100`,
      { key: firm.key },
    );
    return listed.body.alerts.filter((alert) => alert.info[0].headline === headline).map((alert) => alert.alertId);
  }

  /** The report form filled with the mouse: Saint-Étienne (found by its postal code), the event, the gravity, the summary. */
  async function fillInSaintEtienne(page: Page, eventCode: string, severity: string, headline: string): Promise<void> {
    await page.fill('#communeQuery', '42000');
    await page.waitForSelector('#communes-trouvees input[value="42218"]');
    await page.selectOption('#eventCode', eventCode);
    await page.click(`label[for="severity-${severity}"]`);
    await page.fill('#headline', headline);
  }

  it('is filled with the keyboard alone: commune typed without accents, who will receive it and why, sent once however often it is resent', async () => {
    const { page, watch } = await signedIn(GUARD);
    await tabTo(page, 'a[href="/signalements/nouveau"]');
    await enterTo(page, '/signalements/nouveau');
    await expectAccessible(page);
    const draftKey = await page.getAttribute('input[name=draftKey]', 'value');
    expect(draftKey).toMatch(/^[0-9a-f-]{36}$/);

    // "st etienne" finds Saint-Étienne as the person types (htmx), first of the answers.
    await tabTo(page, '#communeQuery');
    await page.keyboard.type('st etienne');
    await page.waitForSelector('#communes-trouvees input[value="42218"]');
    expect(await page.textContent('#communes-trouvees label[for="commune-42218"]')).toContain(
      'Saint-Étienne (Loire, 42)',
    );
    await tabTo(page, '#commune-42218');
    await page.keyboard.press('Space');
    expect(await page.isChecked('#commune-42218')).toBe(true);

    await chooseSevereIntrusionWithKeyboard(page);
    const headline = `Intrusion en cours, entrepôt rue des Docks ${Date.now()}`;
    await tabTo(page, '#headline');
    await page.keyboard.type(headline);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Deux individus sur le toit, agent sur place.');
    await screenshot(page, 'signalement');

    await tabTo(page, '#apercu');
    await enterTo(page, '/signalements/apercu');
    await expectAccessible(page);
    const recipients = await page.textContent('main');
    expect(recipients).toContain('Préfecture de la Loire');
    expect(recipients).toMatch(/destinataire/);
    expect(recipients).toContain('Saint-Étienne (Loire)');

    const sentForm = await page.$$eval('form[action="/signalements"] input[type=hidden]', (inputs) =>
      Object.fromEntries(inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value])),
    );
    expect(sentForm.draftKey).toBe(draftKey);
    await tabTo(page, '#envoyer');
    await enterTo(page, /\/alertes\/[0-9a-f-]{36}$/);
    const alertId = page.url().split('/').pop()!;
    expect(await page.textContent('main')).toContain(headline);
    await expectAccessible(page);

    // The same form sent again (a double click, a retry after a lost answer): the same alert, still one.
    for (let resend = 0; resend < 2; resend++) {
      const again = await page.request.post(url('/signalements'), { form: sentForm, maxRedirects: 0 });
      expect(again.status()).toBe(303);
      expect(again.headers().location).toBe(`/alertes/${alertId}`);
    }
    expect(await alertsHeadlined(headline)).toEqual([alertId]);
    expect(watch.problems).toEqual([]);
  }, 120_000);

  it('works without JavaScript: a shared postal code lists its communes, a postal code of one commune chooses it', async () => {
    const { page } = await signedIn(GUARD, { javaScript: false, at: '/signalements/nouveau' });

    // Only the summary filled: the form again, with what is missing (400).
    await page.fill('#headline', 'Vol à l’étalage');
    const [empty] = await Promise.all([page.waitForResponse(/\/signalements\/apercu$/), page.click('#apercu')]);
    expect(empty.status()).toBe(400);
    expect(await page.textContent('.fr-alert--error')).toContain('Cherchez puis choisissez la commune');

    // 01400 serves several communes of the Ain: all are offered.
    await page.fill('#communeQuery', '01400');
    await page.click('button[value=chercher]');
    const offered = await page.$$eval('#communes-trouvees input[name=commune]', (inputs) => inputs.length);
    expect(offered).toBeGreaterThan(1);
    expect(await page.isChecked('#communes-trouvees input[name=commune] >> nth=0')).toBe(false);
    await page.selectOption('#eventCode', 'theft');
    await page.click('label[for="severity-Moderate"]');
    expect(await page.inputValue('#headline')).toBe('Vol à l’étalage');

    // 42000 is Saint-Étienne alone: chosen without a click.
    await page.fill('#communeQuery', '42000');
    await page.click('button[value=chercher]');
    expect(await page.isChecked('#commune-42218')).toBe(true);
    await clickTo(page, '#apercu', '/signalements/apercu');
    expect(await page.textContent('main')).toContain('Préfecture de la Loire');
    await clickTo(page, '#envoyer', /\/alertes\/[0-9a-f-]{36}$/);
    expect(await page.textContent('main')).toContain('Vol à l’étalage');
  }, 120_000);

  it('keeps a report made without network and sends it once when the network returns, from a reloaded page and two tabs at once', async () => {
    const { page, watch } = await signedIn(GUARD, { at: '/signalements/nouveau' });
    // The service worker takes the page in charge; the next load keeps the form for offline use.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.reload();
    const onlineKey = await page.inputValue('input[name=draftKey]');

    await page.context().setOffline(true);
    await page.reload();
    expect(await page.isVisible('#hors-ligne')).toBe(true);
    // The form came from the cache: its draft gets a key of its own, not the cached one.
    const offlineKey = await page.inputValue('input[name=draftKey]');
    expect(offlineKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(offlineKey).not.toBe(onlineKey);
    await page.fill('#communeQuery', '42000');
    await page.selectOption('#eventCode', 'fire');
    await page.click('label[for="severity-Severe"]');
    const headline = `Départ de feu, local poubelles ${Date.now()}`;
    await page.fill('#headline', headline);
    await page.click('#apercu');
    await page.waitForSelector('#brouillons-liste li:has-text("en attente d’envoi")');
    expect(await page.inputValue('#headline')).toBe('');
    expect(await page.inputValue('input[name=draftKey]')).not.toBe(offlineKey);
    await expectAccessible(page);
    await screenshot(page, 'signalement-hors-ligne');

    // Reloaded, and open in a second tab, still offline: kept, shown in both.
    await page.reload();
    await page.waitForSelector('#brouillons-liste li:has-text("en attente d’envoi")');
    const second = await page.context().newPage();
    await second.goto(url('/signalements/nouveau'));
    await second.waitForSelector('#brouillons-liste li:has-text("en attente d’envoi")');
    expect(await alertsHeadlined(headline)).toEqual([]);

    // The network returns: both tabs send it at once; one alert.
    await page.context().setOffline(false);
    // Each tab ends with a link to the alert it sent, or with no list at all when the other tab
    // sent the draft first (a hidden section is never "visible": wait on the state instead).
    const settled = () =>
      document.querySelector('#brouillons-liste a[href^="/alertes/"]') !== null ||
      document.getElementById('brouillons')?.hidden === true;
    await page.waitForFunction(settled);
    await second.waitForFunction(settled);
    const alerts = await alertsHeadlined(headline);
    expect(alerts).toHaveLength(1);
    const links = [
      ...(await page.$$eval('#brouillons-liste a', (anchors) => anchors.map((a) => a.getAttribute('href')))),
      ...(await second.$$eval('#brouillons-liste a', (anchors) => anchors.map((a) => a.getAttribute('href')))),
    ];
    expect(links.length).toBeGreaterThan(0);
    expect(new Set(links)).toEqual(new Set([`/alertes/${alerts[0]}`]));
    // A retry after a lost answer (the same draft sent again) lands on the same alert.
    const retried = await page.request.post(url('/signalements/hors-ligne'), {
      form: {
        _csrf: (await page.inputValue('input[name=_csrf]')) ?? '',
        draftKey: offlineKey,
        communeQuery: '42000',
        eventCode: 'fire',
        severity: 'Severe',
        urgency: 'Immediate',
        certainty: 'Observed',
        tlp: 'AMBER',
        headline,
      },
    });
    expect(retried.status()).toBe(201);
    expect(((await retried.json()) as { id: string }).id).toBe(alerts[0]);
    expect(await alertsHeadlined(headline)).toEqual(alerts);
    await second.close();
    expect(watch.problems).toEqual([]);
  }, 180_000);

  it('says why a report is refused: an organisation under no convention shares nothing', async () => {
    const { page } = await signedIn(LONE_GUARD, { at: '/signalements/nouveau' });
    await fillInSaintEtienne(page, 'theft', 'Moderate', 'Vol de câbles sur un chantier');
    const [refused] = await Promise.all([page.waitForResponse(/\/signalements\/apercu$/), page.click('#apercu')]);
    expect(refused.status()).toBe(403);
    expect(await page.textContent('.fr-alert--error')).toContain('ne peut pas signaler d’incident dans ce département');
    // What was typed is kept.
    expect(await page.inputValue('#headline')).toBe('Vol de câbles sur un chantier');
    await expectAccessible(page);
  }, 120_000);

  it('shows a firm nothing of another firm’s reports (404)', async () => {
    const { page } = await signedIn(GUARD, { at: '/signalements/nouveau' });
    // The errors of an incomplete report are accessible too.
    await page.fill('#headline', 'Rôdeur');
    const [incomplete] = await Promise.all([page.waitForResponse(/\/signalements\/apercu$/), page.click('#apercu')]);
    expect(incomplete.status()).toBe(400);
    await expectAccessible(page);
    const headline = `Rôdeur autour du dépôt ${Date.now()}`;
    await fillInSaintEtienne(page, 'suspicious-behaviour', 'Minor', headline);
    await clickTo(page, '#apercu', '/signalements/apercu');
    await clickTo(page, '#envoyer', /\/alertes\/[0-9a-f-]{36}$/);
    const own = page.url();

    const other = await signedIn(OTHER_GUARD);
    const answer = await other.page.goto(own);
    expect(answer?.status()).toBe(404);
    expect(await other.page.textContent('main')).not.toContain(headline);
    await other.page.goto(url('/alertes'));
    expect(await other.page.textContent('main')).not.toContain(headline);
  }, 120_000);
});
