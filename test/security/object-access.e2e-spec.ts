import { randomUUID } from 'node:crypto';
import { issueKey, prefectureOf, waitUntilAccepted, withIdentity, type ServiceName } from '@vigie/testing';
import { LIST_QUERIES, OBJECT_ROUTES, ROUTES_NOT_OWNED_BY_AN_ORGANISATION } from './object-routes';
import { fillPath, pathWith, routeName, type Route } from './route-inventory';
import {
  ATTACKER_DEPARTMENT,
  JEWELLERY,
  NOTES,
  PRIVATE_SECURITY,
  VICTIM_DEPARTMENT,
  alertIn,
  is2xx,
  recordAttack,
  useSecurityWorld,
} from './security-world';

/** Object-level access and privilege: organisation A against B's records, keys beyond their roles. */
describe("security: another organisation's records and privileges", () => {
  const world = useSecurityWorld('security-object-access', 180, { victimRecords: true });

  it("never lets organisation A read or change B's records through any route: 404/403, nothing of B returned or changed", async () => {
    const { routes, targets, attacker, victim, call } = world;
    const foreignRecordsIn = world.foreignRecordsIn.bind(world);
    const classified = new Set([...Object.keys(OBJECT_ROUTES), ...Object.keys(ROUTES_NOT_OWNED_BY_AN_ORGANISATION)]);
    const unclassified = routes
      .filter((route) => route.pathParameters.length > 0 && !classified.has(routeName(route)))
      .map((route) => `${route.service} ${routeName(route)}`);
    expect(unclassified).toEqual([]); // add each new route to test/security/object-routes.ts

    const before = await world.victimState();
    const problems: string[] = [];
    let sent = 0;
    let accepted = 0;
    let foreign = 0;
    const attempt = async (route: Route, path: string, json: unknown, allowed: number[]) => {
      const answer = await call(route.service, route.method, path, { key: attacker.key, json });
      sent += 1;
      if (is2xx(answer) && !allowed.includes(answer.status)) accepted += 1;
      const named = `${path} ${JSON.stringify(json ?? null)}`;
      if (foreignRecordsIn(answer, named)) foreign += 1;
      if (!allowed.includes(answer.status) || foreignRecordsIn(answer, named)) {
        problems.push(`${routeName(route)} → ${path}: ${answer.status} ${answer.text.slice(0, 300)}`);
      }
      return answer;
    };

    for (const route of routes.filter((candidate) => OBJECT_ROUTES[routeName(candidate)])) {
      for (const { params, body } of OBJECT_ROUTES[routeName(route)](targets)) {
        const path = fillPath(route, params);
        await attempt(route, path, body ?? (route.takesBody ? {} : undefined), [403, 404]);
        // The ids are real: their owner reads them.
        if (route.method === 'GET') {
          const owner = await call(route.service, 'GET', path, { key: victim.key });
          if (owner.status !== 200) problems.push(`control: the victim cannot read ${path} (${owner.status})`);
        }
      }
    }
    // Lists, reference data and scoped views: whatever they answer, nothing of B is in it.
    for (const route of routes.filter((candidate) => candidate.method === 'GET' && !candidate.public)) {
      const name = routeName(route);
      if (OBJECT_ROUTES[name]) continue;
      const params = ROUTES_NOT_OWNED_BY_AN_ORGANISATION[name]?.(targets) ?? {};
      await attempt(
        route,
        `${fillPath(route, params)}${LIST_QUERIES[name]?.(targets) ?? ''}`,
        undefined,
        [200, 403, 404],
      );
    }
    const after = await world.victimState();
    const changed = before === after ? 0 : 1;
    recordAttack({
      scenario: `object-level authorisation: B's organisation, keys, convention, referents, sites, subscriptions, alerts, routing decisions, acknowledgements, escalations, deliveries, broadcasts, webhooks tried by A on ${Object.keys(OBJECT_ROUTES).length} routes + every list`,
      sent,
      accepted,
      delivered: foreign,
      duplicateEffects: changed,
      notes: NOTES.common,
    });
    expect(problems).toEqual([]);
    expect(after).toEqual(before);
    world.expectNothingDisclosed('the object-level authorisation attacks');
  }, 180_000);

  it('keeps partner keys to their roles and out of admin, prefecture and broadcast routes, and each prefecture to its départements', async () => {
    const { stack, routes, registry, targets, attacker, sender, outsider, conventions, lozereOperator, adminKey } =
      world;
    const { call, registryCall } = world;
    const foreignRecordsIn = world.foreignRecordsIn.bind(world);
    const [publisherOnly, subscriberOnly, operatorOnly] = await Promise.all(
      [['publisher'], ['subscriber'], ['operator']].map((roles) => issueKey(registry, attacker.id, roles)),
    );
    const creuse = await prefectureOf(registry, VICTIM_DEPARTMENT);
    const lozere = await prefectureOf(registry, ATTACKER_DEPARTMENT);
    for (const key of [publisherOnly, subscriberOnly, operatorOnly]) {
      for (const service of ['alert-ingestion', 'notification'] as const)
        await waitUntilAccepted(stack.url(service), key);
    }
    const firmIn = (department: string) =>
      withIdentity({
        kind: 'SECURITY_FIRM',
        name: `Société usurpée ${randomUUID().slice(0, 8)}`,
        departments: [department],
      });
    const v = targets.victim;
    const rule = targets.victimPrefectureRuleId;
    const R = 'partner-registry';
    const P = 'prefect-routing';
    const ruleIn = (department: string) => ({
      id: `usurpee-${randomUUID().slice(0, 8)}`,
      description: 'Règle usurpée',
      when: [{ departments: [department] }],
      select: { type: 'organisations', organisationIds: [attacker.id] },
    });
    const vigilance = { headline: 'Fausse vigilance', description: 'Message usurpé' };
    const draft = { commune: '23096', eventCode: 'theft', severity: 'Moderate', tlp: 'CLEAR' };
    type Case = [who: string, key: string, service: ServiceName, method: string, path: string, json?: unknown];
    const cases: Case[] = [
      // a partner with every partner role
      ['partner', attacker.key, R, 'GET', '/v1/audit'],
      ['partner', attacker.key, 'notification', 'GET', '/v1/escalations'],
      ['partner', attacker.key, R, 'GET', `/v1/audit?organisationId=${attacker.id}`],
      ['partner', attacker.key, R, 'POST', '/v1/organizations', firmIn(ATTACKER_DEPARTMENT)],
      ['partner', attacker.key, R, 'POST', `/v1/organizations/${attacker.id}/activate`, { reason: 'self' }],
      ['partner', attacker.key, R, 'POST', `/v1/organizations/${attacker.id}/suspend`, { reason: 'self' }],
      ['partner', attacker.key, R, 'POST', `/v1/organizations/${attacker.id}/revoke`, { reason: 'self' }],
      ['partner', attacker.key, R, 'POST', `/v1/organizations/${sender.id}/suspend`, { reason: 'rival' }],
      [
        'partner',
        attacker.key,
        R,
        'POST',
        `/v1/conventions/${conventions[JEWELLERY]}/members`,
        { organisationId: attacker.id },
      ],
      [
        'partner',
        attacker.key,
        R,
        'POST',
        `/v1/conventions/${conventions[PRIVATE_SECURITY]}/members`,
        { organisationId: v.organisationId },
      ],
      ['partner', attacker.key, R, 'DELETE', `/v1/conventions/${conventions[PRIVATE_SECURITY]}/members/${sender.id}`],
      ['partner', attacker.key, R, 'GET', `/v1/departments/${ATTACKER_DEPARTMENT}/compliance`],
      ['partner', attacker.key, R, 'POST', `/v1/organizations/${attacker.id}/api-keys`, { roles: ['admin'] }],
      // keys limited to one role
      ['publisher key', publisherOnly, 'notification', 'POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hook' }],
      ['publisher key', publisherOnly, 'notification', 'GET', '/v1/webhooks'],
      [
        'publisher key',
        publisherOnly,
        R,
        'POST',
        `/v1/organizations/${attacker.id}/sites`,
        {
          name: 'Site sans rôle',
          kind: 'OFFICE',
          commune: '48095',
        },
      ],
      [
        'publisher key',
        publisherOnly,
        R,
        'POST',
        `/v1/organizations/${attacker.id}/api-keys`,
        { roles: ['publisher'] },
      ],
      [
        'subscriber key',
        subscriberOnly,
        'alert-ingestion',
        'POST',
        '/v1/alerts',
        alertIn('48095', 'AMBER', 'Sans rôle'),
      ],
      ['operator key', operatorOnly, 'alert-ingestion', 'POST', '/v1/alerts', alertIn('48095', 'AMBER', 'Sans rôle')],
      ['operator key', operatorOnly, 'notification', 'POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hook' }],
      // the Lozère prefecture, outside the Lozère
      ['prefecture 48', lozereOperator, R, 'POST', '/v1/organizations', firmIn(VICTIM_DEPARTMENT)],
      ['prefecture 48', lozereOperator, R, 'POST', '/v1/organizations', firmIn('69')],
      ['prefecture 48', lozereOperator, R, 'GET', `/v1/organizations/${v.organisationId}`],
      ['prefecture 48', lozereOperator, R, 'POST', `/v1/organizations/${v.organisationId}/suspend`, { reason: 'x' }],
      ['prefecture 48', lozereOperator, R, 'POST', `/v1/organizations/${sender.id}/revoke`, { reason: 'x' }],
      [
        'prefecture 48',
        lozereOperator,
        R,
        'POST',
        `/v1/organizations/${v.organisationId}/api-keys`,
        { roles: ['operator'] },
      ],
      ['prefecture 48', lozereOperator, R, 'GET', `/v1/organizations/${v.organisationId}/sites`],
      ['prefecture 48', lozereOperator, R, 'GET', `/v1/departments/${VICTIM_DEPARTMENT}/compliance`],
      [
        'prefecture 48',
        lozereOperator,
        R,
        'POST',
        `/v1/conventions/${conventions[JEWELLERY]}/members`,
        { organisationId: sender.id },
      ],
      [
        'prefecture 48',
        lozereOperator,
        R,
        'DELETE',
        `/v1/conventions/${conventions[JEWELLERY]}/members/${v.organisationId}`,
      ],
      ['prefecture 48', lozereOperator, R, 'GET', '/v1/audit'],
      // State organisations are the administrator's, even in the prefecture's own département
      ['prefecture 48', lozereOperator, R, 'POST', `/v1/organizations/${creuse.id}/suspend`, { reason: 'x' }],
      ['prefecture 48', lozereOperator, R, 'POST', `/v1/organizations/${lozere.id}/revoke`, { reason: 'x' }],
      // routing rules: the State's, each prefecture within its départements, default rules the administrator's
      ['partner', attacker.key, P, 'GET', '/v1/routing/rules'],
      ['partner', attacker.key, P, 'POST', '/v1/routing/rules', ruleIn(ATTACKER_DEPARTMENT)],
      ['partner', attacker.key, P, 'DELETE', '/v1/routing/rules/competent-prefecture'],
      ['prefecture 48', lozereOperator, P, 'POST', '/v1/routing/rules', ruleIn(VICTIM_DEPARTMENT)],
      [
        'prefecture 48',
        lozereOperator,
        P,
        'PUT',
        `/v1/routing/rules/${rule}`,
        { ...ruleIn(ATTACKER_DEPARTMENT), id: undefined },
      ],
      ['prefecture 48', lozereOperator, P, 'DELETE', `/v1/routing/rules/${rule}`],
      ['prefecture 48', lozereOperator, P, 'DELETE', '/v1/routing/rules/competent-prefecture'],
      // broadcasts and previews
      [
        'prefecture 48',
        lozereOperator,
        P,
        'POST',
        '/v1/broadcasts',
        { ...vigilance, departments: [VICTIM_DEPARTMENT] },
      ],
      ['prefecture 48', lozereOperator, P, 'GET', `/v1/broadcasts/${v.broadcastId}`],
      [
        'prefecture 48',
        lozereOperator,
        P,
        'POST',
        '/v1/routing/preview',
        { ...draft, senderOrganisationId: v.organisationId },
      ],
      ['no convention', outsider.key, P, 'POST', '/v1/routing/preview', draft],
    ];
    // Broadcasts are the State's: no partner key may send one, whatever routes exist for it.
    for (const route of routes.filter((r) => r.path.includes('/broadcasts') && r.method !== 'GET')) {
      const path = pathWith(route, () => randomUUID());
      cases.push(['partner', attacker.key, route.service, route.method, path, vigilance]);
    }

    const before = await world.victimState();
    const senderBefore = await registryCall('GET', `/v1/organizations/${sender.id}`, adminKey);
    const problems: string[] = [];
    let accepted = 0;
    let foreign = 0;
    for (const [who, key, service, method, path, json] of cases) {
      const answer = await call(service, method, path, { key, json });
      if (is2xx(answer)) accepted += 1;
      const named = `${path} ${JSON.stringify(json ?? null)}`;
      if (foreignRecordsIn(answer, named)) foreign += 1;
      // A refused privilege is a 403, or a 404 when the caller may not even see the target; a
      // role the body asks for and the caller may not grant is a 400.
      if (![400, 403, 404].includes(answer.status) || foreignRecordsIn(answer, named)) {
        problems.push(`${who}: ${method} ${path} → ${answer.status} ${answer.text.slice(0, 200)}`);
      }
    }
    // The Lozère prefecture's list of the Creuse holds nothing.
    const lozereView = await registryCall('GET', `/v1/organizations?department=${VICTIM_DEPARTMENT}`, lozereOperator);
    expect(lozereView.status).toBe(200);
    expect(lozereView.body).toEqual([]);
    // Nor does its escalations board: B's Severe alert armed one for the Creuse prefecture only.
    await waitUntilAccepted(stack.url('notification'), lozereOperator);
    const lozereBoard = await call('notification', 'GET', '/v1/escalations?limit=200', { key: lozereOperator });
    expect(lozereBoard.status).toBe(200);
    expect(lozereBoard.body).toMatchObject({ departments: [ATTACKER_DEPARTMENT] });
    expect(foreignRecordsIn(lozereBoard, '/v1/escalations')).toBe(false);
    const senderAfter = await registryCall('GET', `/v1/organizations/${sender.id}`, adminKey);
    const members = await registryCall('GET', `/v1/conventions/${conventions[JEWELLERY]}/members`, adminKey);
    const effects =
      (before === (await world.victimState()) ? 0 : 1) +
      (senderAfter.body.status === senderBefore.body.status ? 0 : 1) +
      (members.body.some((member: { organisationId: string }) => member.organisationId === attacker.id) ? 1 : 0);
    recordAttack({
      scenario: `privilege: partner keys on admin, prefecture and broadcast routes; single-role keys; a prefecture outside its départements (${cases.length} attempts)`,
      sent: cases.length,
      accepted,
      delivered: foreign,
      duplicateEffects: effects,
      notes: NOTES.common,
    });
    expect(problems).toEqual([]);
    expect(effects).toBe(0);
    world.expectNothingDisclosed('the privilege attacks');
  }, 120_000);
});
