import { Inject, Injectable, Optional, type OnModuleDestroy } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';
import { Metrics } from '@vigie/observability';
import { withDeadline } from '../deadline';
import { KAFKA_CLIENT, MESSAGING_OPTIONS } from '../kafka/kafka.tokens';
import type { MessagingOptions } from '../messaging.options';
import { ConsumerGroupState } from './consumer-group.state';
import { EventConsumer } from './event.consumer';

const TIMEOUT_MS = 2000;

/**
 * Consumer lag per group and partition, read from the broker at scrape time (committed offset
 * against the partition's end), so a stuck consumer shows a growing lag rather than a stale
 * value. When the broker does not answer, the gauge is left empty for that scrape.
 */
@Injectable()
export class ConsumerLagMetrics implements OnModuleDestroy {
  private admin: Promise<Admin> | null = null;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly group: ConsumerGroupState,
    private readonly events: EventConsumer,
    @Optional() metrics?: Metrics,
  ) {
    const read = () => this.read();
    (metrics ?? new Metrics()).gauge({
      name: 'vigie_consumer_lag_messages',
      help: "Messages of a partition not yet handled by the service's consumer group",
      labelNames: ['group', 'topic', 'partition'],
      async collect() {
        this.reset();
        for (const sample of await read()) this.set(sample.labels, sample.value);
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    const pending = this.admin;
    this.admin = null;
    await pending?.then((admin) => admin.disconnect()).catch(() => undefined);
  }

  private async read(): Promise<{ labels: { group: string; topic: string; partition: string }; value: number }[]> {
    if (!this.group.consumes) return [];
    const groupId = this.options.kafka.groupId;
    const topics = this.events.topics();
    try {
      return await withDeadline(this.query(groupId, topics), TIMEOUT_MS, 'no answer');
    } catch {
      const pending = this.admin;
      this.admin = null;
      void pending?.then((admin) => admin.disconnect()).catch(() => undefined);
      return [];
    }
  }

  private async query(groupId: string, topics: string[]) {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    const admin = await this.admin;
    const committed = await admin.fetchOffsets({ groupId, topics });
    const samples = [];
    for (const { topic, partitions } of committed) {
      const ends = new Map((await admin.fetchTopicOffsets(topic)).map((end) => [end.partition, end]));
      for (const { partition, offset } of partitions) {
        const end = ends.get(partition);
        if (!end) continue;
        // -1: nothing committed yet; the group starts from the beginning (low watermark).
        const from = Number(offset) < 0 ? Number(end.low) : Number(offset);
        samples.push({
          labels: { group: groupId, topic, partition: String(partition) },
          value: Math.max(0, Number(end.high) - from),
        });
      }
    }
    return samples;
  }
}
