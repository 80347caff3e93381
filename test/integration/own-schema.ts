import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openServiceDataSource, serviceDataSourceOptions, type ServiceDataSourceParts } from '@vigie/persistence';
import { e2eEnv } from '../e2e.env';

/** A schema of one spec file's own on the real PostgreSQL, with its service's tables. */
export interface OwnSchema {
  readonly name: string;
  /** Open from the file's first `beforeAll` (this one, declared first) to its last test. */
  readonly dataSource: DataSource;
}

/**
 * Opens a data source on a fresh schema `it_<prefix>_<random>` before the file's tests (running
 * the service's migrations, as the service does at start-up) and drops the schema after them, so
 * spec files never see each other's rows and leave nothing behind. Call it first in `describe`:
 * hooks run in the order they are declared, so the file's own `beforeAll` finds it open.
 */
export function ownSchema(prefix: string, parts: ServiceDataSourceParts, poolSize = 2): OwnSchema {
  const name = `it_${prefix}_${randomUUID().slice(0, 8)}`;
  let opened: DataSource | undefined;
  beforeAll(async () => {
    opened = await openServiceDataSource(
      serviceDataSourceOptions({ url: e2eEnv.databaseUrl, schema: name, poolSize }, parts),
    );
  });
  afterAll(async () => {
    await opened?.query(`DROP SCHEMA "${name}" CASCADE`);
    await opened?.destroy();
  });
  return {
    name,
    get dataSource(): DataSource {
      if (!opened) throw new Error(`the schema ${name} is not open yet: call ownSchema() first in describe`);
      return opened;
    },
  };
}

/** Ends the connection a listener opened under `applicationName` (as a server restart would); fails unless there was one. */
export async function cutListener(dataSource: DataSource, applicationName: string): Promise<void> {
  const [{ count }] = await dataSource.query<{ count: number }[]>(
    'SELECT count(pg_terminate_backend(pid))::int AS count FROM pg_stat_activity WHERE application_name = $1',
    [applicationName],
  );
  if (count !== 1) throw new Error(`expected one connection named ${applicationName}, found ${count}`);
}
