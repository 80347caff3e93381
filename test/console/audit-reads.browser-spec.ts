import type { Page } from 'playwright-core';
import { request, waitFor, type Partner } from '@vigie/testing';
import { intrusion, nationalLevel, postAlert, senderAndPrefecture } from '../notification-fixtures';
import { personWithPassword } from './accounts';
import { consoleSuite, expectAccessible, tabTo } from './browser';

const DUTY_OFFICER = {
  email: 'lucie.bernard@hautes-alpes.gouv.fr',
  fullName: 'Lucie Bernard',
  password: 'permanence-gap-05',
};
const NATIONAL = {
  email: 'claire.dumas@interieur.gouv.fr',
  fullName: 'Claire Dumas',
  password: 'journal-des-lectures-42',
};

// The national level sees who read which alert, in the audit viewer, with the keyboard, in Chromium.
describe('console: reads in the audit viewer', () => {
  let prefecture: { id: string; key: string };
  let national: Partner;
  let alertId: string;
  const suite = consoleSuite('console-audit-reads', 920, {
    async setUp({ registry, stack }) {
      const parties = await senderAndPrefecture(registry, stack, 'Embrun Sécurité', '05');
      prefecture = parties.prefecture;
      await personWithPassword(registry, prefecture.id, { ...DUTY_OFFICER, roles: ['DUTY_OFFICER'] });
      national = await nationalLevel(registry, ['operator']);
      await personWithPassword(registry, national.id, { ...NATIONAL, roles: ['ORGANISATION_ADMIN'] });
      alertId = await postAlert(
        stack,
        parties.firm.key,
        intrusion('05046', 'Severe', 'Intrusion au parc d’Embrun', 'AMBER'),
      );
      await waitFor(
        async () =>
          (await request('GET', `${stack.url('alert-ingestion')}/v1/alerts/${alertId}`, { key: prefecture.key }))
            .status === 200,
        { what: 'the alert to be routed to the prefecture', timeoutMs: 30_000 },
      );
    },
  });
  const { url, signedIn, enterTo, clickTo } = suite;

  const cells = (page: Page, column: number) =>
    page.$$eval(`#table-journal tbody tr td:nth-child(${column})`, (found) =>
      found.map((cell) => cell.textContent ?? ''),
    );
  const natures = (page: Page) =>
    page.$$eval('#table-journal tbody tr', (rows) => rows.map((row) => row.getAttribute('data-nature')));

  it('shows the reads alone, in words, chosen with the keyboard, and exports them as CSV', async () => {
    // The duty officer opens the alert in the console: the alert and its chain are read.
    const officer = await signedIn(DUTY_OFFICER, { at: `/alertes/${alertId}` });
    expect(await officer.page.textContent('h1')).toContain('Intrusion au parc d’Embrun');
    const sentence = `${DUTY_OFFICER.fullName} a consulté l’alerte ${alertId} (TLP:AMBER, département 05)`;
    // The reads reach the trail through Kafka: wait until the registry has them.
    await waitFor(
      async () => {
        const reads = await request<{ personId: string | null }[]>(
          'GET',
          `${suite.registry.registryUrl}/v1/audit?kind=read&entity=alert&entityId=${alertId}`,
          { key: national.key },
        );
        return reads.body.filter((read) => read.personId !== null).length === 2;
      },
      { what: 'the duty officer’s two reads in the trail', timeoutMs: 20_000 },
    );

    const { page, watch } = await signedIn(NATIONAL, { at: '/administration/journal' });
    await expectAccessible(page);
    expect(await page.isChecked('#nature-')).toBe(true);
    expect(new Set(await natures(page))).toEqual(new Set(['Lecture', 'Modification']));

    // "Lectures" chosen with the keyboard: into the group, up twice from "Tout", then the button.
    await tabTo(page, 'input[name="nature"]');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.isChecked('#nature-lectures')).toBe(true);
    await tabTo(page, 'form[action="/administration/journal"] button[type="submit"]');
    await enterTo(page, /\/administration\/journal\?nature=lectures/);
    await expectAccessible(page);
    expect(new Set(await natures(page))).toEqual(new Set(['Lecture']));
    const details = await cells(page, 6);
    expect(details).toContain(sentence);
    expect(details).toContain(
      `${DUTY_OFFICER.fullName} a consulté 1 message de l’alerte ${alertId} (TLP:AMBER, département 05)`,
    );
    // The national level's own reading of the journal is a read too.
    expect(details.some((detail) => detail.startsWith(`${NATIONAL.fullName} a consulté le journal d’audit`))).toBe(
      true,
    );
    expect(await cells(page, 3)).toContain('A consulté l’alerte');
    // The alert's content stays out of the trail.
    expect(await page.textContent('#table-journal')).not.toContain('Embrun');

    // "Modifications", with the mouse this time (the DSFR draws the radio on its label): the changes alone.
    await page.click('label[for="nature-modifications"]');
    expect(await page.isChecked('#nature-modifications')).toBe(true);
    await clickTo(page, 'form[action="/administration/journal"] button[type="submit"]', /nature=modifications/);
    expect(new Set(await natures(page))).toEqual(new Set(['Modification']));

    // The CSV of the reads says so in words, one read per line.
    const csv = await page.request.get(
      url(`/administration/journal.csv?nature=lectures&objet=alert&identifiant=${alertId}`),
    );
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).split('\r\n').filter((line) => line.length > 0);
    expect(lines[0]).toBe(
      '\uFEFFDate (heure de Paris);Qui;Action;Objet;Identifiant de l’objet;Organisation;Avant;Après;Nature;Lecture',
    );
    expect(lines.slice(1).every((line) => line.includes(';Lecture;'))).toBe(true);
    expect(lines.some((line) => line.endsWith(`;Lecture;${sentence}`))).toBe(true);
    expect(watch.problems).toEqual([]);
    expect(officer.watch.problems).toEqual([]);
  }, 120_000);

  it('says what is wrong with an unknown nature, and filters nothing', async () => {
    const { page, watch } = await signedIn(NATIONAL, { at: '/administration/journal?nature=rumeurs' });
    expect(await page.textContent('main')).toContain('Choisissez les lectures, les modifications ou tout.');
    expect(await page.locator('#table-journal').count()).toBe(0);
    await expectAccessible(page);
    expect((await page.request.get(url('/administration/journal.csv?nature=rumeurs'))).status()).toBe(400);
    expect(watch.problems).toEqual([]);
  }, 60_000);
});
