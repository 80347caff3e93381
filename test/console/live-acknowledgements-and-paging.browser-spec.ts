import type { Page } from 'playwright-core';
import { request, type Partner } from '@vigie/testing';
import { intrusion, postAlert } from '../notification-fixtures';
import { personWithPassword } from './accounts';
import { broadcastFrom, waitUntilReceived } from './broadcasts';
import { consoleSuite, expectAccessible, tabTo } from './browser';
import { firmAndBroadcastingPrefecture } from './organisations';

const CAHORS = '46042';
const GUARD = {
  email: 'jeanne.calmels@quercy-gardiennage.fr',
  fullName: 'Jeanne Calmels',
  password: 'cahors-46-ronde-nuit',
};
const OFFICER = { email: 'remi.bouyssou@lot.gouv.fr', fullName: 'Rémi Bouyssou', password: 'permanence-46-cahors' };
/** One more than a page of the console's long lists. */
const MORE_THAN_A_PAGE = 21;

// In the Lot: the prefecture follows acknowledgements of its vigilance messages live; a firm's
// guard pages through the messages it received and the reports it sent.
describe('console: live acknowledgements of vigilance messages, and older pages of long lists', () => {
  let firm: Partner;
  let prefecture: { id: string; name: string; key: string };
  const suite = consoleSuite('console-live-acks-paging', 900, {
    async setUp({ registry, stack }) {
      ({ firm, prefecture } = await firmAndBroadcastingPrefecture(registry, stack, 'Quercy Gardiennage', '46'));
      await personWithPassword(registry, firm.id, { ...GUARD, roles: ['DUTY_OFFICER'] });
      await personWithPassword(registry, prefecture.id, { ...OFFICER, roles: ['DUTY_OFFICER'] });
    },
  });
  const { url, signedIn, enterTo } = suite;
  const notification = (path: string): string => `${suite.stack.url('notification')}${path}`;

  /** A vigilance message from the Lot prefecture (its API key); its id. */
  const broadcast = (headline: string): Promise<string> =>
    broadcastFrom(suite.stack, prefecture.key, { headline, description: 'Repérages signalés autour de Cahors.' });

  const receivedByFirm = (broadcastId: string): Promise<void> => waitUntilReceived(suite.stack, firm.key, broadcastId);

  /** The ids of a list page's rows, in order. */
  const rowIds = (page: Page, prefix: string): Promise<string[]> =>
    page.$$eval(`tbody tr[id^="${prefix}"]`, (rows, start) => rows.map((row) => row.id.slice(start.length)), prefix);

  it("shows a recipient's acknowledgement on « Messages diffusés » without reload, and announces it politely", async () => {
    const headline = 'Vigilance : vols de matériel agricole';
    const broadcastId = await broadcast(headline);
    await receivedByFirm(broadcastId);

    const officer = await signedIn(OFFICER, { at: '/diffusions' });
    const status = officer.page.locator('#flux-etat');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.getAttribute('role')).toBe('status');
    await officer.page.waitForFunction(
      () => document.getElementById('flux-etat')?.textContent?.includes('Flux en direct : connecté') ?? false,
    );
    const cell = officer.page.locator(`[data-acknowledgements="${broadcastId}"]`);
    expect(await cell.textContent()).toMatch(/^0 sur [1-9]\d*$/);
    const recipients = /sur (\d+)/.exec((await cell.textContent()) ?? '')![1];
    await expectAccessible(officer.page);
    // Anything a reload would wipe out: still there at the end proves the page was not reloaded.
    await officer.page.evaluate(() => document.body.setAttribute('data-not-reloaded', 'yes'));

    // The firm's guard acknowledges from another browser context, with the keyboard.
    const guard = await signedIn(GUARD, { at: `/diffusions-recues/${broadcastId}` });
    await tabTo(guard.page, 'form[action$="/acquitter"] button[type=submit]');
    await enterTo(guard.page, `/diffusions-recues/${broadcastId}?acquitte=1`);

    await officer.page.waitForFunction(
      (id) => document.querySelector(`[data-acknowledgements="${id}"]`)?.textContent?.startsWith('1 sur') ?? false,
      broadcastId,
      { timeout: 20_000 },
    );
    expect(await cell.textContent()).toContain(`1 sur ${recipients}`);
    expect(await cell.textContent()).toContain(`Quercy Gardiennage (${GUARD.fullName})`);
    expect(await status.textContent()).toBe(
      `Quercy Gardiennage (${GUARD.fullName}) a acquitté « ${headline} » : 1 sur ${recipients}.`,
    );
    expect(await officer.page.getAttribute('body', 'data-not-reloaded')).toBe('yes');
    // The live part can be replaced again: the cell still listens for the next acknowledgement.
    expect(await cell.locator(`[sse-swap="acquittements-${broadcastId}"]`).count()).toBe(1);
    await expectAccessible(officer.page);
    expect(officer.watch.problems).toEqual([]);
    expect(guard.watch.problems).toEqual([]);

    // Without JavaScript the page says to reload, and a reload shows the same.
    const plain = await signedIn(OFFICER, { javaScript: false, at: '/diffusions' });
    expect(await plain.page.textContent('#flux-etat')).toContain('rechargez la page');
    expect(await plain.page.textContent(`[data-acknowledgements="${broadcastId}"]`)).toContain(`1 sur ${recipients}`);
  }, 120_000);

  it('pages « Messages reçus »: the 20 most recent, then the older ones behind « Plus anciens »; a forged link is a 400 page', async () => {
    let oldest = '';
    for (let index = 0; index < MORE_THAN_A_PAGE; index++) {
      const id = await broadcast(`Vigilance n° ${index + 1} : démarchages suspects`);
      oldest ||= id;
    }
    const newest = await broadcast('Vigilance : la plus récente');
    await receivedByFirm(newest);
    await receivedByFirm(oldest);
    const everything = await request<{ broadcast: { broadcastId: string } }[]>(
      'GET',
      notification('/v1/received-broadcasts'),
      { key: firm.key },
    );
    const all = everything.body.map((item) => item.broadcast.broadcastId);
    expect(all.length).toBeGreaterThan(20);

    const { page, watch } = await signedIn(GUARD);
    await tabTo(page, 'a[href="/diffusions-recues"]');
    await enterTo(page, '/diffusions-recues');
    expect(await rowIds(page, 'diffusion-')).toEqual(all.slice(0, 20));
    expect(await page.locator('a', { hasText: 'Plus récents' }).count()).toBe(0);
    await expectAccessible(page);

    await tabTo(page, 'a[rel="next"]');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Plus anciens');
    await enterTo(page, /\/diffusions-recues\?avant=[\w-]+$/);
    const older = await rowIds(page, 'diffusion-');
    expect(older).toEqual(all.slice(20, 40));
    expect(older).toContain(oldest);
    expect(older).not.toContain(newest);
    await expectAccessible(page);
    await tabTo(page, 'nav[aria-label="Pages des messages reçus"] a[href="/diffusions-recues"]');
    expect(watch.problems).toEqual([]);

    // A cursor notification never gave (well formed or not) is a page in words, not a stack trace.
    const forged = Buffer.from(`2026-12-04T21:00:00|${newest}`).toString('base64url');
    for (const avant of [forged, encodeURIComponent('<script>')]) {
      const answer = await page.goto(url(`/diffusions-recues?avant=${avant}`));
      expect(answer?.status()).toBe(400);
      const main = (await page.textContent('main')) ?? '';
      expect(main).toContain('Ce lien de page n’est pas valide');
      expect(main).not.toMatch(/Error|at \w+ \(|cursor/);
      expect(await page.locator('a[href="/diffusions-recues"]', { hasText: 'les plus récents' }).count()).toBe(1);
      await expectAccessible(page);
    }
  }, 180_000);

  it('pages « Mes signalements » the same way, with the cursor of ingestion', async () => {
    const sent: string[] = [];
    for (let index = 0; index < MORE_THAN_A_PAGE; index++) {
      sent.unshift(
        await postAlert(suite.stack, firm.key, intrusion(CAHORS, 'Minor', `Intrusion n° ${index + 1}, Cahors`)),
      );
    }
    // The API's own pages: the Link header leads to the older ones.
    const first = await request<{ alertId: string }[]>(
      'GET',
      `${suite.stack.url('alert-ingestion')}/v1/sent-alerts?limit=20`,
      { key: firm.key },
    );
    expect(first.body.map((alert) => alert.alertId)).toEqual(sent.slice(0, 20));
    expect(first.headers.get('link')).toMatch(/^<\/v1\/sent-alerts\?cursor=[\w-]+&limit=20>; rel="next"$/);

    const { page, watch } = await signedIn(GUARD, { at: '/mes-signalements' });
    expect(await rowIds(page, 'signalement-')).toEqual(sent.slice(0, 20));
    await expectAccessible(page);
    await tabTo(page, 'a[rel="next"]');
    await enterTo(page, /\/mes-signalements\?avant=[\w-]+$/);
    expect(await rowIds(page, 'signalement-')).toEqual(sent.slice(20));
    expect(await page.locator('a[rel="next"]').count()).toBe(0);
    await expectAccessible(page);
    expect(watch.problems).toEqual([]);

    const forged = Buffer.from(`not a date|${sent[0]}`).toString('base64url');
    const answer = await page.goto(url(`/mes-signalements?avant=${forged}`));
    expect(answer?.status()).toBe(400);
    expect(await page.textContent('main')).toContain('Ce lien de page n’est pas valide');
    await expectAccessible(page);
    // The feed's « suite » link altered the same way: a bad request, not a service down.
    const feed = await page.goto(url(`/alertes?suite=${forged}`));
    expect(feed?.status()).toBe(400);
    expect(await page.textContent('main')).toContain('Demande incorrecte');
  }, 180_000);
});
