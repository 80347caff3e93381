import { Client } from 'pg';
import { e2eEnv } from './e2e.env';

const SCHEMAS = ['registry', 'ingestion', 'routing', 'notification'];

/** Each end-to-end run starts from empty service schemas (the test broker is fresh too). */
export default async function globalSetup(): Promise<void> {
  const client = new Client({ connectionString: e2eEnv.databaseUrl });
  await client.connect();
  try {
    for (const schema of SCHEMAS) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
