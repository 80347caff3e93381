import { request, waitFor, type Partner } from '@vigie/testing';
import { intrusion, postAlert, senderAndPrefecture, subscriber } from '../notification-fixtures';
import { personWithPassword } from './accounts';
import { consoleSuite, expectAccessible, tabTo } from './browser';

const PAU = '64445';
const GUARD = {
  email: 'ines.laborde@bearn-gardiennage.fr',
  fullName: 'Inès Laborde',
  password: 'gave-de-pau-64-ronde',
};
const NEIGHBOUR = {
  email: 'paul.etcheverry@adour-veille.fr',
  fullName: 'Paul Etcheverry',
  password: 'adour-64-veille-nuit',
};

// A firm's guard follows the firm's reports: acknowledgements arrive live, a false alarm is cancelled.
describe('console: my reports (a partner follows what it reported)', () => {
  let firm: Partner;
  let prefecture: { id: string; name: string; key: string };
  const suite = consoleSuite('console-my-reports', 790, {
    async setUp({ registry, stack }) {
      ({ firm, prefecture } = await senderAndPrefecture(registry, stack, 'Béarn Gardiennage', '64'));
      // Another firm of the département that receives the firm's intrusions.
      const neighbour = await subscriber(registry, stack, 'Adour Veille', '64');
      await personWithPassword(registry, firm.id, { ...GUARD, roles: ['DUTY_OFFICER'] });
      await personWithPassword(registry, neighbour.id, { ...NEIGHBOUR, roles: ['DUTY_OFFICER'] });
    },
  });
  const { url, signedIn, enterTo } = suite;

  /** The prefecture acknowledges through the API once the alert reached it. */
  async function prefectureAcknowledges(alertId: string): Promise<void> {
    const path = `${suite.stack.url('notification')}/v1/alerts/${alertId}/acknowledgements`;
    await waitFor(async () => (await request('POST', path, { key: prefecture.key, body: {} })).status === 201, {
      what: 'the prefecture acknowledging the alert',
      timeoutMs: 20_000,
    });
  }

  it("shows the prefecture's acknowledgement live, then cancels the report as a false alarm, keyboard only", async () => {
    const headline = 'Intrusion, entrepôt de la zone Induspal';
    const alertId = await postAlert(suite.stack, firm.key, intrusion(PAU, 'Severe', headline));

    const { page } = await signedIn(GUARD);
    await tabTo(page, 'a[href="/mes-signalements"]');
    await enterTo(page, '/mes-signalements');
    const row = page.locator(`#signalement-${alertId}`);
    await row.waitFor();
    expect(await row.textContent()).toContain(headline);
    expect(await row.locator('.vigie-waiting').isVisible()).toBe(true);
    await expectAccessible(page);
    // The live stream is open before the acknowledgement is made.
    await page.waitForFunction(() => document.getElementById('flux-etat')?.textContent?.includes('connecté'));

    await prefectureAcknowledges(alertId);
    // Appears without a reload.
    const acknowledged = row.locator(`[data-acknowledgements="${alertId}"] li`);
    await acknowledged.first().waitFor({ timeout: 15_000 });
    expect(await acknowledged.first().textContent()).toContain(prefecture.name);
    expect(await row.locator('.vigie-waiting').isVisible()).toBe(false);
    await expectAccessible(page);

    // The report's page: its chain, who acknowledged, the cancellation.
    await tabTo(page, `a[href="/mes-signalements/${alertId}"]`);
    await enterTo(page, `/mes-signalements/${alertId}`);
    expect(await page.locator('[data-acknowledgements] li').first().textContent()).toContain(prefecture.name);
    await expectAccessible(page);
    await tabTo(page, '#annulation-motif');
    await page.keyboard.type('Fausse alerte : déclenchement intempestif du détecteur');
    await tabTo(page, 'form[action$="/annuler"] button[type=submit]');
    await enterTo(page, `/mes-signalements/${alertId}?annule=1`);
    const timeline = page.locator('.vigie-timeline li');
    expect(await timeline.count()).toBe(2);
    expect(await timeline.nth(1).textContent()).toContain('Annulation');
    expect(await page.locator('form[action$="/annuler"]').count()).toBe(0);
    await expectAccessible(page);

    // Ingestion holds the Cancel, exactly one.
    const chain = await request<{ msgType: string; note?: string }[]>(
      'GET',
      `${suite.stack.url('alert-ingestion')}/v1/alerts/${alertId}/chain`,
      { key: firm.key },
    );
    expect(chain.body.map((message) => message.msgType)).toEqual(['Alert', 'Cancel']);
    expect(chain.body[1].note).toContain('intempestif');
  }, 90_000);

  it('is a page that does not exist for another firm, even one that received the alert', async () => {
    const headline = 'Intrusion, parking du Palais Beaumont';
    const alertId = await postAlert(suite.stack, firm.key, intrusion(PAU, 'Severe', headline));
    const { page } = await signedIn(NEIGHBOUR);
    // The neighbour does receive the alert (its feed shows it)...
    await suite.waitUntilInFeed(page, alertId, "the alert on the neighbour's feed");
    // ...but it is not its report.
    const answer = await page.goto(url(`/mes-signalements/${alertId}`));
    expect(answer?.status()).toBe(404);
    const cancel = await page.request.post(url(`/mes-signalements/${alertId}/annuler`), {
      form: { motif: 'tentative', _csrf: (await page.locator('input[name=_csrf]').first().inputValue()) ?? '' },
    });
    expect(cancel.status()).toBe(404);
    await page.goto(url('/mes-signalements'));
    expect(await page.content()).not.toContain(headline);
    await expectAccessible(page);
  }, 90_000);
});
