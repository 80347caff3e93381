import { randomUUID } from 'node:crypto';
import type { components } from '@vigie/client';
import { Topics } from '@vigie/contracts';
import { messagesWithKey, prefectureOf, registerActivePartner, request, waitFor, type Partner } from '@vigie/testing';

import { e2eEnv } from './e2e.env';
import { useTestStack } from './test-stack';

const brokers = [e2eEnv.kafkaBrokers];

/** Names are unique per kind: every run brings its own. */
const run = randomUUID().slice(0, 8);

type ConventionBody = components['schemas']['ConventionView'];
type DirectoryEntry = components['schemas']['DirectoryEntryView'];

describe('partner registry: conventions, membership and referents', () => {
  const world = useTestStack('registry-conventions', 10);
  let conventions: Record<string, ConventionBody>;
  let firm: Partner;
  let otherFirm: Partner;
  let jeweller: Partner;
  let tobacconist: Partner;
  let mall: Partner;
  let rhone: { id: string; name: string; key: string };
  let ain: { id: string; name: string; key: string };

  const api = <T = any>(method: string, path: string, key: string, body?: unknown) =>
    request<T>(method, `${world.registry.registryUrl}${path}`, { key, body });

  /** A key with the given roles, issued by the administrator. */
  async function keyWith(organisationId: string, roles: string[]): Promise<string> {
    const issued = await api<{ key: string }>('POST', `/v1/organizations/${organisationId}/api-keys`, world.adminKey, {
      roles,
      label: 'registry conventions e2e',
    });
    expect(issued.status).toBe(201);
    return issued.body.key;
  }

  const makeMember = (conventionCode: string, organisationId: string, key: string) =>
    api('POST', `/v1/conventions/${conventions[conventionCode].id}/members`, key, { organisationId });

  const referent = (department: string, role: string, fullName: string) => ({
    department,
    role,
    fullName,
    email: `referent.${randomUUID().slice(0, 8)}@example.fr`,
    phone: '+33 4 72 00 00 00',
  });

  /** An organisation names a referent of its own, with its own key. */
  const addReferent = (organisation: Partner, body: object) =>
    api('POST', `/v1/organizations/${organisation.id}/referents`, organisation.key, body);

  beforeAll(async () => {
    firm = await registerActivePartner(world.registry, {
      kind: 'SECURITY_FIRM',
      name: `Sûreté Confluence ${run}`,
      departments: ['69'],
    });
    otherFirm = await registerActivePartner(world.registry, {
      kind: 'SECURITY_FIRM',
      name: `Gardiennage Saône ${run}`,
      departments: ['69'],
    });
    jeweller = await registerActivePartner(world.registry, {
      kind: 'JEWELLER',
      name: `Bijouterie des Terreaux ${run}`,
      departments: ['69'],
    });
    tobacconist = await registerActivePartner(world.registry, {
      kind: 'TOBACCONIST',
      name: `Tabac de la Croix-Rousse ${run}`,
      departments: ['69'],
    });
    mall = await registerActivePartner(world.registry, {
      kind: 'SHOPPING_SITE_OPERATOR',
      name: `Centre commercial Part-Dieu ${run}`,
      departments: ['69'],
    });
    const rhonePrefecture = await prefectureOf(world.registry, '69');
    rhone = { ...rhonePrefecture, key: await keyWith(rhonePrefecture.id, ['operator']) };
    const ainPrefecture = await prefectureOf(world.registry, '01');
    ain = { ...ainPrefecture, key: await keyWith(ainPrefecture.id, ['operator']) };

    const listed = await api<ConventionBody[]>('GET', '/v1/conventions', firm.key);
    expect(listed.status).toBe(200);
    conventions = Object.fromEntries(listed.body.map((convention) => [convention.code, convention]));
  }, 120_000);

  it('seeds the conventions of the press release, deployed in every département by default', async () => {
    expect(Object.keys(conventions).sort()).toEqual(
      ['jewellery-2018', 'large-retail-2019', 'private-security-2019', 'social-housing', 'tobacco'].sort(),
    );
    expect(conventions['private-security-2019']).toMatchObject({
      sector: 'PRIVATE_SECURITY',
      status: 'SIGNED',
      signedOn: '2019-02-11',
      signatories: ['USP', 'SNES', 'CDSE'],
    });
    expect(conventions['large-retail-2019']).toMatchObject({
      sector: 'LARGE_RETAIL',
      status: 'SIGNED',
      signedOn: '2019-02-19',
      signatories: ['CNCC', 'PERIFEM', 'Alliance du commerce'],
    });
    expect(conventions['jewellery-2018']).toMatchObject({
      sector: 'JEWELLERY',
      status: 'SIGNED',
      signedOn: '2018-12-01',
    });
    expect(conventions['social-housing']).toMatchObject({
      sector: 'SOCIAL_HOUSING',
      status: 'ANNOUNCED',
      signedOn: null,
    });
    expect(conventions['tobacco']).toMatchObject({ sector: 'TOBACCO', status: 'ANNOUNCED', signedOn: null });
    for (const convention of Object.values(conventions)) {
      expect(convention.departments).toEqual(expect.arrayContaining(['01', '2A', '69', '75', '971']));
    }

    const one = await api<ConventionBody>(
      'GET',
      `/v1/conventions/${conventions['private-security-2019'].id}`,
      firm.key,
    );
    expect(one.status).toBe(200);
    expect(one.body).toEqual(conventions['private-security-2019']);
    expect((await api('GET', `/v1/conventions/${randomUUID()}`, firm.key)).status).toBe(404);
  }, 60_000);

  it('lets the competent prefecture make a firm a member, and refuses another prefecture and the firm itself', async () => {
    const security = conventions['private-security-2019'];

    const byAin = await makeMember('private-security-2019', firm.id, ain.key);
    expect(byAin.status).toBe(403);
    const byItself = await makeMember('private-security-2019', firm.id, firm.key);
    expect(byItself.status).toBe(403);

    const byRhone = await makeMember('private-security-2019', firm.id, rhone.key);
    expect(byRhone.status).toBe(201);
    expect(byRhone.body).toMatchObject({
      conventionId: security.id,
      conventionCode: 'private-security-2019',
      organisationId: firm.id,
      joinedBy: expect.stringContaining(rhone.id),
    });

    // The membership travels in the firm's snapshot, which the other services entitle it from.
    await waitFor(
      async () => {
        const snapshots = await messagesWithKey(brokers, Topics.PartnerChangedV1, firm.id);
        return snapshots.some((message) =>
          (
            JSON.parse(message.value!.toString()) as { payload: { conventions: { conventionId: string }[] } }
          ).payload.conventions.some((membership) => membership.conventionId === security.id),
        );
      },
      { what: 'partner.changed.v1 with the firm’s membership', timeoutMs: 30_000, intervalMs: 500 },
    );

    const members = await api<{ organisationId: string }[]>('GET', `/v1/conventions/${security.id}/members`, rhone.key);
    expect(members.status).toBe(200);
    expect(members.body.map((member) => member.organisationId)).toContain(firm.id);
    expect((await api('GET', `/v1/conventions/${security.id}/members`, firm.key)).status).toBe(200);
    expect((await api('GET', `/v1/conventions/${security.id}/members`, otherFirm.key)).status).toBe(404);
  }, 60_000);

  it('refuses a member of another sector (400), an announced convention (409) and a second membership (409)', async () => {
    const wrongSector = await makeMember('private-security-2019', jeweller.id, rhone.key);
    expect(wrongSector.status).toBe(400);
    expect(wrongSector.body.details).toEqual([expect.objectContaining({ field: 'organisationId' })]);

    const announced = await makeMember('tobacco', tobacconist.id, rhone.key);
    expect(announced.status).toBe(409);

    const twice = await makeMember('private-security-2019', firm.id, rhone.key);
    expect(twice.status).toBe(409);
  }, 60_000);

  it('keeps one PRIMARY referent per organisation and département, in its départements only', async () => {
    const created = await addReferent(firm, referent('69', 'PRIMARY', 'Camille Martin'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ organisationId: firm.id, department: '69', role: 'PRIMARY' });

    const secondPrimary = await addReferent(firm, referent('69', 'PRIMARY', 'Dominique Bernard'));
    expect(secondPrimary.status).toBe(409);

    const elsewhere = await addReferent(firm, referent('01', 'DEPUTY', 'Dominique Bernard'));
    expect(elsewhere.status).toBe(400);

    const badContact = await addReferent(firm, {
      ...referent('69', 'DEPUTY', 'Dominique Bernard'),
      email: 'not-an-address',
      phone: '12345',
    });
    expect(badContact.status).toBe(400);
    expect((badContact.body.details as { field: string }[]).map((detail) => detail.field).sort()).toEqual([
      'email',
      'phone',
    ]);

    const listed = await api<{ id: string }[]>('GET', `/v1/organizations/${firm.id}/referents`, firm.key);
    expect(listed.status).toBe(200);
    expect(listed.body.map((entry) => entry.id)).toEqual([created.body.id]);
  }, 60_000);

  it('hides an organisation’s referents from other partners (404)', async () => {
    expect((await api('GET', `/v1/organizations/${firm.id}/referents`, otherFirm.key)).status).toBe(404);
    expect((await api('GET', `/v1/organizations/${firm.id}/referents`, mall.key)).status).toBe(404);
    expect((await api('GET', `/v1/organizations/${firm.id}/referents`, rhone.key)).status).toBe(200);
  }, 60_000);

  it('shows the 69 directory to the prefecture and to members, each member its own convention only', async () => {
    const prefectureReferent = await addReferent(rhone, referent('69', 'PRIMARY', `Claude Petit ${run}`));
    expect(prefectureReferent.status).toBe(201);
    expect((await makeMember('large-retail-2019', mall.id, rhone.key)).status).toBe(201);
    const mallReferent = await addReferent(mall, referent('69', 'PRIMARY', 'Sacha Durand'));
    expect(mallReferent.status).toBe(201);
    const firmReferent = (await api<{ id: string }[]>('GET', `/v1/organizations/${firm.id}/referents`, firm.key))
      .body[0];

    const directoryFor = async (key: string) => {
      const result = await api<DirectoryEntry[]>('GET', '/v1/departments/69/referents', key);
      return { status: result.status, ids: result.status === 200 ? result.body.map((entry) => entry.id) : [] };
    };

    const forPrefecture = await directoryFor(rhone.key);
    expect(forPrefecture.status).toBe(200);
    expect(forPrefecture.ids).toEqual(
      expect.arrayContaining([prefectureReferent.body.id, firmReferent.id, mallReferent.body.id]),
    );

    const forFirm = await directoryFor(firm.key);
    expect(forFirm.status).toBe(200);
    expect(forFirm.ids).toEqual(expect.arrayContaining([prefectureReferent.body.id, firmReferent.id]));
    expect(forFirm.ids).not.toContain(mallReferent.body.id);

    const forMall = await directoryFor(mall.key);
    expect(forMall.status).toBe(200);
    expect(forMall.ids).toEqual(expect.arrayContaining([prefectureReferent.body.id, mallReferent.body.id]));
    expect(forMall.ids).not.toContain(firmReferent.id);

    expect((await directoryFor(otherFirm.key)).status).toBe(404);
    expect((await directoryFor(ain.key)).status).toBe(404);
    expect((await api('GET', '/v1/departments/20/referents', rhone.key)).status).toBe(404);
  }, 60_000);
});
