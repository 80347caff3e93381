import type { Page } from 'playwright-core';
import { request, type Partner, type RegistryAccess, type Stack } from '@vigie/testing';
import { intrusion, postAlert, subscriber } from '../notification-fixtures';
import { personWithPassword } from './accounts';
import { acknowledgementsOf } from './acknowledgements';
import { broadcastFrom, waitUntilReceived } from './broadcasts';
import { consoleSuite, expectAccessible, screenshot, tabTo } from './browser';
import { firmAndBroadcastingPrefecture } from './organisations';

const PORT_OFFSET = 810;
const TULLE = '19272';
const GUARD = { email: 'hugo.delmas@tulle-gardiennage.fr', fullName: 'Hugo Delmas', password: 'correze-19-ronde-nuit' };
const NEIGHBOUR = {
  email: 'anne.vergne@correze-veille.fr',
  fullName: 'Anne Vergne',
  password: 'vezere-19-veille-nuit',
};
const OUTSIDER = { email: 'marc.roux@charente-securite.fr', fullName: 'Marc Roux', password: 'angouleme-16-ronde' };
const OFFICER = { email: 'claire.faure@correze.gouv.fr', fullName: 'Claire Faure', password: 'permanence-19-tulle' };

// A Corrèze firm's guard updates a report and acknowledges the prefecture's vigilance message;
// the Charente plays the organisation a message was not addressed to.
describe('console: a partner updates its reports and acknowledges vigilance messages', () => {
  let firm: Partner;
  let prefecture: { id: string; name: string; key: string };
  const suite = consoleSuite('console-partner-updates', PORT_OFFSET, {
    setUp: ({ registry, stack }) => seed(registry, stack),
  });
  const { url, signedIn, enterTo } = suite;

  const csrfOf = async (page: Page): Promise<string> => (await page.getAttribute('input[name=_csrf]', 'value')) ?? '';

  /** A vigilance message from the Corrèze prefecture (its API key), once notification holds it. */
  async function broadcast(headline: string): Promise<string> {
    const id = await broadcastFrom(suite.stack, prefecture.key, {
      headline,
      description: 'Plusieurs chantiers visités la nuit dernière autour de Tulle.',
      instruction: 'Signalez tout véhicule en repérage au 17.',
    });
    await waitUntilReceived(suite.stack, firm.key, id);
    return id;
  }

  /** The report update form of `alertId`, posted as a browser would with the page's session. */
  const postUpdate = async (page: Page, alertId: string, headline: string) =>
    page.request.post(url(`/mes-signalements/${alertId}/modifier`), {
      form: {
        _csrf: await csrfOf(page),
        severity: 'Minor',
        urgency: 'Past',
        certainty: 'Observed',
        tlp: 'GREEN',
        headline,
      },
    });

  /** The Corrèze prefecture, the firm that reports, its neighbour and a firm of the Charente, each with a person. */
  async function seed(registry: RegistryAccess, stack: Stack): Promise<void> {
    ({ firm, prefecture } = await firmAndBroadcastingPrefecture(registry, stack, 'Tulle Gardiennage', '19'));
    const neighbour = await subscriber(registry, stack, 'Corrèze Veille', '19');
    const outsider = await subscriber(registry, stack, 'Charente Sécurité', '16');
    await personWithPassword(registry, firm.id, { ...GUARD, roles: ['DUTY_OFFICER'] });
    await personWithPassword(registry, neighbour.id, { ...NEIGHBOUR, roles: ['DUTY_OFFICER'] });
    await personWithPassword(registry, outsider.id, { ...OUTSIDER, roles: ['DUTY_OFFICER'] });
    await personWithPassword(registry, prefecture.id, { ...OFFICER, roles: ['DUTY_OFFICER'] });
  }

  it('updates a report with the keyboard alone; the chain shows the update; errors and a cancelled report are said in words', async () => {
    const headline = 'Intrusion, dépôt de la gare de Tulle';
    const alertId = await postAlert(suite.stack, firm.key, intrusion(TULLE, 'Severe', headline));
    const { page, watch } = await signedIn(GUARD, { at: `/mes-signalements/${alertId}` });
    await tabTo(page, `a[href="/mes-signalements/${alertId}/modifier"]`);
    await enterTo(page, `/mes-signalements/${alertId}/modifier`);
    // Filled with the report as it stands.
    expect(await page.isChecked('#severity-Severe')).toBe(true);
    expect(await page.isChecked('#tlp-GREEN')).toBe(true);
    expect(await page.inputValue('#headline')).toBe(headline);
    expect(await page.textContent('main')).toContain('Diffusion communautaire (TLP:GREEN)');
    await expectAccessible(page);

    // Less grave now, and a new summary.
    await tabTo(page, '#severity-Severe');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.isChecked('#severity-Minor')).toBe(true);
    await tabTo(page, '#headline');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Intrusion terminée, dépôt de la gare de Tulle');
    await tabTo(page, 'form[action$="/modifier"] button[type=submit]');
    await enterTo(page, `/mes-signalements/${alertId}?modifie=1`);
    expect(await page.textContent('main')).toContain('Signalement mis à jour');
    const timeline = page.locator('.vigie-timeline li');
    expect(await timeline.count()).toBe(2);
    expect(await timeline.nth(1).textContent()).toContain('Mise à jour : Intrusion terminée');
    expect(await timeline.nth(1).textContent()).toContain('mineure');
    await expectAccessible(page);
    const chain = await request<{ msgType: string; info: { severity: string; headline: string }[] }[]>(
      'GET',
      `${suite.stack.url('alert-ingestion')}/v1/alerts/${alertId}/chain`,
      { key: firm.key },
    );
    expect(chain.body.map((message) => message.msgType)).toEqual(['Alert', 'Update']);
    expect(chain.body[1].info[0]).toMatchObject({
      severity: 'Minor',
      headline: 'Intrusion terminée, dépôt de la gare de Tulle',
    });

    // A missing summary is said in words, and nothing is sent.
    await page.goto(url(`/mes-signalements/${alertId}/modifier`));
    await page.fill('#headline', '');
    // The browser refuses an empty required field itself; the server's answer is what is checked here.
    await page.$eval('form[action$="/modifier"]', (form) => ((form as HTMLFormElement).noValidate = true));
    const [refused] = await Promise.all([
      page.waitForResponse(
        (response) => response.url().endsWith('/modifier') && response.request().method() === 'POST',
      ),
      page.click('form[action$="/modifier"] button[type=submit]'),
    ]);
    expect(refused.status()).toBe(400);
    expect(await page.textContent('main')).toContain('Résumez en une ligne ce qui se passe.');
    await expectAccessible(page);

    // Cancelled: it cannot be updated any more, and the page says so.
    const cancelled = await request('POST', `${suite.stack.url('alert-ingestion')}/v1/alerts/${alertId}/cancel`, {
      key: firm.key,
      body: { note: 'Fausse alerte' },
    });
    expect(cancelled.status).toBe(201);
    const closed = await page.goto(url(`/mes-signalements/${alertId}/modifier`));
    expect(closed?.status()).toBe(409);
    expect(await page.textContent('main')).toContain('Ce signalement a été annulé : il ne peut plus être modifié.');
    expect(await page.locator('form[action$="/modifier"]').count()).toBe(0);
    await expectAccessible(page);
    const resent = await postUpdate(page, alertId, headline);
    expect(resent.status()).toBe(409);
    await page.goto(url(`/mes-signalements/${alertId}`));
    expect(await page.locator(`a[href="/mes-signalements/${alertId}/modifier"]`).count()).toBe(0);
    const after = await request<unknown[]>('GET', `${suite.stack.url('alert-ingestion')}/v1/alerts/${alertId}/chain`, {
      key: firm.key,
    });
    expect(after.body).toHaveLength(3);
    expect(watch.problems).toEqual([]);
  }, 120_000);

  it("answers 404 for another firm's report update, even one that received the alert", async () => {
    const alertId = await postAlert(
      suite.stack,
      firm.key,
      intrusion(TULLE, 'Severe', 'Intrusion, parking de la cathédrale'),
    );
    const { page } = await signedIn(NEIGHBOUR);
    await suite.waitUntilInFeed(page, alertId, "the alert on the neighbour's feed");
    const form = await page.goto(url(`/mes-signalements/${alertId}/modifier`));
    expect(form?.status()).toBe(404);
    await expectAccessible(page);
    const posted = await postUpdate(page, alertId, 'Prise de contrôle');
    expect(posted.status()).toBe(404);
    const chain = await request<unknown[]>('GET', `${suite.stack.url('alert-ingestion')}/v1/alerts/${alertId}/chain`, {
      key: firm.key,
    });
    expect(chain.body).toHaveLength(1);
  }, 90_000);

  it('reads a vigilance message and acknowledges it with the keyboard alone; the prefecture sees who did', async () => {
    const headline = 'Vigilance : vols de câbles sur les chantiers';
    const broadcastId = await broadcast(headline);
    const { page, watch } = await signedIn(GUARD);
    await tabTo(page, 'a[href="/diffusions-recues"]');
    await enterTo(page, '/diffusions-recues');
    const row = page.locator(`#diffusion-${broadcastId}`);
    expect(await row.textContent()).toContain(headline);
    expect(await row.textContent()).toContain(prefecture.name);
    expect(await row.textContent()).toContain('À acquitter');
    await expectAccessible(page);

    await tabTo(page, `a[href="/diffusions-recues/${broadcastId}"]`);
    await enterTo(page, `/diffusions-recues/${broadcastId}`);
    expect(await page.textContent('main')).toContain('Signalez tout véhicule en repérage au 17.');
    await expectAccessible(page);
    await screenshot(page, 'message-recu');
    await tabTo(page, 'form[action$="/acquitter"] button[type=submit]');
    await enterTo(page, `/diffusions-recues/${broadcastId}?acquitte=1`);
    expect(await page.textContent('main')).toContain('Message acquitté');
    expect(await page.textContent('main')).toContain(`par ${GUARD.fullName}`);
    expect(await page.locator('form[action$="/acquitter"]').count()).toBe(0);
    await expectAccessible(page);

    // A resent form changes nothing: one acknowledgement, by the person.
    const again = await page.request.post(url(`/diffusions-recues/${broadcastId}/acquitter`), {
      form: { _csrf: await csrfOf(page) },
    });
    expect(again.status()).toBe(200);
    expect(await acknowledgementsOf(suite.stack, { broadcast: broadcastId }, prefecture.key)).toEqual([
      expect.objectContaining({ organisationId: firm.id, person: expect.objectContaining({ name: GUARD.fullName }) }),
    ]);
    await page.goto(url('/diffusions-recues'));
    expect(await page.locator(`#diffusion-${broadcastId}`).textContent()).toContain(`Acquitté par ${GUARD.fullName}`);
    expect(watch.problems).toEqual([]);

    // The prefecture's list of broadcasts: who acknowledged, out of how many recipients.
    const officer = await signedIn(OFFICER, { at: '/diffusions' });
    const cell = officer.page.locator(`[data-acknowledgements="${broadcastId}"]`);
    expect(await cell.textContent()).toMatch(/^1 sur \d+/);
    expect(await cell.textContent()).toContain(`Tulle Gardiennage (${GUARD.fullName})`);
    await expectAccessible(officer.page);
    expect(officer.watch.problems).toEqual([]);
  }, 120_000);

  it('is a page that does not exist for an organisation the message was not addressed to', async () => {
    const headline = 'Vigilance : démarcheurs se présentant comme agents de sécurité';
    const broadcastId = await broadcast(headline);
    const { page } = await signedIn(OUTSIDER, { at: '/diffusions-recues' });
    expect(await page.textContent('main')).not.toContain(headline);
    await expectAccessible(page);
    const detail = await page.goto(url(`/diffusions-recues/${broadcastId}`));
    expect(detail?.status()).toBe(404);
    expect(await page.textContent('main')).not.toContain(headline);
    const acknowledged = await page.request.post(url(`/diffusions-recues/${broadcastId}/acquitter`), {
      form: { _csrf: await csrfOf(page) },
    });
    expect(acknowledged.status()).toBe(404);
    expect(await acknowledgementsOf(suite.stack, { broadcast: broadcastId }, prefecture.key)).toEqual([]);
  }, 90_000);
});
