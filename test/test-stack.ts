import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { KafkaConfig } from 'kafkajs';
import { SERVICES, Stack, repoRoot, type StackOptions } from '@vigie/testing';
import { e2eEnv, newSecretsKey, onKafkaCluster } from './e2e.env';
import { adminKafkaConfig, clusterCommand, servicesOnCluster } from './kafka-security/secured-cluster';

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
    ...(onKafkaCluster ? { serviceEnv: servicesOnCluster(SERVICES) } : {}),
    ...options,
  });
}

/**
 * The dedicated test broker (scripts/test.sh starts it), stopped and started again by durability
 * tests. Asynchronous, so the test's own servers (webhook sinks) keep answering meanwhile.
 */
export async function testBroker(command: 'up' | 'down'): Promise<void> {
  if (onKafkaCluster) return clusterCommand(command); // the whole cluster
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

/** How the tests' own Kafka clients reach the test broker (or the secured cluster, as its admin). */
export function testKafkaConfig(): Pick<KafkaConfig, 'brokers' | 'ssl' | 'sasl'> {
  return onKafkaCluster ? adminKafkaConfig() : { brokers: [e2eEnv.kafkaBrokers] };
}
