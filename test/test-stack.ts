import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Stack, repoRoot, type StackOptions } from '@vigie/testing';
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

/**
 * The dedicated test broker (scripts/test.sh starts it), stopped and started again by durability
 * tests. Asynchronous, so the test's own servers (webhook sinks) keep answering meanwhile.
 */
export async function testBroker(command: 'up' | 'down'): Promise<void> {
  const port = Number(e2eEnv.kafkaBrokers.split(':').pop());
  await promisify(execFile)('bash', [join(repoRoot(), 'scripts', 'infra.sh'), command], {
    env: {
      ...process.env,
      VIGIE_HOME: join(repoRoot(), '.vigie', 'test-broker'),
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: String(port + 1),
    },
  });
}
