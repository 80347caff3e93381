import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { securityConfig } from '@vigie/messaging';
import { repoRoot } from '@vigie/testing';
import { caCertificate, CLUSTER_HOME, clusterBrokers, userEnv, type ClusterUser } from './cluster-files';

export { caCertificate, CLUSTER_HOME, clusterBrokers, userEnv, type ClusterUser };

/** Fails fast: a refused connection must show as a rejection, not as minutes of retries. */
const quick: Partial<KafkaConfig> = {
  logLevel: logLevel.NOTHING,
  connectionTimeout: 3000,
  requestTimeout: 5000,
  retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 500 },
};

/** A client logged in as `user` (optionally with another password), through the project's own security config. */
export function clientAs(user: ClusterUser, password?: string): Kafka {
  const env = userEnv(user);
  return new Kafka({
    clientId: `kafka-security-test-${user}`,
    brokers: clusterBrokers(),
    ...quick,
    ...securityConfig({
      security: {
        ca: caCertificate(),
        sasl: { mechanism: 'scram-sha-512', username: user, password: password ?? env.KAFKA_SASL_PASSWORD },
      },
    }),
  });
}

/** A client with arbitrary transport settings (plaintext, TLS without SASL, an untrusted CA…). */
export function rawClient(config: Pick<KafkaConfig, 'ssl' | 'sasl'>): Kafka {
  return new Kafka({ clientId: 'kafka-security-test-raw', brokers: clusterBrokers(), ...quick, ...config });
}

/** The admin's client settings: what the tests themselves use to look at the cluster. */
export function adminKafkaConfig(): Pick<KafkaConfig, 'brokers' | 'ssl' | 'sasl'> {
  return {
    brokers: clusterBrokers(),
    ...securityConfig({
      security: {
        ca: caCertificate(),
        sasl: { mechanism: 'scram-sha-512', username: 'admin', password: userEnv('admin').KAFKA_SASL_PASSWORD },
      },
    }),
  };
}

/** Each service's own Kafka user; topics are the admin's business on a secured cluster. */
export function servicesOnCluster(services: readonly string[]): Record<string, Record<string, string>> {
  return Object.fromEntries(
    services.map((service) => [service, { ...userEnv(service as ClusterUser), KAFKA_CREATE_TOPICS: 'false' }]),
  );
}

/** `scripts/kafka-cluster.sh <command> [node]` on the tests' cluster (the ports are remembered in its state). */
export async function clusterCommand(
  command: 'up' | 'down' | 'start' | 'stop' | 'kill',
  node?: 1 | 2 | 3,
): Promise<void> {
  await promisify(execFile)(
    'bash',
    [join(repoRoot(), 'scripts', 'kafka-cluster.sh'), command, ...(node ? [String(node)] : [])],
    { env: { ...process.env, VIGIE_HOME: CLUSTER_HOME } },
  );
}
