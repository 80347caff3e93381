import { Stack, repoRoot, type StackOptions } from '@vigie/testing';
import { join } from 'node:path';
import { e2eEnv, newSecretsKey } from './e2e.env';

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
