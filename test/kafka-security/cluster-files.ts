import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the secured three-node cluster of the tests keeps its state (scripts/kafka-cluster.sh
 * up, with VIGIE_HOME = VIGIE_TEST_KAFKA_CLUSTER_HOME): its users' client settings are read from
 * the env files the script writes, exactly as an operator would hand them to a service. Plain
 * Node only: Jest's global setup loads this file without the @vigie/* aliases.
 */
export const CLUSTER_HOME =
  process.env.VIGIE_TEST_KAFKA_CLUSTER_HOME ?? join(__dirname, '..', '..', '.vigie', 'test-cluster');

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
