import { readFileSync } from 'node:fs';
import type { KafkaSecurity, KafkaSettings, SaslMechanism } from '@vigie/messaging';
import type { CommonEnv } from './common.env';
import { splitList } from './config.loader';

/**
 * The Kafka part of a service's configuration. Rules class-validator cannot express on one
 * field are checked here, so a half-secured setup stops the service at boot instead of
 * connecting in the clear.
 */
export function kafkaSettings(values: CommonEnv, service: { name: string }): KafkaSettings {
  const problems: string[] = [];
  const replicationFactor = values.KAFKA_REPLICATION_FACTOR;
  const minInsyncReplicas = values.KAFKA_MIN_INSYNC_REPLICAS;
  if (replicationFactor !== undefined && minInsyncReplicas !== undefined && minInsyncReplicas > replicationFactor) {
    problems.push('KAFKA_MIN_INSYNC_REPLICAS: must not exceed KAFKA_REPLICATION_FACTOR (no write could succeed)');
  }
  const security = kafkaSecurity(values, problems);
  if (problems.length > 0) throw new Error(`invalid configuration:\n${problems.map((line) => `  ${line}`).join('\n')}`);
  return {
    brokers: splitList(values.KAFKA_BROKERS),
    clientId: service.name,
    groupId: values.KAFKA_GROUP_ID ?? service.name,
    topicPartitions: values.KAFKA_TOPIC_PARTITIONS,
    topicRetentionMs: values.KAFKA_TOPIC_RETENTION_SECONDS * 1000,
    replicationFactor,
    minInsyncReplicas,
    createTopics: values.KAFKA_CREATE_TOPICS === 'true',
    security,
  };
}

function kafkaSecurity(values: CommonEnv, problems: string[]): KafkaSecurity | undefined {
  const mechanism = values.KAFKA_SASL_MECHANISM as SaslMechanism | undefined;
  const username = values.KAFKA_SASL_USERNAME;
  const password = values.KAFKA_SASL_PASSWORD;
  const caFile = values.KAFKA_SSL_CA_FILE;
  if (!mechanism) {
    if (username || password || caFile) {
      problems.push(
        'KAFKA_SASL_MECHANISM: required when KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD or KAFKA_SSL_CA_FILE is set',
      );
    }
    return undefined;
  }
  if (!username) problems.push('KAFKA_SASL_USERNAME: required with KAFKA_SASL_MECHANISM');
  if (!password) problems.push('KAFKA_SASL_PASSWORD: required with KAFKA_SASL_MECHANISM');
  let ca: string | undefined;
  if (caFile) {
    try {
      ca = readFileSync(caFile, 'utf8');
      if (!ca.includes('-----BEGIN CERTIFICATE-----')) {
        problems.push(`KAFKA_SSL_CA_FILE: ${caFile} holds no PEM certificate`);
      }
    } catch (error) {
      problems.push(`KAFKA_SSL_CA_FILE: cannot read ${caFile} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  if (!username || !password) return undefined;
  return { ca, sasl: { mechanism, username, password } };
}
