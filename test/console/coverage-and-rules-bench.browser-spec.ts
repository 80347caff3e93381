import { randomUUID } from 'node:crypto';
import { prefectureOf, request, waitFor, waitUntilAccepted, type Partner } from '@vigie/testing';
import { PRIVATE_SECURITY, nationalLevel } from '../notification-fixtures';
import { personWithPassword } from './accounts';
import {
  chooseSevereIntrusionWithKeyboard,
  consoleSuite,
  expectAccessible,
  menuLink,
  screenshot,
  tabTo,
} from './browser';
import { securityFirm } from './organisations';

/** The test database is shared by every run: each brings its own people and firms. */
const run = randomUUID().slice(0, 8);
const person = (name: string, domain: string, password: string) => ({
  email: `${name}.${run}@${domain}`,
  fullName: name
    .split('.')
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join(' '),
  password,
});
const ADMINISTRATOR = person('ines.garnier', 'interieur.gouv.fr', 'banc-d-essai-national-75');
const ANALYST = person('paul.marchand', 'interieur.gouv.fr', 'vue-nationale-couverture');
const OFFICER = person('lina.chevalier', 'lozere.gouv.fr', 'permanence-lozere-48');
const GUARD = person('theo.brunel', 'causses-gardiennage.fr', 'ronde-causses-48-nuit');
const MENDE = '48095';
const AURILLAC = '15014';

interface Coverage {
  conventions: { code: string; departments: { department: string; members: number; sites: number }[] }[];
}

// Convention coverage and the rules test bench in Chromium, against the real stack.
describe('console: convention coverage and the rules test bench', () => {
  let firm: Partner;
  let outsider: Partner;
  let nationalKey: string;
  const suite = consoleSuite('console-coverage-and-rules-bench', 880, {
    async setUp({ registry, stack }) {
      firm = await securityFirm(registry, `Gardiennage des Causses ${run}`, ['48', '15']);
      outsider = await securityFirm(registry, `Surveillance de l’Aubrac ${run}`, ['48'], { conventions: [] });
      const site = await request('POST', `${registry.registryUrl}/v1/organizations/${firm.id}/sites`, {
        key: registry.adminKey,
        body: { name: 'Entrepôt de Mende', kind: 'WAREHOUSE', commune: MENDE },
      });
      expect(site.status).toBe(201);
      const national = await nationalLevel(registry, ['subscriber']);
      nationalKey = national.key;
      await personWithPassword(registry, national.id, { ...ADMINISTRATOR, roles: ['ORGANISATION_ADMIN'] });
      await personWithPassword(registry, national.id, { ...ANALYST, roles: ['NATIONAL_ANALYST'] });
      const lozere = await prefectureOf(registry, '48');
      await personWithPassword(registry, lozere.id, { ...OFFICER, roles: ['DUTY_OFFICER'] });
      await personWithPassword(registry, firm.id, { ...GUARD, roles: ['DUTY_OFFICER', 'ORGANISATION_ADMIN'] });
      await waitUntilAccepted(stack.url('alert-ingestion'), firm.key);
      // Routing knows the firm as a member once its key is accepted there.
      await waitUntilAccepted(stack.url('prefect-routing'), firm.key);
    },
  });
  const { url, signedIn, enterTo, openMenuWithKeyboard } = suite;

  const coverageOf48 = async () => {
    const coverage = await request<Coverage>('GET', `${suite.registry.registryUrl}/v1/conventions/coverage`, {
      key: nationalKey,
    });
    return coverage.body.conventions
      .find((convention) => convention.code === PRIVATE_SECURITY)!
      .departments.find((entry) => entry.department === '48')!;
  };

  it('shows the national level every département’s members and sites per convention, with a CSV export', async () => {
    const { page, watch } = await signedIn(ANALYST);
    await openMenuWithKeyboard(page, '/conventions');
    await expectAccessible(page);
    expect(await page.textContent('h1')).toBe('Couverture des conventions');
    expect(await page.textContent('main')).toContain('pour toute la France');
    expect(await page.textContent('caption')).toBe('Adhérents actifs et sites par convention et par département');
    // The Lozère's row says what the registry counts: at least the firm and its site.
    const expected = await coverageOf48();
    expect(expected.members).toBeGreaterThanOrEqual(1);
    const cell = (column: string) =>
      page.textContent(`#couverture-tableau tr[data-department="48"] td[headers~="${column}-${PRIVATE_SECURITY}"]`);
    expect(await page.textContent('#couverture-tableau tr[data-department="48"] th')).toBe('Lozère (48)');
    expect([await cell('adherents'), await cell('sites')]).toEqual([String(expected.members), String(expected.sites)]);
    expect(await page.$$eval('#couverture-tableau tbody tr', (rows) => rows.length)).toBeGreaterThanOrEqual(101);
    // The bench is not for an analyst: no link.
    expect(await page.$('a[href="/administration/banc-de-regles"]')).toBeNull();
    await screenshot(page, 'couverture-des-conventions');

    const csv = await page.request.get(url('/conventions.csv'));
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('\uFEFFCode;Convention;Département;Nom du département;Adhérents actifs;Sites');
    expect(text).toContain(
      `${PRIVATE_SECURITY};Convention de partenariat État – sécurité privée;48;Lozère;${expected.members};${expected.sites}`,
    );
    expect(watch.problems).toEqual([]);
  }, 120_000);

  it('lets a national administrator try an alert with the keyboard alone: every recipient and its rule, nothing sent', async () => {
    const { page, watch } = await signedIn(ADMINISTRATOR);
    await openMenuWithKeyboard(page, '/administration/banc-de-regles');
    await expectAccessible(page);

    await tabTo(page, '#sender');
    await page.keyboard.type(firm.name);
    expect(await page.inputValue('#sender')).toBe(firm.id);
    await tabTo(page, '#communeQuery');
    await page.keyboard.type('mende');
    await page.waitForSelector(`#communes-trouvees input[value="${MENDE}"]`);
    await tabTo(page, `#commune-${MENDE}`);
    await page.keyboard.press('Space');
    expect(await page.isChecked(`#commune-${MENDE}`)).toBe(true);
    await chooseSevereIntrusionWithKeyboard(page);
    await tabTo(page, '#essayer');
    await enterTo(page, '/administration/banc-de-regles#resultat');
    await page.waitForSelector('#resultat');
    await expectAccessible(page);

    const prefecture = page.locator('#essai-destinataires tr', { hasText: 'Préfecture de la Lozère' });
    expect(await prefecture.count()).toBe(1);
    expect(await prefecture.locator('li[data-rule="competent-prefecture"]').textContent()).toContain(
      'Préfecture compétente pour le département',
    );
    expect(await page.textContent('#essai-resume')).toContain(`Mende (Lozère), signalé par ${firm.name}`);
    expect(await page.textContent('main')).toContain('Rien n’a été envoyé ni enregistré');
    // What was tried stays in the form, to try a variant.
    expect(await page.inputValue('#sender')).toBe(firm.id);
    expect(await page.isChecked(`#commune-${MENDE}`)).toBe(true);
    await screenshot(page, 'banc-d-essai-des-regles');

    // Nothing was sent: the firm has sent no alert.
    const sent = await request<unknown[]>('GET', `${suite.stack.url('alert-ingestion')}/v1/sent-alerts`, {
      key: firm.key,
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual([]);
    expect(watch.problems).toEqual([]);
  }, 120_000);

  it('says what is missing, and offers no organisation that may publish nowhere', async () => {
    const { page, watch } = await signedIn(ADMINISTRATOR, { at: '/administration/banc-de-regles' });
    const [empty] = await Promise.all([page.waitForResponse(/banc-de-regles/), page.click('#essayer')]);
    expect(empty.status()).toBe(400);
    const errors = await page.textContent('.fr-alert--error');
    expect(errors).toContain('Choisissez l’émetteur.');
    expect(errors).toContain('Cherchez puis choisissez la commune');
    await expectAccessible(page);

    // The firm outside every convention is not offered: routing does not let it publish anywhere.
    expect(await page.$(`#sender option[value="${outsider.id}"]`)).toBeNull();
    expect(watch.problems).toEqual([]);
  }, 120_000);

  it('works without JavaScript: the commune is searched with the button, the trial is shown', async () => {
    const { page } = await signedIn(ADMINISTRATOR, { javaScript: false, at: '/administration/banc-de-regles' });
    await page.selectOption('#sender', firm.id);
    await page.fill('#communeQuery', 'mende');
    await Promise.all([page.waitForResponse(/banc-de-regles/), page.click('button[value="chercher"]')]);
    expect(await page.inputValue('#sender')).toBe(firm.id);
    await page.click(`label[for="commune-${MENDE}"]`);
    await page.selectOption('#eventCode', 'theft');
    await page.click('label[for="severity-Minor"]');
    await page.click('label[for="status-Exercise"]');
    const [tried] = await Promise.all([page.waitForResponse(/banc-de-regles/), page.click('#essayer')]);
    expect(tried.status()).toBe(200);
    expect(await page.textContent('#essai-resume')).toContain('(exercice), gravité mineure, à Mende (Lozère)');
    expect(await page.$('#essai-destinataires')).not.toBeNull();
  }, 120_000);

  it('keeps a prefecture to its département, and partners and analysts out', async () => {
    const { page, watch } = await signedIn(OFFICER, { at: '/conventions' });
    expect(await page.textContent('main')).toContain('pour le département 48');
    expect(
      await page.$$eval('#couverture-tableau tbody tr', (rows) => rows.map((row) => row.dataset.department)),
    ).toEqual(['48']);
    await expectAccessible(page);

    await page.click(menuLink('/administration/banc-de-regles'));
    await page.waitForURL(url('/administration/banc-de-regles'));
    await waitFor(async () => (await page.$(`#sender option[value="${firm.id}"]`)) !== null || undefined, {
      what: 'the firm among the Lozère’s senders',
    });
    await page.selectOption('#sender', firm.id);
    await page.fill('#communeQuery', 'aurillac');
    await page.waitForSelector(`#communes-trouvees input[value="${AURILLAC}"]`);
    await page.click(`label[for="commune-${AURILLAC}"]`);
    await page.selectOption('#eventCode', 'intrusion');
    await page.click('label[for="severity-Moderate"]');
    const [refused] = await Promise.all([page.waitForResponse(/banc-de-regles/), page.click('#essayer')]);
    expect(refused.status()).toBe(403);
    expect(await page.textContent('.fr-alert--error')).toContain('il n’est pas de votre compétence');
    await expectAccessible(page);
    expect(watch.problems).toEqual([]);

    for (const who of [GUARD, ANALYST]) {
      const { page: other } = await signedIn(who);
      const bench = await other.goto(url('/administration/banc-de-regles'));
      expect(bench!.status()).toBe(403);
      expect(await other.textContent('h1')).toBe('Accès refusé');
      // Posted with the session's CSRF token (from the sign-out form): refused all the same.
      const csrf = (await other.getAttribute('input[name=_csrf]', 'value'))!;
      const posted = await other.request.post(url('/administration/banc-de-regles'), {
        form: { _csrf: csrf, sender: firm.id, commune: MENDE, eventCode: 'intrusion', severity: 'Severe' },
      });
      expect(posted.status()).toBe(403);
      expect(await posted.text()).toContain('Accès refusé');
    }
    const { page: guardPage } = await signedIn(GUARD);
    expect((await guardPage.goto(url('/conventions')))!.status()).toBe(403);
    expect(await guardPage.$('a[href="/conventions"]')).toBeNull();
    expect(await guardPage.$('a[href="/administration/banc-de-regles"]')).toBeNull();
  }, 120_000);
});
