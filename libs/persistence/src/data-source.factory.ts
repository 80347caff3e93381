import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';

export interface PersistenceSettings {
  /** postgres://user@host:port/database */
  url: string;
  /** The service's own schema: no service reads another's tables. */
  schema: string;
  poolSize?: number;
}

export interface ServiceDataSourceParts {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /**
   * Tables besides the outbox and the inbox whose rows are updated or deleted soon after their
   * insertion (e.g. deliveries): the service vacuums them itself once enough rows are dead.
   */
  queueTables?: string[];
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

/** Options for one service's DataSource: its schema first on the search path, migrations explicit. */
export function serviceDataSourceOptions(
  settings: PersistenceSettings,
  parts: ServiceDataSourceParts,
): DataSourceOptions {
  if (!SCHEMA_NAME.test(settings.schema)) {
    throw new Error(`invalid schema name: ${settings.schema}`);
  }
  return {
    type: 'postgres',
    url: settings.url,
    schema: settings.schema,
    entities: parts.entities,
    migrations: parts.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    // Failed queries surface as errors in the service's own log; TypeORM's log would add their parameters (personal data).
    logging: false,
    extra: {
      max: settings.poolSize ?? 10,
      // Connections stay open once made: at a trickle, pg's default (closing one idle 10 s) made
      // the next burst open a connection and prepare its statements again on the request path.
      idleTimeoutMillis: 0,
      options: `-c search_path=${settings.schema}`,
      application_name: settings.schema,
      connectionTimeoutMillis: 5000,
    },
  };
}

/**
 * Opens the DataSource, creates the schema if needed and applies pending migrations under a
 * PostgreSQL advisory lock, so several instances starting together migrate once.
 */
export async function openServiceDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  const schema = (options as { schema?: string }).schema ?? 'public';
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`vigie.migrations.${schema}`]);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`vigie.migrations.${schema}`]);
    }
  } catch (error) {
    await runner.release();
    await dataSource.destroy();
    throw error;
  }
  await runner.release();
  return dataSource;
}
