import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  ALL_PARTNER_ROLES,
  issueKey,
  prefectureOf,
  request,
  waitFor,
  waitUntilAccepted,
  type RegistryAccess,
  type Stack,
} from '@vigie/testing';
import { bandOf } from '../../apps/console/src/components/france-map';
import { BANDS } from '../../apps/console/src/pages/national/national.model';
import { intrusion, nationalLevel, postAlert } from '../notification-fixtures';
import { personWithPassword } from './accounts';
import { consoleSuite, expectAccessible, menuLink, screenshot, tabTo } from './browser';
import { securityFirm } from './organisations';

const PORT_OFFSET = 700;
const LYON = '69123';
const AJACCIO = '2A004';
const SAINT_DENIS_REUNION = '97411';
const RED_HEADLINE = 'Menace sur un transport de fonds, Lyon';
const ANALYST = { email: 'lea.moreau@interieur.gouv.fr', fullName: 'Léa Moreau', password: 'vue-nationale-101' };
const OFFICER = { email: 'noe.girard@rhone.gouv.fr', fullName: 'Noé Girard', password: 'permanence-rhone-69' };

// A national analyst's map of France and trends in Chromium, against the real stack.
describe('console: the national pages in a real browser', () => {
  let national: { id: string; key: string };
  let rhoneKey: string;
  const suite = consoleSuite('console-national', PORT_OFFSET, {
    // A loaded machine can take minutes to start four services (the official lists are parsed at start).
    stack: { startTimeoutMs: 240_000 },
    setUpTimeoutMs: 480_000,
    setUp: ({ registry, stack }) => seed(registry, stack),
  });
  const { url, signedIn, enterTo, clickTo, expectRefused } = suite;

  const fillOf = (page: Page, code: string): Promise<string | null> =>
    page.getAttribute(`svg.vigie-map a[data-department="${code}"] path`, 'fill');

  // The test database is shared with the other specs: figures are compared with what the APIs count.
  type Counts = { department: string; count: number }[];
  const countOf = (counts: Counts, code: string): number => counts.find((row) => row.department === code)?.count ?? 0;
  const alertFigures = async (key: string, days: number) => {
    const to = new Date();
    const from = new Date(to.getTime() - days * 86_400_000);
    const query = `from=${from.toISOString()}&to=${to.toISOString()}`;
    return (
      await request<{
        total: number;
        byDepartment: Counts;
        byDayAndEventCode: { day: string; eventCode: string; count: number }[];
        byDayAndSeverity: { day: string; severity: string; count: number }[];
      }>('GET', `${suite.stack.url('alert-ingestion')}/v1/statistics/alerts?${query}`, { key })
    ).body;
  };
  const openEscalations = async (): Promise<Counts> =>
    (
      await request<{ byDepartment: Counts }>('GET', `${suite.stack.url('notification')}/v1/statistics/escalations`, {
        key: national.key,
      })
    ).body.byDepartment;

  /** The spec's partners, people and alerts: figures and an escalation to draw. */
  async function seed(registry: RegistryAccess, stack: Stack): Promise<void> {
    const firms = await Promise.all(
      ['69', '2A', '974'].map((department) => securityFirm(registry, `Gardiennage du ${department}`, [department])),
    );
    for (const firm of firms) await waitUntilAccepted(stack.url('alert-ingestion'), firm.key);
    national = await nationalLevel(registry, ALL_PARTNER_ROLES);
    await waitUntilAccepted(stack.url('notification'), national.key);
    await personWithPassword(registry, national.id, { ...ANALYST, roles: ['NATIONAL_ANALYST'] });
    const rhone = await prefectureOf(registry, '69');
    await personWithPassword(registry, rhone.id, { ...OFFICER, roles: ['DUTY_OFFICER'] });
    rhoneKey = await issueKey(registry, rhone.id);
    await waitUntilAccepted(stack.url('alert-ingestion'), rhoneKey);

    const [lyonFirm, corsicaFirm, reunionFirm] = firms;
    await postAlert(stack, lyonFirm.key, intrusion(LYON, 'Minor', 'Intrusion mineure, Lyon'));
    // Severe, TLP:RED and naming no one: counted, but it reaches no one (not even its prefecture, nor the national level).
    await postAlert(stack, lyonFirm.key, intrusion(LYON, 'Severe', RED_HEADLINE, 'RED'));
    await postAlert(stack, corsicaFirm.key, intrusion(AJACCIO, 'Severe', 'Intrusion grave, Ajaccio'));
    await postAlert(stack, reunionFirm.key, intrusion(SAINT_DENIS_REUNION, 'Moderate', 'Intrusion, Saint-Denis'));
    await postAlert(stack, reunionFirm.key, intrusion(SAINT_DENIS_REUNION, 'Minor', 'Vol, Saint-Denis'));
    // The Severe GREEN alert arms an escalation for its prefecture (the TLP:RED one reaches no one it did not name).
    await waitFor(
      async () => {
        const open = await openEscalations();
        return countOf(open, '2A') >= 1 ? true : undefined;
      },
      { what: 'the escalation of the Severe alert of Corse-du-Sud', timeoutMs: 60_000 },
    );
  }

  it('shows the 101 départements, each a link coloured by its alerts, with the same figures in a table', async () => {
    const { page, watch } = await signedIn(ANALYST);
    await clickTo(page, menuLink('/carte'), '/carte');
    await expectAccessible(page);

    const linked = await page.$$eval('svg.vigie-map a', (links) =>
      links.map((link) => ({ href: link.getAttribute('href'), label: link.getAttribute('aria-label') })),
    );
    const departments = (
      JSON.parse(readFileSync(require.resolve('@etalab/decoupage-administratif/data/departements.json'), 'utf8')) as {
        code: string;
        zone: string;
      }[]
    ).filter((department) => department.zone !== 'com');
    expect(departments).toHaveLength(101);
    expect(linked.map((link) => link.href).sort()).toEqual(
      departments.map((department) => `/departements/${department.code}`).sort(),
    );
    expect(linked.every((link) => link.label && /\(\w+\) : \d+ alertes?$/.test(link.label))).toBe(true);
    for (const overseas of ['971', '972', '973', '974', '976']) {
      expect(await page.isVisible(`svg.vigie-map a[data-department="${overseas}"] path`)).toBe(true);
    }

    // Each département filled by the band of its own count, and the table says the same as the API.
    const lastDay = (await alertFigures(national.key, 1)).byDepartment;
    for (const [code, posted] of [
      ['974', 2],
      ['2A', 1],
      ['69', 2],
    ] as const) {
      const count = countOf(lastDay, code);
      expect(count).toBeGreaterThanOrEqual(posted);
      expect(await fillOf(page, code)).toBe(bandOf(BANDS.alertes, count).fill);
      expect(await page.textContent(`#carte-tableau tr:has(a[href="/departements/${code}"]) td:last-child`)).toBe(
        String(count),
      );
    }
    for (const link of linked) {
      const count = Number(/: (\d+) alertes?$/.exec(link.label!)![1]);
      const code = link.href!.split('/').pop()!;
      expect(await fillOf(page, code)).toBe(bandOf(BANDS.alertes, count).fill);
    }
    expect(await page.textContent('#carte-tableau tr:has(a[href="/departements/974"])')).toContain('La Réunion (974)');
    expect(await page.textContent('main')).toContain('2 à 4 alertes');
    await screenshot(page, 'carte-de-france');
    expect(watch.problems).toEqual([]);
  }, 120_000);

  it('is reached with the keyboard: Tab from one département to the next, Enter opens 2A', async () => {
    const { page, watch } = await signedIn(ANALYST, { at: '/carte' });
    await tabTo(page, 'svg.vigie-map a[data-department="19"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-department'))).toBe('2A');
    await enterTo(page, '/departements/2A');
    expect(await page.textContent('h1')).toBe('Corse-du-Sud (2A)');
    expect(await page.textContent('#alertes-du-departement')).toContain('Intrusion grave, Ajaccio');
    await expectAccessible(page);
    expect(watch.problems).toEqual([]);
  }, 120_000);

  it('opens La Réunion from its inset; a département page counts what it may not show', async () => {
    const { page, watch } = await signedIn(ANALYST, { at: '/carte' });
    await clickTo(page, 'svg.vigie-map a[data-department="974"]', '/departements/974');
    expect(await page.textContent('h1')).toBe('La Réunion (974)');
    await expectAccessible(page);

    // The Rhône: two alerts counted, but the TLP:RED one was not addressed to the national level.
    await page.goto(url('/departements/69'));
    const shown = /(\d+)alertes des dernières 24 heures/.exec((await page.textContent('main'))!);
    expect(Number(shown![1])).toBeGreaterThanOrEqual(2);
    expect(await page.textContent('main')).not.toContain(RED_HEADLINE);
    expect((await page.goto(url('/departements/99')))!.status()).toBe(404);
    expect(watch.problems).toEqual([]);
  }, 120_000);

  it('switches the colouring to open escalations with a link (no script needed)', async () => {
    const { page, watch } = await signedIn(ANALYST, { at: '/carte' });
    await clickTo(page, 'a[href="/carte?couleur=escalades"]', '/carte?couleur=escalades');
    expect(await page.getAttribute('a[href="/carte?couleur=escalades"]', 'aria-current')).toBe('page');
    const open = await openEscalations();
    for (const code of ['2A', '69', '974']) {
      expect(await fillOf(page, code)).toBe(bandOf(BANDS.escalades, countOf(open, code)).fill);
    }
    const corsica = countOf(open, '2A');
    expect(corsica).toBeGreaterThanOrEqual(1);
    expect(await page.getAttribute('svg.vigie-map a[data-department="2A"]', 'aria-label')).toBe(
      `Corse-du-Sud (2A) : ${corsica} ${corsica > 1 ? 'escalades' : 'escalade'} en cours`,
    );
    await expectAccessible(page);

    const { page: plain } = await signedIn(ANALYST, { javaScript: false, at: '/carte?couleur=escalades' });
    expect(await plain.getAttribute('svg.vigie-map a[data-department="2A"] path', 'fill')).toBe(
      bandOf(BANDS.escalades, corsica).fill,
    );
    expect(watch.problems).toEqual([]);
  }, 120_000);

  it('draws the trends by event type and severity, and gives the same figures as CSV', async () => {
    const { page, watch } = await signedIn(ANALYST);
    await clickTo(page, menuLink('/tendances'), '/tendances');
    await expectAccessible(page);
    expect(await page.textContent('#par-type title')).toBe('Alertes par jour et par type d’événement, 30 jours');
    const month = await alertFigures(national.key, 30);
    expect(month.total).toBeGreaterThanOrEqual(5);
    expect(await page.textContent('#par-type desc')).toContain(`${month.total} alertes sur les 30 derniers jours.`);
    expect(await page.textContent('#par-gravite desc')).toContain('Grave : ');
    expect(await page.$$eval('#par-type svg rect', (bars) => bars.length)).toBeGreaterThan(0);
    await page.click('#par-gravite summary');
    expect(await page.isVisible('#par-gravite table')).toBe(true);
    await screenshot(page, 'tendances');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a[href="/tendances.csv?jours=30"]'),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(download.suggestedFilename()).toBe('tendances.csv');
    expect(csv).toContain('Jour;Regroupement;Valeur;Nombre d’alertes');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    const intrusions = month.byDayAndEventCode.find((row) => row.day === today && row.eventCode === 'intrusion')!;
    const severe = month.byDayAndSeverity.find((row) => row.day === today && row.severity === 'Severe')!;
    expect(intrusions.count).toBeGreaterThanOrEqual(5);
    expect(severe.count).toBeGreaterThanOrEqual(2);
    expect(csv).toContain(`${today};Type d’événement;Intrusion;${intrusions.count}\r\n`);
    expect(csv).toContain(`${today};Gravité;Grave;${severe.count}\r\n`);

    await clickTo(page, 'a[href="/tendances?jours=90"]', '/tendances?jours=90');
    expect(await page.textContent('#par-type title')).toContain('90 jours');
    await expectAccessible(page);
    expect(watch.problems).toEqual([]);
  }, 120_000);

  it('lists the time to acknowledge per prefecture, sorted by a link, reached with the keyboard only', async () => {
    const { page, watch } = await signedIn(ANALYST);
    await suite.openMenuWithKeyboard(page, '/delais-acquittement');
    await expectAccessible(page);
    expect(await page.textContent('main')).toContain('pour toute la France');
    // The escalation of Corse-du-Sud is not acknowledged: counted, with no delay yet.
    const corsica = page.locator('#delais-tableau tr', { hasText: 'Corse-du-Sud (2A)' });
    expect(await corsica.locator('td').nth(2).textContent()).not.toBe('0');
    expect(await page.textContent('#delais-tableau')).not.toContain(RED_HEADLINE);
    await tabTo(page, 'a[href="/delais-acquittement?jours=30&tri=non-acquittees"]');
    await enterTo(page, '/delais-acquittement?jours=30&tri=non-acquittees');
    expect(await page.textContent('#delais-tableau thead')).toContain('Non acquittées (tri actuel)');
    await expectAccessible(page);
    expect(watch.problems).toEqual([]);
  }, 120_000);

  it('gives a prefecture its own trends and département, never the map nor another département', async () => {
    const { page } = await signedIn(OFFICER);
    await expectRefused(page, '/carte');
    expect((await page.goto(url('/departements/2A')))!.status()).toBe(404);
    expect((await page.goto(url('/departements/69')))!.status()).toBe(200);
    expect(await page.textContent('main')).toContain('Intrusion mineure, Lyon');
    expect(await page.textContent('main')).not.toContain(RED_HEADLINE);
    await page.goto(url('/tendances'));
    expect(await page.textContent('main')).toContain('pour le département 69');
    const own = await alertFigures(rhoneKey, 30);
    expect(own.total).toBeGreaterThanOrEqual(2);
    expect(await page.textContent('#par-type desc')).toContain(`${own.total} alertes sur les 30 derniers jours`);
    await page.goto(url('/delais-acquittement'));
    expect(await page.textContent('main')).toContain('pour le département 69');
    expect(await page.textContent('main')).not.toContain('Corse-du-Sud');
  }, 120_000);
});
