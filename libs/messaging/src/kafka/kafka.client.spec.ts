import { Logger } from '@nestjs/common';
import { createKafkaClient, securityConfig, UNSECURED_KAFKA_WARNING } from './kafka.client';

describe('Kafka client security', () => {
  it('adds nothing without security settings (plaintext development broker)', () => {
    expect(securityConfig({})).toEqual({});
  });

  it('verifies the broker against the given CA and logs in with SCRAM', () => {
    const config = securityConfig({
      security: { ca: 'PEM', sasl: { mechanism: 'scram-sha-512', username: 'routing', password: 'p' } },
    });
    expect(config).toEqual({
      ssl: { ca: ['PEM'], rejectUnauthorized: true },
      sasl: { mechanism: 'scram-sha-512', username: 'routing', password: 'p' },
    });
  });

  it('falls back on the system CAs when none is given, never on an unverified connection', () => {
    expect(
      securityConfig({ security: { sasl: { mechanism: 'scram-sha-256', username: 'u', password: 'p' } } }).ssl,
    ).toBe(true);
  });
});

describe('createKafkaClient', () => {
  const base = {
    brokers: ['127.0.0.1:1'],
    clientId: 'notification',
    groupId: 'notification',
    topicPartitions: 3,
    topicRetentionMs: 604_800_000,
  };
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('warns in one line when the connection is neither authenticated nor encrypted', () => {
    createKafkaClient({ ...base, createTopics: true });
    expect(warn.mock.calls).toEqual([[UNSECURED_KAFKA_WARNING]]);
    expect(UNSECURED_KAFKA_WARNING).toBe('Kafka connection is not authenticated or encrypted — local development only');
  });

  it('says nothing when SASL over TLS is configured', () => {
    createKafkaClient({
      ...base,
      createTopics: false,
      security: { sasl: { mechanism: 'scram-sha-512', username: 'notification', password: 'p' } },
    });
    expect(warn).not.toHaveBeenCalled();
  });
});
