import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { COMPACTED_TOPICS, allTopics, type Topic } from '@vigie/contracts';
import type { KafkaSettings } from './kafka.settings';
import { KAFKA_CLIENT, KAFKA_SETTINGS } from './kafka.tokens';

/** Creates every versioned topic and its dead-letter twin; the broker never auto-creates. */
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
      const existing = new Set(await admin.listTopics());
      const missing = allTopics().filter((topic) => !existing.has(topic));
      if (missing.length === 0) return;
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: this.settings.topicPartitions,
          replicationFactor: this.settings.replicationFactor ?? -1,
          configEntries: (COMPACTED_TOPICS.includes(topic as Topic)
            ? [{ name: 'cleanup.policy', value: 'compact' }]
            : []
          ).concat(minInsyncReplicasEntry(this.settings)),
        })),
      });
      this.logger.log(`created topics: ${missing.join(', ')}`);
    } finally {
      await admin.disconnect();
    }
  }
}

/** Unset: the broker's `min.insync.replicas` applies. */
function minInsyncReplicasEntry(settings: KafkaSettings): { name: string; value: string }[] {
  const value = settings.minInsyncReplicas;
  return value === undefined ? [] : [{ name: 'min.insync.replicas', value: String(value) }];
}
