import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { repoRoot, SERVICES, Stack, type RegistryAccess, type ServiceInstance } from '../../libs/testing/src';
import { now } from '../load/clock';
import type { BenchOptions } from '../options';

const SCHEMAS = ['registry', 'ingestion', 'routing', 'notification', 'bench_baseline'];

export interface RunningStack {
  stack: Stack;
  registry: RegistryAccess;
  /** Milliseconds from spawning the four processes to all of them answering /health. */
  startupMs: number;
}

/** Every run starts from empty service schemas, so figures do not depend on earlier runs. */
export async function resetDatabase(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const schema of SCHEMAS) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Every process of an `instances`-wide stack: the four services, then their second processes, and so on. */
export function benchInstances(instances: number): ServiceInstance[] {
  return Array.from({ length: instances }, (_, index) =>
    SERVICES.map((name): ServiceInstance => (index === 0 ? name : `${name}#${index + 1}`)),
  ).flat();
}

/**
 * The four services (`options.instances` processes of each) on the bench's own database and broker, in their default configuration
 * (a JSON line per request and per event handled, metrics on, tracing off). `nodeArgs` runs them
 * under e.g. `--cpu-prof`; `env` changes their configuration (the observability overhead runs).
 */
export async function startBenchStack(
  options: BenchOptions,
  nodeArgs: string[] = [],
  env: Record<string, string> = {},
): Promise<RunningStack> {
  const adminKey = `vgk_${randomUUID()}_${randomBytes(32).toString('base64url')}`;
  const logDir = join(repoRoot(), '.vigie', 'bench', 'logs');
  rmSync(logDir, { recursive: true, force: true });
  const started = now();
  const stack = await Stack.start({
    databaseUrl: options.databaseUrl,
    kafkaBrokers: options.kafkaBrokers,
    basePort: options.basePort,
    adminApiKey: adminKey,
    webhookSecretsKey: randomBytes(32).toString('hex'),
    logDir,
    startTimeoutMs: 180_000,
    nodeArgs,
    services: benchInstances(options.instances),
    // One key posts at every rate of the ladder. The limiter stays on, so its cost is measured, with
    // a ceiling no step reaches: the bench measures the platform, not the per-key limit.
    env: { KAFKA_TOPIC_PARTITIONS: String(options.partitions), RATE_LIMIT_PER_MINUTE: '10000000', ...env },
  });
  return {
    stack,
    registry: { registryUrl: stack.url('partner-registry'), adminKey },
    startupMs: Math.round(now() - started),
  };
}

export function servicePids(stack: Stack, instances = 1): Map<ServiceInstance, number> {
  const pids = new Map<ServiceInstance, number>();
  for (const name of benchInstances(instances)) {
    const pid = stack.pid(name);
    if (pid !== undefined) pids.set(name, pid);
  }
  return pids;
}

/** Where the load goes: every ingestion process of the stack, taken in turn. */
export function ingestionUrls(stack: Stack, instances: number): string[] {
  return benchInstances(instances)
    .filter((name) => name.startsWith('alert-ingestion'))
    .map((name) => stack.url(name));
}
