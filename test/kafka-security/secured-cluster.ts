import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { securityConfig } from '@vigie/messaging';
import { repoRoot } from '@vigie/testing';

/**
 * The secured three-node cluster these tests run against (scripts/kafka-cluster.sh up, with
 * VIGIE_HOME = VIGIE_TEST_KAFKA_CLUSTER_HOME): its users' client settings are read from the
 * env files the script writes, exactly as an operator would hand them to a service.
 */
export const CLUSTER_HOME = process.env.VIGIE_TEST_KAFKA_CLUSTER_HOME ?? join(repoRoot(), '.vigie', 'test-cluster');

export type ClusterUser = 'admin' | 'partner-registry' | 'alert-ingestion' | 'prefect-routing' | 'notification';

/** The KAFKA_* variables of one user, as `scripts/kafka-cluster.sh env <user>` prints them. */
export function userEnv(user: ClusterUser): Record<string, string> {
  const text = readFileSync(join(CLUSTER_HOME, 'kafka-cluster', 'env', `${user}.env`), 'utf8');
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

export function clusterBrokers(): string[] {
  return userEnv('admin').KAFKA_BROKERS.split(',');
}

export function caCertificate(): string {
  return readFileSync(userEnv('admin').KAFKA_SSL_CA_FILE, 'utf8');
}

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
