import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { ALL_PARTNER_ROLES, prefectureOf, request, waitFor, waitUntilAccepted } from '@vigie/testing';
import { e2eEnv } from '../e2e.env';
import { intrusion, nationalLevel, postAlert } from '../notification-fixtures';
import { personWithPassword } from './accounts';
import { consoleSuite, expectAccessible, screenshot, tabTo } from './browser';
import { securityFirm } from './organisations';

const LYON = '69123';
const AJACCIO = '2A004';
const RED_HEADLINE = 'Menace armée sur un fourgon blindé, Lyon';
const GREEN_HEADLINE = 'Intrusion grave dans un entrepôt, Ajaccio';
/**
 * A page (50) of escalations armed long ago, so that the real ones are on a later page; their next
 * step is tomorrow, so that the scheduler leaves these partial snapshots alone.
 */
const SEEDED = 50;
const ANALYST = {
  email: 'ines.garnier@interieur.gouv.fr',
  fullName: 'Inès Garnier',
  password: 'tableau-escalades-101',
};
const OFFICER = { email: 'yanis.perrin@rhone.gouv.fr', fullName: 'Yanis Perrin', password: 'permanence-escalades-69' };
const GUARD = { email: 'lina.fabre@lyon-gardiennage.fr', fullName: 'Lina Fabre', password: 'ronde-escalades-69-nuit' };

// The escalations board of the State desks in Chromium, against the real stack: oldest first, paged,
// and the content of a TLP:RED alert only for those it was addressed to (ADR 40).
describe('console: the escalations board', () => {
  let redId: string;
  let greenId: string;
  const seeded: string[] = [];

  const suite = consoleSuite('console-escalations', 860, {
    async setUp({ registry, stack }) {
      const [lyonFirm, corsicaFirm] = await Promise.all(
        ['69', '2A'].map((department) =>
          securityFirm(registry, `Gardiennage des escalades ${department}`, [department]),
        ),
      );
      for (const firm of [lyonFirm, corsicaFirm]) await waitUntilAccepted(stack.url('alert-ingestion'), firm.key);
      await personWithPassword(registry, lyonFirm.id, { ...GUARD, roles: ['DUTY_OFFICER'] });
      const national = await nationalLevel(registry, ALL_PARTNER_ROLES);
      await waitUntilAccepted(stack.url('notification'), national.key);
      await personWithPassword(registry, national.id, { ...ANALYST, roles: ['NATIONAL_ANALYST'] });
      const rhone = await prefectureOf(registry, '69');
      await personWithPassword(registry, rhone.id, { ...OFFICER, roles: ['DUTY_OFFICER'] });

      const database = new Client({ connectionString: e2eEnv.databaseUrl });
      await database.connect();
      try {
        for (let index = 0; index < SEEDED; index++) {
          const id = randomUUID();
          seeded.push(id);
          await database.query(
            `INSERT INTO notification.escalations (id, alert_id, prefecture_id, alert, status, next_step, next_step_at, created_at)
             VALUES ($1, $1, $2, $3::jsonb, 'armed', 'deputy', now() + interval '1 day', $4)`,
            [
              id,
              rhone.id,
              JSON.stringify({
                alertId: id,
                senderOrganisationId: lyonFirm.id,
                tlp: 'AMBER',
                location: { department: '69', commune: LYON, communeName: 'Lyon' },
                info: [{ eventCode: 'theft', severity: 'Severe', headline: `Vol ancien ${index}` }],
              }),
              new Date(Date.UTC(2016, 0, 1) + index * 60_000),
            ],
          );
        }
      } finally {
        await database.end();
      }
      // Severe and TLP:RED, naming the Rhône prefecture alone: armed for it, never addressed to the national level.
      redId = await postAlert(stack, lyonFirm.key, {
        ...intrusion(LYON, 'Severe', RED_HEADLINE, 'RED'),
        addresses: [rhone.id],
      });
      greenId = await postAlert(stack, corsicaFirm.key, intrusion(AJACCIO, 'Severe', GREEN_HEADLINE));
      await waitFor(
        async () => {
          const open = new Set<string>();
          let cursor: string | null = null;
          do {
            const page: { body: { escalations: { alertId: string }[]; nextCursor: string | null } } = await request(
              'GET',
              `${stack.url('notification')}/v1/escalations?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
              { key: national.key },
            );
            for (const row of page.body.escalations) open.add(row.alertId);
            cursor = page.body.nextCursor;
          } while (cursor);
          return open.has(redId) && open.has(greenId) ? true : undefined;
        },
        { what: 'the escalations of the Severe alerts of Lyon and Ajaccio', timeoutMs: 60_000 },
      );
    },
    setUpTimeoutMs: 480_000,
  });
  const { url, signedIn, enterTo, openMenuWithKeyboard, expectRefused } = suite;

  const armedTimes = (page: Page): Promise<number[]> =>
    page.$$eval('#escalades-tableau tbody time', (times) =>
      times.map((time) => Date.parse(time.getAttribute('datetime') ?? '')),
    );
  const row = (page: Page, alertId: string) => page.locator(`#escalades-tableau tr[data-alert="${alertId}"]`);
  /** Follows the next-page links (with the keyboard) until the alert's row is shown. */
  async function pageWith(page: Page, alertId: string): Promise<void> {
    for (let pages = 0; (await row(page, alertId).count()) === 0; pages++) {
      if (pages === 10) throw new Error(`no row for ${alertId} in ten pages`);
      const before = await armedTimes(page);
      const current = page.url();
      await tabTo(page, 'a[href^="/escalades?suite="]');
      await enterTo(page, (next) => next.href !== current);
      // Each page goes on where the previous one ended.
      expect((await armedTimes(page))[0]).toBeGreaterThanOrEqual(before[before.length - 1]);
    }
  }

  it('lists the open escalations oldest first, paged, reached with the keyboard, a TLP:RED alert by its metadata only', async () => {
    const { page, watch } = await signedIn(ANALYST);
    await openMenuWithKeyboard(page, '/escalades');
    expect(await page.textContent('h1')).toBe('Escalades en cours');
    expect(await page.textContent('#escalades-tableau caption')).toBe(
      'Escalades en cours pour toute la France, les plus anciennes d’abord',
    );
    expect(await page.textContent('main')).toContain('pour toute la France');
    await expectAccessible(page);

    // The first page: the 50 oldest, in order, the ones armed in 2016 among them, with their age in words.
    const first = await armedTimes(page);
    expect(first).toHaveLength(50);
    expect(first).toEqual([...first].sort((a, b) => a - b));
    const shown = await page.$$eval('#escalades-tableau tbody tr', (rows) =>
      rows.map((r) => r.getAttribute('data-alert')),
    );
    const ours = shown.filter((id) => seeded.includes(id!));
    expect(ours.length).toBeGreaterThan(0);
    expect(ours).toEqual(seeded.slice(0, ours.length));
    expect(await row(page, seeded[0]).locator('td').first().textContent()).toMatch(/^depuis \d+ j( \d+ h)?$/);
    expect(await row(page, seeded[0]).textContent()).toContain('Contenu restreint (TLP:AMBER)');
    await screenshot(page, 'escalades');

    // The next pages, with the keyboard, until the real alerts, after the seeded ones.
    await pageWith(page, redId);
    await expectAccessible(page);
    expect(await armedTimes(page)).toEqual([...(await armedTimes(page))].sort((a, b) => a - b));
    expect(await page.locator('a', { hasText: 'Première page' }).getAttribute('href')).toBe('/escalades');

    // The TLP:RED alert was not addressed to the national level: its metadata, never its headline.
    const red = row(page, redId);
    const cells = await red.locator('td').allTextContents();
    expect(cells.slice(1, 7)).toEqual([
      'Rhône (69)',
      'Lyon',
      'Intrusion',
      'Grave',
      'TLP:RED',
      'Contenu restreint (TLP:RED)',
    ]);
    expect(cells[7]).toBe('Préfecture alertée');
    expect(cells[8]).toMatch(/^Référent suppléant alerté le \d{2}\/\d{2}\/\d{4}/);
    expect(await red.locator('a[href^="/alertes/"]').count()).toBe(0);
    expect(await page.content()).not.toContain(RED_HEADLINE);
    // The Severe GREEN alert of Ajaccio reached the national level: its headline links to it.
    expect(await row(page, greenId).locator(`a[href="/alertes/${greenId}"]`).textContent()).toBe(GREEN_HEADLINE);
    expect(await row(page, greenId).locator('a[href="/departements/2A"]').textContent()).toBe('Corse-du-Sud (2A)');

    // Nor can the analyst open the RED alert itself.
    expect((await page.goto(url(`/alertes/${redId}`)))!.status()).toBe(404);
    expect(await page.textContent('main')).not.toContain(RED_HEADLINE);
    expect(watch.problems).toEqual([]);
  }, 180_000);

  it('shows the TLP:RED headline to the prefecture it was addressed to, its own département only', async () => {
    const { page, watch } = await signedIn(OFFICER, { at: '/escalades' });
    expect(await page.textContent('main')).toContain('pour le département 69');
    // Its first page holds the 50 seeded ones: the real ones come after.
    await pageWith(page, redId);
    expect(await row(page, redId).locator(`a[href="/alertes/${redId}"]`).textContent()).toBe(RED_HEADLINE);
    expect(await page.textContent('#escalades-tableau')).not.toContain('Corse-du-Sud');
    await expectAccessible(page);
    await page.click(`a[href="/alertes/${redId}"]`);
    await page.waitForURL(url(`/alertes/${redId}`));
    expect(await page.textContent('main')).toContain(RED_HEADLINE);
    expect(watch.problems).toEqual([]);
  }, 120_000);

  it('is not a partner’s page, and refuses a page link it did not write', async () => {
    const { page } = await signedIn(GUARD);
    await expectRefused(page, '/escalades');

    const { page: analyst } = await signedIn(ANALYST);
    for (const forged of ['..%2Fetc', 'bm90LWEtY3Vyc29y']) {
      expect((await analyst.goto(url(`/escalades?suite=${forged}`)))!.status()).toBe(400);
      expect(await analyst.textContent('main')).toContain('La demande n’a pas pu être comprise.');
      expect(await analyst.content()).not.toMatch(/at .*\.js/);
    }
  }, 120_000);
});
