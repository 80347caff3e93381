// The topic retention setting as the services read it: common to all, floored, and checked
// against the personal-data period by the two services that hold one.
import { loadConfig as loadIngestionConfig } from '../apps/alert-ingestion/src/config';
import { loadConfig as loadNotificationConfig } from '../apps/notification/src/config';
import { loadConfig as loadRoutingConfig } from '../apps/prefect-routing/src/config';

const secretsKey = 'ab'.repeat(32);

describe('KAFKA_TOPIC_RETENTION_SECONDS', () => {
  it('defaults to a week, in milliseconds in the Kafka settings', () => {
    expect(loadRoutingConfig({}).kafka.topicRetentionMs).toBe(604_800_000);
    expect(loadIngestionConfig({}).kafka.topicRetentionMs).toBe(604_800_000);
  });

  it('is read from the environment', () => {
    expect(loadRoutingConfig({ KAFKA_TOPIC_RETENTION_SECONDS: '86400' }).kafka.topicRetentionMs).toBe(86_400_000);
  });

  it('may not go below one hour', () => {
    expect(() => loadRoutingConfig({ KAFKA_TOPIC_RETENTION_SECONDS: '2' })).toThrow(/KAFKA_TOPIC_RETENTION_SECONDS/);
  });

  it.each([
    ['alert-ingestion', (env: NodeJS.ProcessEnv) => loadIngestionConfig(env)],
    ['notification', (env: NodeJS.ProcessEnv) => loadNotificationConfig({ WEBHOOK_SECRETS_KEY: secretsKey, ...env })],
  ])('%s refuses to start when the topics would outlive the personal-data period', (_name, load) => {
    expect(() => load({ PERSONAL_DATA_RETENTION_SECONDS: String(3 * 86400) })).toThrow(
      /KAFKA_TOPIC_RETENTION_SECONDS: 604800 exceeds PERSONAL_DATA_RETENTION_SECONDS \(259200\)/,
    );
    expect(
      load({ PERSONAL_DATA_RETENTION_SECONDS: String(3 * 86400), KAFKA_TOPIC_RETENTION_SECONDS: String(3 * 86400) })
        .kafka.topicRetentionMs,
    ).toBe(3 * 86400 * 1000);
  });
});
