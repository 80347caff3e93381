import type { Page } from 'playwright-core';
import { waitFor, waitUntilAccepted, type Partner } from '@vigie/testing';
import { intrusion, postAlert } from '../notification-fixtures';
import { personWithPassword } from './accounts';
import { consoleSuite, expectAccessible, tabTo } from './browser';
import { prefectureWithKey, securityFirm } from './organisations';

const OFFICER = { email: 'dominique.leroy@rhone.gouv.fr', fullName: 'Dominique Leroy', password: 'carte-du-rhone-69' };

// The alert page shows the commune on its département's outline, as inline SVG.
describe('console: the commune on a small map on the alert page', () => {
  let firm: Partner;
  const suite = consoleSuite('console-commune-map', 800, {
    async setUp({ registry, stack }) {
      firm = await securityFirm(registry, 'Gardiennage de la Presqu’île', ['69']);
      const rhone = await prefectureWithKey(registry, '69');
      await personWithPassword(registry, rhone.id, { ...OFFICER, roles: ['DUTY_OFFICER'] });
      await waitUntilAccepted(stack.url('alert-ingestion'), firm.key);
    },
  });
  const { url, signedIn } = suite;

  /** Opens the alert's page, which answers 404 until routing has reached the prefecture (asynchronously). */
  const openAlert = (page: Page, alertId: string) =>
    waitFor(async () => (await page.goto(url(`/alertes/${alertId}`)))?.status() === 200, {
      what: 'the alert page for the Rhône',
      timeoutMs: 20_000,
    });

  it('draws Lyon inside the outline of the Rhône, named in the caption, accessible and out of the tab order', async () => {
    const alertId = await postAlert(
      suite.stack,
      firm.key,
      intrusion('69123', 'Severe', 'Intrusion, quai Saint-Antoine'),
    );
    const { page } = await signedIn(OFFICER);
    await openAlert(page, alertId);

    const map = page.locator('figure.vigie-commune-map');
    expect(await map.locator('svg title').textContent()).toBe('Carte du Rhône, point sur Lyon');
    expect(await map.locator('figcaption').textContent()).toContain('Lyon dans le département Rhône (69)');
    expect(await map.locator('figcaption').textContent()).toContain('Contour approximatif');
    const inside = await page.evaluate(() => {
      const svg = document.querySelector<SVGSVGElement>('figure.vigie-commune-map svg')!;
      const outline = svg.querySelector<SVGPathElement>('path')!;
      const point = svg.querySelector<SVGCircleElement>('circle')!;
      const at = new DOMPoint(point.cx.baseVal.value, point.cy.baseVal.value);
      // A point just outside the view box is a control: the check can answer "outside".
      return { centre: outline.isPointInFill(at), corner: outline.isPointInFill(new DOMPoint(-5, -5)) };
    });
    expect(inside).toEqual({ centre: true, corner: false });
    await expectAccessible(page);

    // Keyboard: the map is an image, never a stop in the tab order; Tab goes from before it to the end of the page.
    const stops: boolean[] = [];
    await tabTo(page, '#acquitter button');
    for (let presses = 0; presses < 150; presses++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => ({
        inMap: Boolean(document.activeElement?.closest('figure.vigie-commune-map')),
        pastEnd: !document.activeElement || document.activeElement === document.body,
      }));
      if (where.pastEnd) break;
      stops.push(where.inMap);
    }
    expect(stops.length).toBeLessThan(149); // the end of the page was reached
    expect(stops).not.toContain(true);
    expect(await page.getAttribute('figure.vigie-commune-map svg', 'focusable')).toBe('false');
  }, 90_000);

  it('shows no map, and no error, when the alert has no commune', async () => {
    const alertId = await postAlert(suite.stack, firm.key, {
      ...intrusion('69123', 'Moderate', 'Rôdeur signalé, coordonnées seules'),
      location: { coordinates: { latitude: 45.75, longitude: 4.85 }, department: '69' },
    });
    const { page } = await signedIn(OFFICER);
    await openAlert(page, alertId);
    expect(await page.textContent('main')).toContain('Rôdeur signalé');
    expect(await page.locator('figure.vigie-commune-map').count()).toBe(0);
    await expectAccessible(page);
  }, 90_000);
});
