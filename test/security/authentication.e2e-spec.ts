import { randomUUID } from 'node:crypto';
import { issueKey, registerActivePartner, request, waitFor } from '@vigie/testing';
import { newAdminKey } from '../e2e.env';
import type { CallOptions } from './audited-client';
import { pathToAnyObject, pathWith, routeName } from './route-inventory';
import {
  ATTACKER_DEPARTMENT,
  NOTES,
  PRIVATE_SECURITY,
  is2xx,
  keyIdOf,
  recordAttack,
  useSecurityWorld,
} from './security-world';

/** Authentication: which routes are public, and every other one refused without a valid key. */
describe('security: authentication on every route of the four services', () => {
  const world = useSecurityWorld('security-authentication', 160, { victimRecords: false });

  it('finds every route of the four services in their OpenAPI documents, only health and the links public', () => {
    const { routes } = world;
    const services = new Set(routes.map((route) => route.service));
    expect([...services].sort()).toEqual(['alert-ingestion', 'notification', 'partner-registry', 'prefect-routing']);
    expect(routes.length).toBeGreaterThan(40);
    // A new public route is a decision: add it here once it is meant to be public.
    const publicRoutes = routes.filter((route) => route.public);
    const health = ['GET /health', 'GET /health/live', 'GET /health/ready'];
    for (const name of health) expect(publicRoutes.filter((route) => routeName(route) === name)).toHaveLength(4);
    // E-mailed acknowledgement links: the signed, expiring link is the credential.
    const links = ['GET /v1/acknowledgement-links/{token}', 'POST /v1/acknowledgement-links/{token}'];
    // Person accounts: the invitation link's or the session's own token is the credential; the JWKS is public by design.
    links.push(
      'POST /v1/invitations/lookup',
      'POST /v1/invitations/accept',
      'POST /v1/sessions',
      'POST /v1/sessions/refresh',
      'DELETE /v1/sessions/current',
      'GET /.well-known/jwks.json',
    );
    // State sign-in: the ID token, signed by the identity provider and checked against its keys, is the credential (ADR 37).
    links.push('POST /v1/sessions/federated');
    expect(publicRoutes.map(routeName).filter((name) => ![...health, ...links].includes(name))).toEqual([]);
  });

  it('refuses every other route without a valid key: missing, malformed, unknown, expired or revoked → 401; organisation suspended → 403', async () => {
    const { routes, registry, adminKey, attacker, call, url } = world;
    const spare = await issueKey(registry, attacker.id);
    const rotated = await request('POST', `${registry.registryUrl}/v1/api-keys/${keyIdOf(spare)}/rotate`, {
      key: adminKey,
      body: { graceSeconds: 0 },
    });
    expect(rotated.status).toBe(201);
    const revoked = await issueKey(registry, attacker.id);
    expect(
      (await request('DELETE', `${registry.registryUrl}/v1/api-keys/${keyIdOf(revoked)}`, { key: adminKey })).status,
    ).toBe(204);
    const suspendedOrganisation = await registerActivePartner(
      registry,
      { kind: 'SECURITY_FIRM', name: `Suspendue ${randomUUID().slice(0, 8)}`, departments: [ATTACKER_DEPARTMENT] },
      { conventions: [PRIVATE_SECURITY] },
    );
    const suspension = await request(
      'POST',
      `${registry.registryUrl}/v1/organizations/${suspendedOrganisation.id}/suspend`,
      { key: adminKey, body: { reason: 'security test' } },
    );
    expect(suspension.status).toBe(200);

    const credentials: {
      name: string;
      key?: string;
      headers?: Record<string, string>;
      status: number;
      message: RegExp;
    }[] = [
      { name: 'no key', headers: {}, status: 401, message: /^missing API key/ },
      { name: 'a malformed key', headers: { authorization: 'Bearer vigie-admin' }, status: 401, message: /malformed/ },
      { name: 'another scheme', headers: { authorization: 'Basic YWRtaW46YWRtaW4=' }, status: 401, message: /missing/ },
      { name: 'an unknown key', key: newAdminKey(), status: 401, message: /^unknown API key$/ },
      { name: 'an expired key', key: spare, status: 401, message: /^API key expired$/ },
      { name: 'a revoked key', key: revoked, status: 401, message: /^API key revoked$/ },
      { name: 'a suspended organisation', key: suspendedOrganisation.key, status: 403, message: /suspended/ },
    ];
    // Every service must know of the expiry, revocation and suspension before the sweep.
    for (const service of ['partner-registry', 'alert-ingestion', 'prefect-routing', 'notification'] as const) {
      for (const credential of credentials.filter((c) => c.key)) {
        await waitFor(
          async () => {
            const me = await request('GET', url(service, '/v1/me'), { key: credential.key });
            return me.status === credential.status && credential.message.test(me.body.detail);
          },
          { what: `${service} to refuse ${credential.name}`, timeoutMs: 20_000 },
        );
      }
    }

    const protectedRoutes = routes.filter((route) => !route.public);
    const refused: string[] = [];
    let sent = 0;
    let accepted = 0;
    for (const route of protectedRoutes) {
      const path = pathToAnyObject(route);
      for (const credential of credentials) {
        const answer = await call(route.service, route.method, path, {
          key: credential.key,
          headers: credential.headers,
          json: route.takesBody ? {} : undefined,
        });
        sent += 1;
        if (is2xx(answer)) accepted += 1;
        const ok =
          answer.status === credential.status &&
          credential.message.test(answer.body?.detail) &&
          answer.headers.get('content-type')?.startsWith('application/problem+json') === true &&
          typeof answer.body === 'object' &&
          answer.body?.status === credential.status &&
          Object.keys(answer.body ?? {}).every((field) =>
            ['type', 'title', 'status', 'detail', 'instance', 'error'].includes(field),
          );
        if (!ok)
          refused.push(`${route.service} ${routeName(route)} with ${credential.name}: ${answer.status} ${answer.text}`);
      }
    }
    recordAttack({
      scenario: `authentication: ${credentials.map((c) => c.name).join(', ')} on each of ${protectedRoutes.length} routes`,
      sent,
      accepted,
      notes: `${NOTES.common} Routes read from each service's OpenAPI document; expected 401 (403 for the suspended organisation).`,
    });
    expect(refused).toEqual([]);
    expect(accepted).toBe(0);
    world.expectNothingDisclosed('the authentication sweep');
  }, 180_000);

  it('answers every route, with and without a key, with nothing that shows a stack trace, SQL text, an internal address or the host name', async () => {
    const { routes, attacker } = world;
    // Its own traffic: each route without a key, with an unknown key, and as a partner with
    // hostile identifiers and bodies (the other tests check their own answers the same way).
    const variants: { name: string; options: (takesBody: boolean) => CallOptions; value: string }[] = [
      { name: 'no key', options: () => ({}), value: randomUUID() },
      { name: 'an unknown key', options: () => ({ key: newAdminKey() }), value: randomUUID() },
      {
        name: 'a partner key',
        options: (body) => ({ key: attacker.key, json: body ? {} : undefined }),
        value: randomUUID(),
      },
      {
        name: 'an injected identifier',
        options: (body) => ({ key: attacker.key, json: body ? {} : undefined }),
        value: "' OR '1'='1",
      },
      {
        name: 'malformed JSON',
        options: (body) =>
          body ? { key: attacker.key, raw: '{"name": "x",', contentType: 'application/json' } : { key: attacker.key },
        value: 'not-a-uuid',
      },
      {
        name: 'a wrongly typed body',
        options: (body) => (body ? { key: attacker.key, json: { name: 42, isAdmin: true } } : { key: attacker.key }),
        value: '00000000-0000-0000-0000-000000000000',
      },
    ];
    for (const route of routes) {
      for (const variant of variants) {
        const path = pathWith(route, () => variant.value);
        await world.call(route.service, route.method, path, variant.options(route.takesBody));
      }
    }
    world.expectNothingDisclosed('a sweep of every route (no key, unknown key, hostile identifiers and bodies)', 500);
  }, 180_000);
});
