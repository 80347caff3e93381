import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommonEnv } from './common.env';
import { loadEnv } from './config.loader';
import { kafkaSettings } from './kafka.config';

const service = { name: 'notification' };
const settingsFrom = (env: Record<string, string>) => kafkaSettings(loadEnv(CommonEnv, env), service);

describe('Kafka configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-kafka-config-'));
  const caFile = join(dir, 'ca.crt');
  writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  const secured = {
    KAFKA_BROKERS: 'k1:9094,k2:9094,k3:9094',
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: 'notification',
    KAFKA_SASL_PASSWORD: 's3cret',
    KAFKA_SSL_CA_FILE: caFile,
  };

  it('is plaintext, broker-default replication and self-provisioned topics by default', () => {
    expect(settingsFrom({})).toEqual({
      brokers: ['127.0.0.1:9092'],
      clientId: 'notification',
      groupId: 'notification',
      topicPartitions: 3,
      // Seven days: what the broker kept before Vigie set it (ADR 20).
      topicRetentionMs: 604_800_000,
      replicationFactor: undefined,
      minInsyncReplicas: undefined,
      createTopics: true,
      security: undefined,
    });
  });

  it('reads a secured cluster: brokers, replication, SCRAM credentials and the CA', () => {
    const settings = settingsFrom({
      ...secured,
      KAFKA_REPLICATION_FACTOR: '3',
      KAFKA_MIN_INSYNC_REPLICAS: '2',
      KAFKA_CREATE_TOPICS: 'false',
    });
    expect(settings).toMatchObject({
      brokers: ['k1:9094', 'k2:9094', 'k3:9094'],
      replicationFactor: 3,
      minInsyncReplicas: 2,
      createTopics: false,
      security: { sasl: { mechanism: 'scram-sha-512', username: 'notification', password: 's3cret' } },
    });
    expect(settings.security?.ca).toContain('BEGIN CERTIFICATE');
  });

  it('refuses half a security setup, listing what is missing', () => {
    expect(() => settingsFrom({ KAFKA_SASL_USERNAME: 'notification', KAFKA_SSL_CA_FILE: caFile })).toThrow(
      /KAFKA_SASL_MECHANISM: required/,
    );
    expect(() => settingsFrom({ KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toThrow(
      /KAFKA_SASL_USERNAME: required[\s\S]*KAFKA_SASL_PASSWORD: required/,
    );
    expect(() => loadEnv(CommonEnv, { ...secured, KAFKA_SASL_MECHANISM: 'plain' })).toThrow(/KAFKA_SASL_MECHANISM/);
  });

  it('refuses a CA file that cannot be read or holds no certificate', () => {
    expect(() => settingsFrom({ ...secured, KAFKA_SSL_CA_FILE: join(dir, 'missing.crt') })).toThrow(
      /KAFKA_SSL_CA_FILE: cannot read .*missing\.crt \(ENOENT\)/,
    );
    const notPem = join(dir, 'key.txt');
    writeFileSync(notPem, 'hello');
    expect(() => settingsFrom({ ...secured, KAFKA_SSL_CA_FILE: notPem })).toThrow(/holds no PEM certificate/);
  });

  it('refuses a minimum of in-sync replicas above the replication factor', () => {
    expect(() => settingsFrom({ KAFKA_REPLICATION_FACTOR: '1', KAFKA_MIN_INSYNC_REPLICAS: '2' })).toThrow(
      /KAFKA_MIN_INSYNC_REPLICAS: must not exceed/,
    );
  });
});
