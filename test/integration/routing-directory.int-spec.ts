import { randomUUID } from 'node:crypto';
import { waitFor } from '@vigie/testing';
import { RoutingDirectory } from '../../apps/prefect-routing/src/routing/routing-directory';
import { RulesService } from '../../apps/prefect-routing/src/stored-rules/rules.service';
import { ROUTING_TABLES } from '../../apps/prefect-routing/src/tables';
import { cutListener, ownSchema } from './own-schema';
import { insertDirectoryOrganisation } from './seed-rows';

/**
 * What routing decides with, on the real PostgreSQL: the directory and rules it holds are used
 * without a read while their changes are announced (the version triggers NOTIFY at commit), read
 * again after each announcement, in the background (ADR 64) or by the next batch, and read for
 * every batch while its LISTEN connection is down (ADR 59).
 */
describe('routing directory on the real PostgreSQL', () => {
  const db = ownSchema('routing_directory', ROUTING_TABLES);
  let directory: RoutingDirectory;

  const ids = async () => (await directory.entries(db.dataSource.manager)).map((entry) => entry.id).sort();
  /** An organisation added with the triggers off and the version bumped by hand: a change nobody announces. */
  async function addSilently(id: string): Promise<void> {
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SET session_replication_role = replica`);
      await runner.query(
        `INSERT INTO directory_organisations (id, kind, name, status, departments, revision)
         VALUES ($1, 'SECURITY_FIRM', 'Veille silencieuse', 'ACTIVE', '{87}', 1)`,
        [id],
      );
      await runner.query('UPDATE directory_version SET version = version + 1');
      await runner.query(`RESET session_replication_role`);
    } finally {
      await runner.release();
    }
  }
  const add = (id: string) =>
    insertDirectoryOrganisation(db.dataSource, {
      id,
      kind: 'SECURITY_FIRM',
      name: 'Limoges Gardiennage',
      departments: ['87'],
    });

  beforeAll(async () => {
    directory = new RoutingDirectory(db.dataSource, new RulesService(db.dataSource));
    await directory.onApplicationBootstrap();
  });
  afterAll(() => directory.onModuleDestroy());

  it('uses what it holds until a change is announced, then reads everything again', async () => {
    const [first, silent, announced] = [randomUUID(), randomUUID(), randomUUID()];
    await add(first);
    // Only what is held is looked at (no read while not current): the background read brings it.
    await waitFor(async () => directory.holdsCurrentInputs && (await ids()).includes(first), {
      what: 'the first organisation read in the background, after its announcement',
    });

    await addSilently(silent);
    // Held: the version is not even read, so the silent change cannot be seen.
    expect(await ids()).toEqual([first]);

    await add(announced);
    expect(
      await waitFor(async () => ((await ids()).length === 3 ? ids() : false), { what: 'the change heard' }),
    ).toEqual([first, silent, announced].sort());
  });

  it('reads an announced change in the background, before any batch asks', async () => {
    const announced = randomUUID();
    await add(announced);
    await waitFor(() => !directory.holdsCurrentInputs, { what: 'the announcement heard' });
    // Nothing calls for the inputs meanwhile: only the background read can make them current again.
    await waitFor(() => directory.holdsCurrentInputs, { what: 'the directory read again in the background' });
    expect(await ids()).toContain(announced);
  });

  it('reads the version for every batch while its LISTEN connection is down', async () => {
    const before = await ids();
    await cutListener(db.dataSource, `${db.name}.routing_inputs`);
    await waitFor(() => !directory.hearsChanges, { what: 'the loss noticed' });
    // Announced to nobody (it listens again a second later), yet the version moved: seen at once.
    const unheard = randomUUID();
    await add(unheard);
    expect(await ids()).toEqual([...before, unheard].sort());

    await waitFor(
      async () => {
        await ids();
        return directory.holdsCurrentInputs;
      },
      { what: 'listening again' },
    );
    const silent = randomUUID();
    await addSilently(silent);
    expect(await ids()).not.toContain(silent);
  });
});
