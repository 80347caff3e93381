import { randomUUID } from 'node:crypto';
import { capFixture } from '../fixtures/cap';
import type { CallOptions, Exchange } from './audited-client';
import { pathToAnyObject, pathWith, routeName } from './route-inventory';
import { NOTES, is2xx, recordAttack, useSecurityWorld } from './security-world';

/** Routes whose body may exceed the common 256 KiB, and their own limit in bytes. */
const BODY_LIMITS: Record<string, number> = {
  'POST /v1/organizations/import': 8 * 1024 * 1024,
  'POST /v1/webhooks/import': 4 * 1024 * 1024,
};

/** Injection and input validation: hostile bodies, query strings, identifiers and CAP XML. */
describe('security: hostile input on every route', () => {
  const world = useSecurityWorld('security-input', 190, { victimRecords: false });

  it('refuses mass assignment, oversized, deep and wrongly typed bodies on every route that takes a body', async () => {
    const { routes, adminKey, attacker, call } = world;
    const bodyRoutes = routes.filter((route) => route.takesBody);
    expect(bodyRoutes.length).toBeGreaterThan(15);
    let nested: unknown = 'leaf';
    for (let level = 0; level < 40; level++) nested = { nested };
    const hostile: { name: string; options: CallOptions; status: number; check?: (answer: Exchange) => boolean }[] = [
      {
        name: 'unknown and privileged fields',
        options: {
          json: {
            vigieInjected: true,
            isAdmin: true,
            organisationId: world.victim.id,
            status: 'ACTIVE',
            roles: ['admin'],
          },
        },
        status: 400,
        check: (answer) => answer.body.details?.some((d: { field: string }) => d.field === 'vigieInjected'),
      },
      {
        name: 'a prototype key',
        options: { raw: '{"__proto__":{"isAdmin":true}}', contentType: 'application/json' },
        status: 400,
      },
      { name: 'JSON nested 40 deep', options: { json: { nested } }, status: 400 },
      { name: 'a body over its limit', options: { json: { padding: 'x'.repeat(300 * 1024) } }, status: 413 },
      { name: 'text/plain', options: { raw: 'isAdmin=true', contentType: 'text/plain' }, status: 415 },
      {
        name: 'a form',
        options: { raw: 'isAdmin=true', contentType: 'application/x-www-form-urlencoded' },
        status: 415,
      },
      { name: 'XML on a JSON route', options: { raw: '<a>1</a>', contentType: 'application/xml' }, status: 415 },
      { name: 'malformed JSON', options: { raw: '{"name": "x",', contentType: 'application/json' }, status: 400 },
      {
        name: 'a NUL character',
        options: { raw: '{"name":"a\\u0000b"}', contentType: 'application/json' },
        status: 400,
      },
    ];
    const problems: string[] = [];
    let sent = 0;
    let accepted = 0;
    for (const route of bodyRoutes) {
      const path = pathToAnyObject(route);
      const key = route.service === 'partner-registry' ? adminKey : attacker.key;
      for (const attack of hostile) {
        // The file imports take bigger bodies than the 256 KiB of every other route: beyond theirs, 413 too.
        const limit = BODY_LIMITS[routeName(route)];
        const options =
          limit && attack.status === 413 ? { json: { padding: 'x'.repeat(limit + 64 * 1024) } } : attack.options;
        const answer = await call(route.service, route.method, path, { key, ...options });
        sent += 1;
        if (is2xx(answer)) accepted += 1;
        if (answer.status !== attack.status || !answer.body?.error || (attack.check && !attack.check(answer))) {
          problems.push(`${routeName(route)} with ${attack.name}: ${answer.status} ${answer.text.slice(0, 200)}`);
        }
      }
    }
    // Query strings are as strict as bodies.
    for (const route of routes.filter(
      (r) => r.method === 'GET' && /\/(alerts|organizations|audit|deliveries)$/.test(r.path),
    )) {
      const key = route.service === 'partner-registry' ? adminKey : attacker.key;
      const answer = await call(route.service, 'GET', `${route.path}?isAdmin=true&organisationId=${world.victim.id}`, {
        key,
      });
      sent += 1;
      if (is2xx(answer)) accepted += 1;
      if (answer.status !== 400) problems.push(`${routeName(route)} with unknown query fields: ${answer.status}`);
    }
    recordAttack({
      scenario: `mass assignment, oversized (413), deep (400), prototype keys, NUL, wrong content types (415) on ${bodyRoutes.length} routes with a body`,
      sent,
      accepted,
      notes: NOTES.common,
    });
    expect(problems).toEqual([]);
    world.expectNothingDisclosed('the hostile bodies and query strings');
  }, 180_000);

  it('answers malformed identifiers on every route with a 4xx and a JSON error', async () => {
    const { routes, attacker, call } = world;
    const values = [
      'not-a-uuid',
      "' OR '1'='1",
      '../../etc/passwd',
      '%',
      '１２３',
      'ö'.repeat(1000),
      '00000000-0000-0000-0000-000000000000',
    ];
    const problems: string[] = [];
    let sent = 0;
    for (const route of routes.filter((r) => r.pathParameters.length > 0)) {
      for (const value of values) {
        const path = pathWith(route, () => value);
        const answer = await call(route.service, route.method, path, {
          key: attacker.key,
          json: route.takesBody ? {} : undefined,
        });
        sent += 1;
        if (answer.status < 400 || answer.status >= 500 || !answer.body?.error) {
          problems.push(
            `${route.service} ${route.method} ${path.slice(0, 120)}: ${answer.status} ${answer.text.slice(0, 200)}`,
          );
        }
      }
    }
    for (const [service, path] of [
      ['partner-registry', '/v1/sites/%E0%A4%A'],
      ['alert-ingestion', '/v1/alerts/%00'],
      ['notification', '/v1/nowhere'],
      ['prefect-routing', '/v1/alerts/%ff/routing'],
      ['alert-ingestion', '/v1/alerts?limit=%ff&limit=2'],
    ] as const) {
      const answer = await call(service, 'GET', path, { key: attacker.key });
      sent += 1;
      if (answer.status < 400 || answer.status >= 500 || !answer.body?.error)
        problems.push(`${path}: ${answer.status}`);
    }
    recordAttack({
      scenario:
        'malformed identifiers (injection, traversal, bad encoding, NUL, oversized) on every route with a path parameter',
      sent,
      accepted: 0,
      notes: `${NOTES.common} Each answer must be a 4xx with a JSON error.`,
    });
    expect(problems).toEqual([]);
    world.expectNothingDisclosed('the malformed identifiers');
  }, 180_000);

  it('refuses CAP XML with external entities, entity expansion or external DTDs, and includes nothing', async () => {
    const { attacker, call } = world;
    const minimal = capFixture('minimal')
      .replace('<identifier>GRA-2026-11-28-0001</identifier>', `<identifier>SEC-${randomUUID()}</identifier>`)
      .replaceAll('69123', '48095')
      .replace('<areaDesc>Lyon</areaDesc>', '<areaDesc>Mende</areaDesc>');
    const documents = [
      capFixture('external-entity'),
      capFixture('entity-expansion'),
      minimal.replace('<alert ', '<!DOCTYPE alert SYSTEM "http://127.0.0.1:9/evil.dtd">\n<alert '),
      minimal.replace('<alert ', '<!DOCTYPE alert [<!ENTITY % remote SYSTEM "file:///etc/passwd"> %remote;]>\n<alert '),
    ];
    let accepted = 0;
    for (const document of documents) {
      const answer = await call('alert-ingestion', 'POST', '/v1/alerts', {
        key: attacker.key,
        raw: document,
        contentType: 'application/cap+xml',
      });
      if (is2xx(answer)) accepted += 1;
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        status: 400,
        error: 'bad_request',
        detail: 'DOCTYPE and ENTITY declarations are refused',
      });
    }
    // XInclude is not processed: the element is another tool's, nothing is read.
    const xinclude = await call('alert-ingestion', 'POST', '/v1/alerts', {
      key: attacker.key,
      raw: minimal.replace(
        '<scope>Restricted</scope>',
        '<scope>Restricted</scope><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>',
      ),
      contentType: 'application/cap+xml',
    });
    expect(xinclude.status).toBeLessThan(500);
    expect(xinclude.text).not.toMatch(/root:/);
    recordAttack({
      scenario: 'CAP XML: external entity, entity expansion (billion laughs), external DTD, parameter entity',
      sent: documents.length,
      accepted,
      notes: `${NOTES.common} Also in test/cap.e2e-spec.ts (nothing refused reaches Kafka); XInclude is never processed.`,
    });
    world.expectNothingDisclosed('the hostile CAP XML documents');
  }, 60_000);
});
