import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { KafkaConfig } from 'kafkajs';
import { SERVICES, Stack, repoRoot, type RegistryAccess, type StackOptions } from '@vigie/testing';
import { e2eEnv, newAdminKey, newSecretsKey, onKafkaCluster } from './e2e.env';
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

/** The stack of one spec file, as its tests see it once `beforeAll` has run. */
export interface TestWorld {
  readonly adminKey: string;
  readonly stack: Stack;
  /** The registry as the platform administrator reaches it, for seeding organisations. */
  readonly registry: RegistryAccess;
  /** Runs `step` at the end of the file, before the services stop (e.g. closing streams they serve). */
  beforeStop(step: () => Promise<unknown> | void): void;
}

/** What a spec file changes in its stack; a function when it depends on what must start first (a sink, a collector). */
type TestStackOptions = Partial<StackOptions> & { webhookSecretsKey?: string };

/**
 * Starts the four services for the spec file (`beforeAll`) and stops them at its end (`afterAll`).
 * Called first in the file's `describe`, so its `afterAll` runs before the file's own: the
 * services stop before the file closes the sinks they deliver to.
 */
export function useTestStack(
  name: string,
  portOffset: number,
  options: TestStackOptions | (() => Promise<TestStackOptions>) = {},
): TestWorld {
  const adminKey = newAdminKey();
  const steps: (() => Promise<unknown> | void)[] = [];
  let started: Stack | undefined;
  beforeAll(async () => {
    const { webhookSecretsKey, ...stackOptions } = typeof options === 'function' ? await options() : options;
    started = await startTestStack(name, portOffset, { adminKey, webhookSecretsKey }, stackOptions);
  }, 180_000);
  afterAll(async () => {
    for (const step of steps) await step();
    await started?.stop();
  }, 60_000);
  const stack = (): Stack => {
    if (!started) throw new Error(`the stack of ${name} is not started: use it inside a test or a hook`);
    return started;
  };
  return {
    adminKey,
    get stack() {
      return stack();
    },
    get registry() {
      return { registryUrl: stack().url('partner-registry'), adminKey };
    },
    beforeStop(step) {
      steps.push(step);
    },
  };
}
