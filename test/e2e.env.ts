import { randomBytes, randomUUID } from 'node:crypto';
import { clusterBrokers } from './kafka-security/cluster-files';

/**
 * Where the end-to-end tests find their infrastructure. scripts/test.sh starts a dedicated,
 * freshly formatted broker for them, so they never share topics with a running demo.
 */
/**
 * `VIGIE_TEST_KAFKA_CLUSTER=1`: the secured three-node cluster at VIGIE_TEST_KAFKA_CLUSTER_HOME
 * instead (scripts/kafka-cluster.sh), each service with its own Kafka user, the tests as admin.
 * The kafka-security project always sets it.
 */
export const onKafkaCluster = process.env.VIGIE_TEST_KAFKA_CLUSTER === '1';

export const e2eEnv = {
  kafkaBrokers: onKafkaCluster
    ? clusterBrokers().join(',')
    : (process.env.VIGIE_TEST_KAFKA_BROKERS ?? '127.0.0.1:19092'),
  databaseUrl: process.env.VIGIE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vigie_test',
  basePort: Number(process.env.VIGIE_TEST_BASE_PORT ?? 3100),
};

export function newAdminKey(): string {
  return `vgk_${randomUUID()}_${randomBytes(32).toString('base64url')}`;
}

export function newSecretsKey(): string {
  return randomBytes(32).toString('hex');
}
