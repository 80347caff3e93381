import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ConfigResourceTypes, ConfigSource, type Admin, type Kafka } from 'kafkajs';
import { COMPACTED_TOPICS, allTopics, type Topic } from '@vigie/contracts';
import type { KafkaSettings } from './kafka.settings';
import { KAFKA_CLIENT, KAFKA_SETTINGS } from './kafka.tokens';

/** The topic-level settings Vigie owns, by topic name. */
export type TopicSettings = ReadonlyMap<string, Readonly<Record<string, string>>>;

/**
 * Compacted topics keep the latest state per key for as long as the key lives: they keep their
 * policy and no time limit. Every other topic, dead-letter twins included, carries events
 * (alerts among them) for `retention.ms`.
 */
export function vigieTopicSettings(retentionMs: number, minInsyncReplicas?: number): TopicSettings {
  // Unset: the broker's `min.insync.replicas` applies (the single development broker).
  const durability: Record<string, string> =
    minInsyncReplicas === undefined ? {} : { 'min.insync.replicas': String(minInsyncReplicas) };
  return new Map(
    allTopics().map((topic): [string, Record<string, string>] => [
      topic,
      COMPACTED_TOPICS.includes(topic as Topic)
        ? { 'cleanup.policy': 'compact', ...durability }
        : { 'cleanup.policy': 'delete', 'retention.ms': String(retentionMs), ...durability },
    ]),
  );
}

/**
 * Creates the missing topics with their settings and brings existing ones back to them; returns
 * what it changed. Kafka's AlterConfigs (the version kafkajs speaks) replaces a topic's whole
 * set of overrides, so the overrides already there (an operator's, e.g. `max.message.bytes`)
 * are sent back with Vigie's.
 */
export async function provisionTopics(
  admin: Admin,
  wanted: TopicSettings,
  partitions: number,
  /** Absent: the broker's `default.replication.factor`. */
  replicationFactor?: number,
): Promise<{ created: string[]; reconciled: string[] }> {
  const existing = new Set(await admin.listTopics());
  const missing = [...wanted.keys()].filter((topic) => !existing.has(topic));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: partitions,
        replicationFactor: replicationFactor ?? -1,
        configEntries: Object.entries(wanted.get(topic) ?? {}).map(([name, value]) => ({ name, value })),
      })),
    });
  }
  const present = [...wanted.keys()].filter((topic) => existing.has(topic));
  if (present.length === 0) return { created: missing, reconciled: [] };

  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: present.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
  });
  const drifted = described.resources.flatMap((resource) => {
    if (resource.errorCode !== 0) {
      throw new Error(`cannot read the settings of topic ${resource.resourceName}: ${resource.errorMessage}`);
    }
    const overrides = Object.fromEntries(
      resource.configEntries
        .filter((entry) => entry.configSource === ConfigSource.TOPIC_CONFIG)
        .map((entry) => [entry.configName, entry.configValue]),
    );
    const current = Object.fromEntries(resource.configEntries.map((entry) => [entry.configName, entry.configValue]));
    const own = wanted.get(resource.resourceName) ?? {};
    const differs = Object.entries(own).some(([name, value]) => current[name] !== value);
    return differs ? [{ name: resource.resourceName, settings: { ...overrides, ...own } }] : [];
  });
  if (drifted.length > 0) {
    await admin.alterConfigs({
      validateOnly: false,
      resources: drifted.map(({ name, settings }) => ({
        type: ConfigResourceTypes.TOPIC,
        name,
        configEntries: Object.entries(settings).map(([configName, value]) => ({ name: configName, value })),
      })),
    });
  }
  return { created: missing, reconciled: drifted.map(({ name }) => name) };
}

/**
 * Creates every versioned topic and its dead-letter twin (the broker never auto-creates), and
 * restores their retention at every start, so the configured period applies to topics created
 * before it was set or changed. Every service does it: all must run with the same
 * KAFKA_TOPIC_RETENTION_SECONDS, or each start undoes the previous one (the log says so).
 */
@Injectable()
export class TopicProvisioner implements OnModuleInit {
  private readonly logger = new Logger(TopicProvisioner.name);

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(KAFKA_SETTINGS) private readonly settings: KafkaSettings,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.settings.createTopics) return; // provisioned by the cluster's admin (scripts/kafka-provision.ts)
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { created, reconciled } = await provisionTopics(
        admin,
        vigieTopicSettings(this.settings.topicRetentionMs, this.settings.minInsyncReplicas),
        this.settings.topicPartitions,
        this.settings.replicationFactor,
      );
      if (created.length > 0) this.logger.log(`created topics: ${created.join(', ')}`);
      if (reconciled.length > 0) {
        this.logger.log(
          `topic settings restored (retention.ms=${this.settings.topicRetentionMs}): ${reconciled.join(', ')}`,
        );
      }
    } finally {
      await admin.disconnect();
    }
  }
}
