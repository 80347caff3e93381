import { CommonEnv, portField } from './common.env';
import { loadEnv, splitList } from './config.loader';
import { serviceConfig } from './service.config';

class TestEnv extends CommonEnv {
  @portField() HTTP_PORT: number = 3999;
}

describe('configuration', () => {
  it('applies defaults and converts numbers', () => {
    const values = loadEnv(TestEnv, { HTTP_PORT: '4000', PATH: '/usr/bin' });
    expect(values.HTTP_PORT).toBe(4000);
    expect(values.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect(serviceConfig(values, { name: 'alert-ingestion', schema: 'ingestion' })).toMatchObject({
      http: { host: '127.0.0.1', port: 4000 },
      schema: 'ingestion',
      kafka: {
        brokers: ['127.0.0.1:9092'],
        clientId: 'alert-ingestion',
        groupId: 'alert-ingestion',
        topicPartitions: 3,
      },
    });
  });

  it('refuses a bad configuration, listing every problem', () => {
    expect(() =>
      loadEnv(TestEnv, {
        HTTP_PORT: '70000',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'chatty',
        KAFKA_TOPIC_PARTITIONS: '0',
      }),
    ).toThrow(/^invalid configuration:(\n {2}(HTTP_PORT|DATABASE_URL|KAFKA_TOPIC_PARTITIONS|LOG_LEVEL): [^\n]+){4}$/);
  });

  it('splits comma-separated lists', () => {
    expect(splitList(' a:1, b:2 ,,')).toEqual(['a:1', 'b:2']);
  });
});
