import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stopChild } from './child-process';
import { repoRoot } from './repo-root';
import { waitFor } from './wait-for';

export const SERVICES = ['partner-registry', 'alert-ingestion', 'prefect-routing', 'notification'] as const;
export type ServiceName = (typeof SERVICES)[number];
/**
 * One process of a service: its name for the first, `<name>#2` for a second process in the same
 * consumer group. Instance n listens on basePort + 4 × (n − 1) + the service's rank, so a stack
 * with second instances spans basePort + 1 … + 8.
 */
export type ServiceInstance = ServiceName | `${ServiceName}#${number}`;

function parseInstance(instance: ServiceInstance): { name: ServiceName; number: number } {
  const [name, number] = instance.split('#');
  return { name: name as ServiceName, number: number === undefined ? 1 : Number(number) };
}

export interface StackOptions {
  databaseUrl: string;
  kafkaBrokers: string;
  /** Services listen on basePort + 1 … + 4, in the order of SERVICES. */
  basePort: number;
  adminApiKey: string;
  webhookSecretsKey: string;
  logDir: string;
  logLevel?: string;
  startTimeoutMs?: number;
  /** Which services to run (all four by default); `<name>#2` adds a second process of a service. */
  services?: readonly ServiceInstance[];
  /** Extra environment for every service of this stack. */
  env?: Record<string, string>;
  /** Extra environment for every process of one service (e.g. its own Kafka credentials). */
  serviceEnv?: Partial<Record<ServiceName, Record<string, string>>>;
  /** Extra Node options for every service (e.g. `--cpu-prof`, which NODE_OPTIONS does not accept). */
  nodeArgs?: string[];
}

/**
 * The four services as separate Node processes running the built code (dist/), each logging
 * to its own file. Used by the end-to-end tests and the demo.
 */
export class Stack {
  private readonly processes = new Map<ServiceInstance, ChildProcess>();
  /** Signs the stack's person access tokens; every registry process of the stack shares it. */
  readonly personTokenKey = generateKeyPairSync('ed25519')
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString();

  private constructor(private readonly options: StackOptions) {
    // Never leave services behind, even when the test runner exits abruptly.
    process.once('exit', () => {
      for (const child of this.processes.values()) child.kill('SIGKILL');
    });
  }

  static async start(options: StackOptions): Promise<Stack> {
    const stack = new Stack(options);
    mkdirSync(options.logDir, { recursive: true });
    try {
      await Promise.all((options.services ?? SERVICES).map((name) => stack.startService(name)));
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  url(name: ServiceInstance): string {
    return `http://127.0.0.1:${this.port(name)}`;
  }

  /** Where a service's Prometheus metrics are served (its own port: HTTP port + 100). */
  metricsUrl(name: ServiceInstance): string {
    return `http://127.0.0.1:${this.port(name) + 100}/metrics`;
  }

  /** The process id of a running service (for resource measurements). */
  pid(name: ServiceInstance): number | undefined {
    return this.processes.get(name)?.pid;
  }

  logFile(name: ServiceInstance): string {
    return join(this.options.logDir, `${name.replace('#', '-')}.log`);
  }

  async startService(name: ServiceInstance): Promise<void> {
    const main = join(repoRoot(), 'dist', 'apps', parseInstance(name).name, 'src', 'main.js');
    const log = openSync(this.logFile(name), 'a');
    const child = spawn(process.execPath, [...(this.options.nodeArgs ?? []), main], {
      env: { ...process.env, ...this.environment(name) },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    this.processes.set(name, child);
    let exited: string | undefined;
    child.once('exit', (code, signal) => {
      exited = `exited (${signal ?? code})`;
    });
    await waitFor(
      async () => {
        if (exited) throw new Error(`${name} ${exited}; log tail:\n${this.logTail(name)}`);
        const response = await fetch(`${this.url(name)}/health`);
        return response.ok;
      },
      { what: `${name} to be healthy`, timeoutMs: this.options.startTimeoutMs ?? 90000, intervalMs: 100 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n--- ${name} log ---\n${this.logTail(name)}`);
    });
  }

  /** SIGTERM every service (graceful shutdown), SIGKILL what is still running after 15 s. */
  async stop(): Promise<void> {
    await Promise.all([...this.processes.keys()].map((name) => this.stopService(name)));
  }

  async stopService(name: ServiceInstance, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.processes.get(name);
    this.processes.delete(name);
    if (child) await stopChild(child, 15_000, signal);
  }

  private port(instance: ServiceInstance): number {
    const { name, number } = parseInstance(instance);
    return this.options.basePort + SERVICES.length * (number - 1) + SERVICES.indexOf(name) + 1;
  }

  private processesOf(service: ServiceName): number {
    return (this.options.services ?? SERVICES).filter((instance) => parseInstance(instance).name === service).length;
  }

  private environment(name: ServiceInstance): Record<string, string> {
    return {
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(this.port(name)),
      METRICS_PORT: String(this.port(name) + 100),
      DATABASE_URL: this.options.databaseUrl,
      KAFKA_BROKERS: this.options.kafkaBrokers,
      LOG_LEVEL: this.options.logLevel ?? 'log',
      REGISTRY_ADMIN_API_KEY: this.options.adminApiKey,
      WEBHOOK_SECRETS_KEY: this.options.webhookSecretsKey,
      REGISTRY_URL: this.url('partner-registry'),
      PERSON_TOKEN_SIGNING_KEY: this.personTokenKey,
      // Every endpoint of a local stack is on loopback.
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      // A service of which this stack runs one process declares it (ADR 52).
      OUTBOX_DIRECT_PUBLICATION: this.processesOf(parseInstance(name).name) === 1 ? 'true' : 'false',
      ...this.options.env,
      ...this.options.serviceEnv?.[parseInstance(name).name],
    };
  }

  private logTail(name: ServiceInstance): string {
    try {
      return readFileSync(this.logFile(name), 'utf8').split('\n').slice(-40).join('\n');
    } catch {
      return '(no log)';
    }
  }
}
