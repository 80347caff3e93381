// Topic retention on the real test broker: set at creation, restored at start, compaction
// left alone, an operator's other overrides kept (Kafka's AlterConfigs replaces them all).
import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, ConfigSource, Kafka, logLevel, type Admin } from 'kafkajs';
import { COMPACTED_TOPICS, Topics, allTopics, deadLetterTopicOf, type Topic } from '@vigie/contracts';
import {
  TOPIC_RETENTION_DEFAULT_SECONDS,
  TopicProvisioner,
  provisionTopics,
  type KafkaSettings,
  type TopicSettings,
} from '@vigie/messaging';
import { waitFor } from '@vigie/testing';
import { e2eEnv } from './e2e.env';

const DAY_MS = 86_400_000;

describe('topic retention set by Vigie', () => {
  const brokers = [e2eEnv.kafkaBrokers];
  const kafka = new Kafka({ clientId: 'vigie-test-retention', brokers, logLevel: logLevel.NOTHING });
  let admin: Admin;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.disconnect();
  });

  /** Each topic's settings as the broker reports them, with where each value comes from. */
  async function settingsOf(topics: string[]): Promise<Map<string, Map<string, { value: string; override: boolean }>>> {
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
    });
    return new Map(
      described.resources.map((resource) => [
        resource.resourceName,
        new Map(
          resource.configEntries.map((entry) => [
            entry.configName,
            { value: entry.configValue, override: entry.configSource === ConfigSource.TOPIC_CONFIG },
          ]),
        ),
      ]),
    );
  }

  type Settings = Awaited<ReturnType<typeof settingsOf>>;

  /**
   * The settings once `check` passes on them: a change reaches the broker's answers through
   * the KRaft metadata log, a few milliseconds after alterConfigs returned.
   */
  function settled(topics: string[], check: (settings: Settings) => void): Promise<Settings> {
    return waitFor(
      async () => {
        const settings = await settingsOf(topics);
        check(settings);
        return settings;
      },
      { what: `the settings of ${topics.join(', ')}` },
    );
  }

  async function provisionVigieTopics(retentionMs: number): Promise<void> {
    const settings: KafkaSettings = {
      brokers,
      clientId: 'vigie-test-retention',
      groupId: 'vigie-test-retention',
      topicPartitions: 3,
      topicRetentionMs: retentionMs,
      createTopics: true,
    };
    await new TopicProvisioner(kafka, settings).onModuleInit();
  }

  describe('on topics of its own (created, drifted, restored)', () => {
    const events = `vigie-test.${randomUUID()}.events`;
    const state = `vigie-test.${randomUUID()}.state`;
    const wanted = (retentionMs: number): TopicSettings =>
      new Map<string, Record<string, string>>([
        [events, { 'cleanup.policy': 'delete', 'retention.ms': String(retentionMs) }],
        [state, { 'cleanup.policy': 'compact' }],
      ]);

    afterAll(async () => {
      await admin.deleteTopics({ topics: [events, state] }).catch(() => undefined);
    });

    it('creates a topic with its retention, and a compacted one without', async () => {
      expect(await provisionTopics(admin, wanted(2 * DAY_MS), 1)).toEqual({ created: [events, state], reconciled: [] });
      await settled([events, state], (settings) => {
        expect(settings.get(events)?.get('retention.ms')).toEqual({ value: String(2 * DAY_MS), override: true });
        expect(settings.get(state)?.get('cleanup.policy')).toEqual({ value: 'compact', override: true });
        expect(settings.get(state)?.get('retention.ms')?.override).toBe(false);
      });
    });

    it('restores the retention that was changed behind its back, keeping the other overrides', async () => {
      await admin.alterConfigs({
        validateOnly: false,
        resources: [
          {
            type: ConfigResourceTypes.TOPIC,
            name: events,
            configEntries: [
              { name: 'retention.ms', value: String(30 * DAY_MS) },
              { name: 'max.message.bytes', value: '2000000' },
            ],
          },
        ],
      });
      await settled([events], (settings) =>
        expect(settings.get(events)?.get('retention.ms')?.value).toBe(String(30 * DAY_MS)),
      );

      expect(await provisionTopics(admin, wanted(2 * DAY_MS), 1)).toEqual({ created: [], reconciled: [events] });
      await settled([events], (settings) => {
        expect(settings.get(events)?.get('retention.ms')).toEqual({ value: String(2 * DAY_MS), override: true });
        expect(settings.get(events)?.get('max.message.bytes')).toEqual({ value: '2000000', override: true });
      });
    });

    it('changes nothing when the topics already match, and follows a new configured period', async () => {
      expect(await provisionTopics(admin, wanted(2 * DAY_MS), 1)).toEqual({ created: [], reconciled: [] });
      expect(await provisionTopics(admin, wanted(DAY_MS), 1)).toEqual({ created: [], reconciled: [events] });
      await settled([events, state], (settings) => {
        expect(settings.get(events)?.get('retention.ms')?.value).toBe(String(DAY_MS));
        expect(settings.get(state)?.get('cleanup.policy')?.value).toBe('compact');
      });
    });
  });

  describe("on Vigie's topics, as every service provisions them at start", () => {
    afterAll(async () => {
      // Leave the shared broker as the other suites' services would set it.
      await provisionVigieTopics(TOPIC_RETENTION_DEFAULT_SECONDS * 1000);
    });

    it.each([3 * DAY_MS, 2 * DAY_MS])(
      'gives every topic that is not compacted, dead-letter twins included, retention.ms=%d',
      async (retentionMs) => {
        await provisionVigieTopics(retentionMs);
        const settings = await settled(allTopics(), (settings) => {
          expect(settings.size).toBe(allTopics().length);
          for (const topic of allTopics()) {
            const own = settings.get(topic);
            if (COMPACTED_TOPICS.includes(topic as Topic)) {
              expect([topic, own?.get('cleanup.policy')?.value]).toEqual([topic, 'compact']);
              expect([topic, own?.get('retention.ms')?.override]).toEqual([topic, false]);
            } else {
              expect([topic, own?.get('retention.ms')?.value]).toEqual([topic, String(retentionMs)]);
            }
          }
        });
        expect(settings.get(deadLetterTopicOf(Topics.AlertSubmittedV1))?.get('retention.ms')?.value).toBe(
          String(retentionMs),
        );
      },
    );
  });
});
