import { createPrivateKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { Client } from 'pg';
import { request, waitFor } from '@vigie/testing';
import { e2eEnv } from './e2e.env';
import { intrusion, postAlert, senderAndPrefecture } from './notification-fixtures';
import { useTestStack } from './test-stack';

const PASSWORD = 'correct horse battery staple';

describe('person accounts: invitation, sign-in, access tokens on every service, attribution', () => {
  const world = useTestStack('person-accounts', 430);
  let db: Client;
  let rhone: { id: string; name: string; key: string };
  let firm: { id: string; key: string };
  let counter = 0;

  const call = <T = any>(method: string, url: string, key?: string, body?: unknown) =>
    request<T>(method, url, { key, body });
  const registryUrl = (path: string) => `${world.registry.registryUrl}${path}`;

  /** A Rhône duty officer with a password: invited by the prefecture's operator key, link used once. */
  async function officer(): Promise<{ email: string; personId: string }> {
    const email = `officier.${++counter}.${randomUUID().slice(0, 6)}@rhone.gouv.fr`;
    const invited = await call('POST', registryUrl(`/v1/organizations/${rhone.id}/invitations`), rhone.key, {
      email,
      fullName: `Camille Durand ${counter}`,
      roles: ['DUTY_OFFICER'],
    });
    expect(invited.status).toBe(201);
    const accepted = await call('POST', registryUrl('/v1/invitations/accept'), undefined, {
      token: invited.body.token,
      password: PASSWORD,
    });
    expect(accepted.status).toBe(201);
    return { email, personId: accepted.body.personId };
  }

  async function signIn(email: string, password = PASSWORD) {
    return call<{
      sessionToken: string;
      accessToken: string;
      person: { id: string; fullName: string };
      detail?: string;
    }>('POST', registryUrl('/v1/sessions'), undefined, { email, password });
  }

  const refresh = (sessionToken: string) => call('POST', registryUrl('/v1/sessions/refresh'), sessionToken);

  beforeAll(async () => {
    ({ firm, prefecture: rhone } = await senderAndPrefecture(
      world.registry,
      world.stack,
      `Garde ${randomUUID().slice(0, 6)}`,
      '69',
    ));
    db = new Client({ connectionString: e2eEnv.databaseUrl });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
  }, 30_000);

  it('invites with a one-time link, refuses a short password, and stores only hashes', async () => {
    const email = `invite.${randomUUID().slice(0, 6)}@rhone.gouv.fr`;
    const invited = await call('POST', registryUrl(`/v1/organizations/${rhone.id}/invitations`), rhone.key, {
      email,
      fullName: 'Dominique Martin',
      roles: ['DUTY_OFFICER'],
    });
    expect(invited.body.token).toMatch(/^vgi_/);
    const lookup = await call('POST', registryUrl('/v1/invitations/lookup'), undefined, { token: invited.body.token });
    expect(lookup.body).toMatchObject({ email, fullName: 'Dominique Martin', organisationName: rhone.name });
    const short = await call('POST', registryUrl('/v1/invitations/accept'), undefined, {
      token: invited.body.token,
      password: 'court',
    });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain('at least 12 characters');
    const accepted = await call('POST', registryUrl('/v1/invitations/accept'), undefined, {
      token: invited.body.token,
      password: PASSWORD,
    });
    expect(accepted.status).toBe(201);
    const again = await call('POST', registryUrl('/v1/invitations/accept'), undefined, {
      token: invited.body.token,
      password: PASSWORD,
    });
    expect(again.status).toBe(404);

    const signedIn = await signIn(email);
    expect(signedIn.status).toBe(201);
    const stored = await db.query(
      `SELECT p.password_hash, i.token_hash, s.token_hash AS session_hash FROM registry.people p
       JOIN registry.invitations i ON lower(i.email) = lower(p.email) JOIN registry.person_sessions s ON s.person_id = p.id
       WHERE p.id = $1`,
      [accepted.body.personId],
    );
    expect(stored.rows[0].password_hash).toMatch(/^\$argon2id\$/);
    const everything = JSON.stringify(stored.rows);
    for (const secret of [PASSWORD, invited.body.token, signedIn.body.sessionToken])
      expect(everything).not.toContain(secret);
  });

  it("gives a duty officer exactly the prefecture's scope on every service, and attributes the acknowledgement to them", async () => {
    const { email } = await officer();
    const { body } = await signIn(email);
    const token = body.accessToken;
    for (const service of ['alert-ingestion', 'prefect-routing', 'notification', 'partner-registry'] as const) {
      const me = await call('GET', `${world.stack.url(service)}/v1/me`, token);
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ organisationId: rhone.id, isAdmin: false, person: { id: body.person.id } });
    }
    const lyon = await postAlert(world.stack, firm.key, intrusion('69123', 'Severe', 'Intrusion entrepôt Gerland'));
    await waitFor(
      async () =>
        (await call('GET', `${world.stack.url('alert-ingestion')}/v1/alerts/${lyon}`, token)).status === 200 ||
        undefined,
      {
        what: 'the routed alert to be visible to the officer',
      },
    );
    const { firm: elsewhereFirm } = await senderAndPrefecture(
      world.registry,
      world.stack,
      `Garde Sud ${randomUUID().slice(0, 6)}`,
      '13',
    );
    const marseille = await postAlert(
      world.stack,
      elsewhereFirm.key,
      intrusion('13055', 'Severe', 'Intrusion au port'),
    );
    expect((await call('GET', `${world.stack.url('alert-ingestion')}/v1/alerts/${marseille}`, token)).status).toBe(404);

    await waitFor(
      async () =>
        (
          await call('POST', `${world.stack.url('notification')}/v1/alerts/${lyon}/acknowledgements`, token, {
            note: 'Patrouille envoyée',
          })
        ).status === 201 || undefined,
      { what: 'notification to take the acknowledgement' },
    );
    const seenByFirm = await call(
      'GET',
      `${world.stack.url('notification')}/v1/alerts/${lyon}/acknowledgements`,
      firm.key,
    );
    expect(seenByFirm.body).toEqual([
      expect.objectContaining({
        organisationId: rhone.id,
        person: { id: body.person.id, name: body.person.fullName },
        note: 'Patrouille envoyée',
      }),
    ]);
    const states = await call<{ alertId: string; acknowledgedBy: string | null }[]>(
      'GET',
      `${world.stack.url('notification')}/v1/alert-states?ids=${lyon}`,
      token,
    );
    expect(states.body).toEqual([expect.objectContaining({ alertId: lyon, acknowledgedBy: body.person.fullName })]);
  });

  it('records the person in the audit log', async () => {
    const { email, personId } = await officer();
    const { body } = await signIn(email);
    const invited = await call('POST', registryUrl(`/v1/organizations/${rhone.id}/invitations`), body.accessToken, {
      email: `collegue.${randomUUID().slice(0, 6)}@rhone.gouv.fr`,
      fullName: 'Alex Petit',
      roles: ['DUTY_OFFICER'],
    });
    expect(invited.status).toBe(201);
    const audit = await call<any[]>('GET', registryUrl(`/v1/audit?organisationId=${rhone.id}`), world.adminKey);
    const entry = audit.body.find((row) => row.entityId === invited.body.id);
    expect(entry.actor).toContain(`person:${personId}`);
  });

  it('locks an account after repeated wrong passwords, without telling which e-mails exist', async () => {
    const { email } = await officer();
    const unknown = await signIn(`personne.${randomUUID()}@example.fr`, 'wrong password!');
    expect(unknown.status).toBe(401);
    const answers: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) answers.push((await signIn(email, 'wrong password!')).status);
    expect(answers).toEqual([401, 401, 401, 401, 401]);
    expect(unknown.body.detail).toBe((await signIn(`x.${randomUUID()}@example.fr`, 'nope')).body.detail);
    const locked = await signIn(email);
    expect(locked.status).toBe(423);
    expect(locked.body.detail).toMatch(/locked until/);
  });

  it('ends sessions: sign-out, sign-out everywhere, idle and absolute expiry, a disabled person', async () => {
    const { email, personId } = await officer();
    const first = (await signIn(email)).body;
    expect((await refresh(first.sessionToken)).status).toBe(200);
    expect((await call('DELETE', registryUrl('/v1/sessions/current'), first.sessionToken)).status).toBe(204);
    expect((await refresh(first.sessionToken)).status).toBe(401);

    const [a, b] = [(await signIn(email)).body, (await signIn(email)).body];
    expect((await call('POST', registryUrl('/v1/sessions/revoke-all'), a.accessToken)).status).toBe(204);
    expect((await refresh(a.sessionToken)).status).toBe(401);
    expect((await refresh(b.sessionToken)).status).toBe(401);
    // The registry checks the session itself: an access token of an ended session is refused there at once.
    expect((await call('GET', registryUrl('/v1/me'), b.accessToken)).status).toBe(401);

    const idle = (await signIn(email)).body;
    await db.query(
      `UPDATE registry.person_sessions SET last_seen_at = now() - interval '31 minutes' WHERE person_id = $1`,
      [personId],
    );
    expect((await refresh(idle.sessionToken)).status).toBe(401);
    const old = (await signIn(email)).body;
    await db.query(
      `UPDATE registry.person_sessions SET created_at = now() - interval '13 hours' WHERE person_id = $1 AND revoked_at IS NULL`,
      [personId],
    );
    expect((await refresh(old.sessionToken)).status).toBe(401);

    const live = (await signIn(email)).body;
    const disabled = await call('PATCH', registryUrl(`/v1/people/${personId}`), rhone.key, { status: 'DISABLED' });
    expect(disabled.body.status).toBe('DISABLED');
    expect((await refresh(live.sessionToken)).status).toBe(401);
    expect((await signIn(email)).status).toBe(401);
  });

  it('refuses forged, tampered, expired and wrongly addressed access tokens', async () => {
    const { email } = await officer();
    const { body } = await signIn(email);
    const claims = { org: rhone.id, name: 'Intrus', roles: ['subscriber'], sid: randomUUID() };
    const sign = (key: Parameters<SignJWT['sign']>[0], audience = 'vigie', expires: string | number = '5m') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'EdDSA' })
        .setSubject(randomUUID())
        .setIssuer('vigie:partner-registry')
        .setAudience(audience)
        .setExpirationTime(expires)
        .sign(key);
    const realKey = createPrivateKey(world.stack.personTokenKey);
    const [header, signature] = body.accessToken.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: randomUUID() })).toString('base64url')}.${signature}`;
    const refused = {
      'a key the world.registry never had': await sign(generateKeyPairSync('ed25519').privateKey),
      'a tampered payload': tampered,
      'another audience': await sign(realKey, 'elsewhere'),
      'an expired token': await sign(realKey, 'vigie', Math.floor(Date.now() / 1000) - 60),
    };
    const valid = await sign(realKey);
    expect((await call('GET', `${world.stack.url('notification')}/v1/me`, valid)).status).toBe(200);
    for (const [what, token] of Object.entries(refused)) {
      const answer = await call('GET', `${world.stack.url('notification')}/v1/me`, token);
      expect({ what, status: answer.status }).toEqual({ what, status: 401 });
    }
  });
});
