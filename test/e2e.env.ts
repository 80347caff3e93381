import { Stack, repoRoot, type StackOptions } from '@vigie/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';

/**
 * Where the end-to-end tests find their infrastructure. scripts/test.sh starts a dedicated,
 * freshly formatted broker for them, so they never share topics with a running demo.
 */
export const e2eEnv = {
  kafkaBrokers: process.env.VIGIE_TEST_KAFKA_BROKERS ?? '127.0.0.1:19092',
  databaseUrl: process.env.VIGIE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vigie_test',
  basePort: Number(process.env.VIGIE_TEST_BASE_PORT ?? 3100),
};

export function newAdminKey(): string {
  return `vgk_${randomUUID()}_${randomBytes(32).toString('base64url')}`;
}

export function newSecretsKey(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The four services for one spec file, on the test broker and database. Each file gets its
 * own ports (basePort + portOffset) and log folder.
 */
export function startTestStack(
  name: string,
  portOffset: number,
  keys: { adminKey: string; webhookSecretsKey?: string },
  options: Partial<StackOptions> = {},
): Promise<Stack> {
  return Stack.start({
    databaseUrl: e2eEnv.databaseUrl,
    kafkaBrokers: e2eEnv.kafkaBrokers,
    basePort: e2eEnv.basePort + portOffset,
    adminApiKey: keys.adminKey,
    webhookSecretsKey: keys.webhookSecretsKey ?? newSecretsKey(),
    logDir: join(repoRoot(), '.vigie', 'test-logs', name),
    ...options,
  });
}
