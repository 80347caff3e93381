import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { waitFor } from '@vigie/testing';
import { NOTIFICATION_TABLES } from '../../apps/notification/src/tables';
import { ActiveWebhooks } from '../../apps/notification/src/webhooks/active-webhooks';
import { cutListener, ownSchema } from './own-schema';
import { insertDirectoryOrganisation, insertWebhook } from './seed-rows';

/**
 * The webhooks distributions plan with, on the real PostgreSQL: held per organisation while
 * changes to `webhooks` are announced (a trigger NOTIFYs at commit), read again after each
 * announcement, and read for every batch while the LISTEN connection is down (ADR 62).
 */
describe('active webhooks on the real PostgreSQL', () => {
  const db = ownSchema('active_webhooks', NOTIFICATION_TABLES);
  let webhooks: ActiveWebhooks;
  const organisation = randomUUID();
  const other = randomUUID();

  const of = async (...organisations: string[]) =>
    (await webhooks.of(db.dataSource.manager, organisations)).map((webhook) => webhook.url);
  const add = (organisationId: string, url: string) =>
    insertWebhook(db.dataSource, { id: randomUUID(), organisationId, url });
  /** A webhook registered with the triggers off: a change nobody announces. */
  async function addSilently(organisationId: string, url: string): Promise<void> {
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SET session_replication_role = replica');
      await runner.query(
        "INSERT INTO webhooks (id, organisation_id, url, secret_ciphertext) VALUES ($1, $2, $3, 'x')",
        [randomUUID(), organisationId, url],
      );
      await runner.query('RESET session_replication_role');
    } finally {
      await runner.release();
    }
  }

  beforeAll(async () => {
    for (const id of [organisation, other]) {
      await insertDirectoryOrganisation(db.dataSource, {
        id,
        kind: 'SECURITY_FIRM',
        name: 'Veille',
        departments: ['87'],
      });
    }
    // Before it listens: no announcement of it can come later and blur what the tests show.
    await add(organisation, 'http://127.0.0.1:9/first');
    webhooks = new ActiveWebhooks(db.dataSource);
    await webhooks.onApplicationBootstrap();
    await waitFor(() => webhooks.hearsChanges, { what: 'listening' });
  });
  afterAll(() => webhooks.onModuleDestroy());

  it('plans with what it holds until a change is announced, then reads again', async () => {
    expect(await of(organisation)).toEqual(['http://127.0.0.1:9/first']);
    await addSilently(organisation, 'http://127.0.0.1:9/silent');
    // Held: the silent one is not read for this organisation, while one met for the first time is read.
    expect(await of(organisation)).toEqual(['http://127.0.0.1:9/first']);
    await addSilently(other, 'http://127.0.0.1:9/other');
    expect(await of(other, organisation)).toEqual(['http://127.0.0.1:9/other', 'http://127.0.0.1:9/first']);

    // Disabling the first is announced: what is held is read again.
    await db.dataSource.query('UPDATE webhooks SET disabled_at = now() WHERE url = $1', ['http://127.0.0.1:9/first']);
    expect(
      await waitFor(
        async () => ((await of(organisation)).includes('http://127.0.0.1:9/first') ? false : of(organisation, other)),
        {
          what: 'the change heard',
        },
      ),
    ).toEqual(['http://127.0.0.1:9/silent', 'http://127.0.0.1:9/other']);
  });

  it('does not announce a failure counted or a run of failures ended', async () => {
    const listener = new Client({ connectionString: (db.dataSource.options as { url: string }).url });
    const heard: string[] = [];
    await listener.connect();
    try {
      listener.on('notification', (message) => heard.push(message.payload ?? ''));
      await listener.query(`LISTEN webhooks_${db.name}`);
      await db.dataSource.query(
        'UPDATE webhooks SET consecutive_failures = consecutive_failures + 1, failing_since = now()',
      );
      await db.dataSource.query('UPDATE webhooks SET consecutive_failures = 0, failing_since = NULL');
      await db.dataSource.query('UPDATE webhooks SET url = url');
      // Notifications arrive in commit order: the marker first means nothing before it was announced.
      await db.dataSource.query(`SELECT pg_notify('webhooks_${db.name}', 'marker')`);
      await waitFor(() => heard.length > 0, { what: 'the marker' });
      expect(heard[0]).toBe('marker');
    } finally {
      await listener.end();
    }
  });

  it('reads for every batch while its LISTEN connection is down', async () => {
    const before = await of(organisation);
    await cutListener(db.dataSource, `${db.name}.webhooks`);
    await waitFor(() => !webhooks.hearsChanges, { what: 'the loss noticed' });
    await addSilently(organisation, 'http://127.0.0.1:9/unheard');
    expect(await of(organisation)).toEqual([...before, 'http://127.0.0.1:9/unheard']);

    await waitFor(() => webhooks.hearsChanges, { what: 'listening again' });
    expect(await of(organisation)).toEqual([...before, 'http://127.0.0.1:9/unheard']);
    await addSilently(organisation, 'http://127.0.0.1:9/silent-again');
    expect(await of(organisation)).toEqual([...before, 'http://127.0.0.1:9/unheard']);
  });
});
