import {
  WebhookSink,
  request,
  waitFor,
  waitUntilAccepted,
  type Partner,
  type RegistryAccess,
  type Stack,
} from '@vigie/testing';
import { nationalLevel, registerWebhook } from '../notification-fixtures';
import { personWithPassword } from './accounts';
import { consoleSuite, expectAccessible, tabTo, typeWithKeyboard } from './browser';
import { securityFirm } from './organisations';

const PORT_OFFSET = 820;
const ADMIN = { email: 'ana.lopez@forez-veille.fr', fullName: 'Ana Lopez', password: 'administration-forez-42' };
const GUARD = { email: 'leo.martin@forez-veille.fr', fullName: 'Léo Martin', password: 'ronde-forez-veille-42' };
const RIVAL = { email: 'eva.morel@gier-gardes.fr', fullName: 'Éva Morel', password: 'administration-gier-42' };
const NATIONAL = { email: 'paul.simon@interieur.gouv.fr', fullName: 'Paul Simon', password: 'journal-national-101' };
const FORMULA_FIRM = '=SOMME(1;2) Sécurité';

/** The key id of a `vgk_<id>_<secret>` token. */
const keyIdOf = (token: string): string => token.split('_')[1];

// An organisation's administrator runs "Mon organisation", and the national level reads the audit trail, in Chromium.
describe('console: my organisation and the audit viewer', () => {
  let firm: Partner;
  let rival: Partner;
  let formulaFirm: Partner;
  let failing: WebhookSink;
  let webhookId: string;
  let deadDeliveryId: string;
  let adminId: string;
  const suite = consoleSuite('console-organisation', PORT_OFFSET, {
    // One attempt: a failing endpoint's delivery is dead at once.
    stack: { env: { WEBHOOK_MAX_ATTEMPTS: '1', WEBHOOK_DISABLE_AFTER_FAILURES: '100' }, startTimeoutMs: 240_000 },
    setUpTimeoutMs: 480_000,
    setUp: ({ registry, stack, adminKey }) => seed(registry, stack, adminKey),
  });
  const { url, signedIn, enterTo, tabAndEnterTo, openMenuWithKeyboard } = suite;

  /** The firms, their people, and a dead delivery to a failing endpoint. */
  async function seed(registry: RegistryAccess, stack: Stack, adminKey: string): Promise<void> {
    firm = await securityFirm(registry, 'Forez Veille', ['69', '42']);
    rival = await securityFirm(registry, 'Gier Gardes', ['42']);
    formulaFirm = await securityFirm(registry, FORMULA_FIRM, ['42'], { conventions: [] });
    await personWithPassword(registry, firm.id, { ...ADMIN, roles: ['ORGANISATION_ADMIN', 'DUTY_OFFICER'] });
    await personWithPassword(registry, firm.id, { ...GUARD, roles: ['DUTY_OFFICER'] });
    await personWithPassword(registry, rival.id, { ...RIVAL, roles: ['ORGANISATION_ADMIN', 'DUTY_OFFICER'] });
    const national = await nationalLevel(registry, ['subscriber']);
    await personWithPassword(registry, national.id, { ...NATIONAL, roles: ['ORGANISATION_ADMIN'] });
    const people = await request<{ id: string; email: string }[]>(
      'GET',
      `${registry.registryUrl}/v1/organizations/${firm.id}/people`,
      { key: adminKey },
    );
    adminId = people.body.find((person) => person.email === ADMIN.email)!.id;

    // The firm's endpoint answers 503: its test delivery is given up.
    await waitUntilAccepted(stack.url('notification'), firm.key);
    await waitUntilAccepted(stack.url('notification'), rival.key);
    failing = await WebhookSink.start(() => 503);
    webhookId = (await registerWebhook(stack, firm.key, failing.url)).id;
    const test = await request<{ id: string }>('POST', `${stack.url('notification')}/v1/webhooks/${webhookId}/test`, {
      key: firm.key,
    });
    deadDeliveryId = test.body.id;
    await waitFor(
      async () =>
        (
          await request<{ id: string }[]>('GET', `${stack.url('notification')}/v1/deliveries?state=dead`, {
            key: firm.key,
          })
        ).body.some((delivery) => delivery.id === deadDeliveryId) || undefined,
      { what: 'the test delivery to be dead', timeoutMs: 30_000 },
    );
  }

  afterAll(async () => {
    await failing?.close();
  });

  it('is run with the keyboard alone: a key shown once then revoked, an invitation, a subscription read as a sentence, a failing delivery sent again', async () => {
    const { page, watch } = await signedIn(ADMIN);
    await openMenuWithKeyboard(page, '/mon-organisation');
    await expectAccessible(page);

    // A key: its secret on one page, once.
    await typeWithKeyboard(page, '#cle-nom', 'Centrale d’alarme');
    await tabTo(page, '#roles-publisher');
    await page.keyboard.press('Space');
    await tabAndEnterTo(
      page,
      'form[action="/mon-organisation/cles"] button[type=submit]',
      '/mon-organisation/cle-creee',
    );
    await expectAccessible(page);
    const token = await page.inputValue('#secret');
    expect(token).toMatch(/^vgk_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}$/);
    expect(await page.textContent('main')).toContain('elle ne sera plus jamais affichée');
    expect(
      (await request('GET', `${suite.registry.registryUrl}/v1/organizations/${firm.id}`, { key: token })).status,
    ).toBe(200);
    await page.reload();
    expect(page.url()).toBe(url('/mon-organisation#cles'));
    // The secret (after vgk_<id>_) is nowhere on the page any more.
    expect(await page.content()).not.toContain(token.slice(41));
    const keyId = keyIdOf(token);
    expect(await page.textContent(`#table-cles tr[data-key="${keyId}"]`)).toContain(`vgk_${keyId.slice(0, 8)}…`);

    // ...revoked after a confirmation.
    await tabAndEnterTo(
      page,
      `a[href="/mon-organisation/cles/${keyId}/revocation"]`,
      `/mon-organisation/cles/${keyId}/revocation`,
    );
    await expectAccessible(page);
    await tabAndEnterTo(page, 'main form button[type=submit]', /\/mon-organisation\?fait=cle-revoquee/);
    expect(await page.textContent(`#table-cles tr[data-key="${keyId}"]`)).toContain('Révoquée le');
    expect(
      (await request('GET', `${suite.registry.registryUrl}/v1/organizations/${firm.id}`, { key: token })).status,
    ).toBe(401);

    // An invitation: its link shown once, the invitation then pending.
    await typeWithKeyboard(page, '#invitation-nom', 'Noa Bernard');
    await typeWithKeyboard(page, '#invitation-courriel', 'noa.bernard@forez-veille.fr');
    await tabAndEnterTo(
      page,
      'form[action="/mon-organisation/invitations"] button[type=submit]',
      '/mon-organisation/invitation-creee',
    );
    await expectAccessible(page);
    expect(await page.inputValue('#secret')).toMatch(new RegExp(`^${url('')}/invitation/vgi_`));
    await page.goto(url('/mon-organisation'));
    expect(await page.textContent('#table-invitations')).toContain('noa.bernard@forez-veille.fr');

    // A subscription, read as a sentence, then deleted.
    const departments = await page.$$eval('input[name=departments]', (boxes) =>
      boxes.map((box) => (box as HTMLInputElement).value),
    );
    expect([...departments].sort()).toEqual(['42', '69']);
    for (const code of departments) {
      await tabTo(page, `#departments-${code}`);
      await page.keyboard.press('Space');
    }
    expect(await page.isChecked('#minimumSeverity-Severe')).toBe(true);
    await tabTo(page, '#eventCodes-intrusion');
    await page.keyboard.press('Space');
    await tabAndEnterTo(
      page,
      'form[action="/mon-organisation/abonnements"] button[type=submit]',
      /\/mon-organisation\?fait=abonnement-ajoute/,
    );
    const places = departments[0] === '69' ? 'le Rhône et la Loire' : 'la Loire et le Rhône';
    const sentence = `Recevoir les alertes Graves ou Extrêmes de type intrusion dans ${places}`;
    expect(await page.textContent('#liste-abonnements')).toContain(sentence);
    await expectAccessible(page);
    await tabAndEnterTo(page, '#liste-abonnements button[type=submit]', /\/mon-organisation\?fait=abonnement-supprime/);
    expect(await page.textContent('main')).not.toContain(sentence);

    // The endpoint that fails: its dead delivery in words, sent again.
    const row = `#table-livraisons-en-echec tr[data-delivery="${deadDeliveryId}"]`;
    expect(await page.textContent(row)).toContain('Votre serveur a répondu par une erreur (HTTP 503).');
    expect(await page.textContent(row)).toContain('Abandonnée');
    await tabAndEnterTo(page, `${row} button[type=submit]`, `/mon-organisation/webhooks/${webhookId}?fait=renvoyee`);
    await expectAccessible(page);
    expect(await page.textContent(`#table-livraisons tr[data-delivery="${deadDeliveryId}"]`)).toMatch(
      /En attente|Abandonnée|Votre serveur a répondu par une erreur/,
    );
    await waitFor(async () => (failing.received.length >= 2 ? true : undefined), {
      what: 'the delivery sent again',
      timeoutMs: 20_000,
    });
    expect(watch.problems).toEqual([]);
  }, 180_000);

  it('shows a person without the administrator role what they may read, and nothing to change', async () => {
    const { page, watch } = await signedIn(GUARD, { at: '/mon-organisation' });
    await expectAccessible(page);
    const main = (await page.textContent('main')) ?? '';
    expect(main).toContain('Seuls les administrateurs de l’organisation voient et gèrent ses personnes.');
    expect(main).toContain('Seuls les administrateurs de l’organisation voient et gèrent ses clés d’API.');
    expect(await page.locator('form[action="/mon-organisation/cles"]').count()).toBe(0);
    expect(await page.locator('form[action="/mon-organisation/abonnements"]').count()).toBe(0);
    expect(await page.textContent('#table-webhooks')).toContain(failing.url);
    expect((await page.goto(url(`/mon-organisation/personnes/${adminId}`)))?.status()).toBe(403);
    expect(watch.problems).toEqual([]);
  }, 60_000);

  it('answers 404 to another firm’s administrator for this firm’s people, keys and webhooks', async () => {
    const { page } = await signedIn(RIVAL);
    for (const path of [
      `/mon-organisation/personnes/${adminId}`,
      `/mon-organisation/cles/${keyIdOf(firm.key)}/revocation`,
      `/mon-organisation/webhooks/${webhookId}`,
    ]) {
      expect([path, (await page.goto(url(path)))?.status()]).toEqual([path, 404]);
    }
    const csrf = await page.locator('input[name=_csrf]').first().inputValue();
    const revoke = await page.request.post(url(`/mon-organisation/cles/${keyIdOf(firm.key)}/revocation`), {
      form: { _csrf: csrf },
    });
    expect(revoke.status()).toBe(404);
    const redeliver = await page.request.post(
      url(`/mon-organisation/webhooks/${webhookId}/livraisons/${deadDeliveryId}/renvoi`),
      { form: { _csrf: csrf } },
    );
    expect(redeliver.status()).toBe(404);
    await page.goto(url('/mon-organisation'));
    const main = (await page.textContent('main')) ?? '';
    expect(main).not.toContain(failing.url);
    expect(main).not.toContain(ADMIN.email);
    expect(
      (await request('GET', `${suite.registry.registryUrl}/v1/organizations/${firm.id}`, { key: firm.key })).status,
    ).toBe(200);
  }, 60_000);

  it('lets the national level read who changed what, filtered, and export it as CSV with formulas neutralised', async () => {
    const { page, watch } = await signedIn(NATIONAL);
    await openMenuWithKeyboard(page, '/administration/journal');
    await expectAccessible(page);

    // By person: what the firm's administrator did through the console (the first test).
    await typeWithKeyboard(page, '#filtre-personne', adminId);
    await enterTo(page, /\/administration\/journal\?(.*&)?personne=/);
    await expectAccessible(page);
    const whoColumn = await page.$$eval('#table-journal tbody tr td:nth-child(2)', (cells) =>
      cells.map((cell) => cell.textContent),
    );
    expect(whoColumn.length).toBeGreaterThanOrEqual(5);
    expect(new Set(whoColumn)).toEqual(new Set([ADMIN.fullName]));
    const actions = await page.$$eval('#table-journal tbody tr td:nth-child(3)', (cells) =>
      cells.map((cell) => cell.textContent),
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'Clé d’API créée',
        'Clé d’API révoquée',
        'Personne invitée',
        'Abonnement ajouté',
        'Abonnement supprimé',
      ]),
    );

    // By object and date: today, the firm's key revocation only.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    await page.goto(url(`/administration/journal?objet=api-key&organisation=${firm.id}&du=${today}&au=${today}`));
    const revoked = await page.$$eval('#table-journal tbody tr td:nth-child(3)', (cells) =>
      cells.map((cell) => cell.textContent),
    );
    expect(revoked).toContain('Clé d’API révoquée');
    expect(new Set(revoked)).toEqual(new Set(['Clé d’API créée', 'Clé d’API révoquée']));
    await page.goto(url(`/administration/journal?objet=api-key&organisation=${firm.id}&au=2020-01-01`));
    expect(await page.locator('#table-journal').count()).toBe(0);
    await page.goto(url('/administration/journal?du=hier'));
    expect(await page.textContent('main')).toContain('Indiquez une date');

    // CSV: the firm named like a formula is exported as text, quoted.
    const csv = await page.request.get(url(`/administration/journal.csv?organisation=${formulaFirm.id}`));
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFDate (heure de Paris);Qui;Action;Objet;Identifiant de l’objet;Organisation;Avant;Après;Nature;Lecture',
    );
    const created = lines.find((line) => line.includes('Organisation créée'));
    expect(created).toContain(
      `Administrateur de la plateforme;Organisation créée;Organisation;${formulaFirm.id};"'=SOMME(1;2) Sécurité";`,
    );
    expect(lines.filter((line) => line.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(watch.problems).toEqual([]);
  }, 90_000);

  it('is not shown to a firm: the registry refuses its audit trail', async () => {
    const { page } = await signedIn(ADMIN);
    expect(await page.locator('a[href="/administration/journal"]').count()).toBe(0);
    expect((await page.goto(url('/administration/journal')))?.status()).toBe(403);
    expect((await page.request.get(url('/administration/journal.csv'))).status()).toBe(403);
  }, 60_000);
});
