import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { KafkaProducer } from '@vigie/messaging';
import { readTopic, waitFor } from '@vigie/testing';
import { adminKafkaConfig, clientAs } from './secured-cluster';

/**
 * The loss seen once in the cluster fault scenario (an outbox row marked published, its event
 * never on the topic), made deterministic: one send spans two brokers, the partition one of
 * them led has meanwhile moved to the other. kafkajs retried only the broker that failed, found
 * the partition on the broker that had already answered, and resolved without writing it
 * (kafkajs#1303). The service producer must resolve only once every message is written.
 */
describe('the service producer when a partition leader moves under a send', () => {
  const admin = clientAs('admin').admin();
  const kafka = new Kafka({ clientId: 'producer-failover-test', logLevel: logLevel.NOTHING, ...adminKafkaConfig() });
  const producer = new KafkaProducer(kafka);
  const topic = `test.producer-failover.${randomUUID()}`;

  /** Partition 0 led by node 1, partition 1 by node 2: one batch, two brokers. */
  beforeAll(async () => {
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: false,
      topics: [
        {
          topic,
          replicaAssignment: [
            { partition: 0, replicas: [1, 2, 3] },
            { partition: 1, replicas: [2, 3, 1] },
          ],
          configEntries: [{ name: 'min.insync.replicas', value: '2' }],
        },
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await producer.onModuleDestroy();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  const leaders = async () =>
    (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0].partitions
      .sort((a, b) => a.partitionId - b.partitionId)
      .map((partition) => partition.leader);

  /** A key the service producer's partitioner sends to `partition` of this two-partition topic. */
  function keyFor(partition: number): string {
    const partitioner = Partitioners.DefaultPartitioner();
    const partitionMetadata = [0, 1].map((partitionId) => ({ partitionId, leader: partitionId + 1 }));
    for (let index = 0; ; index += 1) {
      const key = `key-${index}`;
      const chosen = partitioner({ topic, partitionMetadata: partitionMetadata as never, message: { key, value: '' } });
      if (chosen === partition) return key;
    }
  }

  it('writes every message of the batch, the moved partition included', async () => {
    const keys = [keyFor(0), keyFor(1)];
    await waitFor(async () => (await leaders()).join() === '1,2', {
      what: 'partition 0 on node 1, partition 1 on node 2',
      timeoutMs: 30_000,
      intervalMs: 250,
    });
    // The producer learns these leaders now and keeps them (metadata is refreshed on errors only).
    await producer.send(keys.map((key, partition) => ({ topic, key, value: `before-${partition}` })));

    // Partition 0 leaves node 1 for good: its leader becomes node 2, which the producer does not know.
    await admin.alterPartitionReassignments({
      topics: [{ topic, partitionAssignment: [{ partition: 0, replicas: [2, 3] }] }],
    });
    await waitFor(
      async () =>
        (await leaders()).join() === '2,2' && (await admin.listPartitionReassignments({})).topics.length === 0,
      { what: 'partition 0 moved to node 2', timeoutMs: 60_000, intervalMs: 250 },
    );

    // Node 2 takes partition 1 at the first attempt, node 1 refuses partition 0 (not its leader).
    await producer.send(keys.map((key, partition) => ({ topic, key, value: `after-${partition}` })));

    const written = await readTopic(adminKafkaConfig(), topic, 30_000);
    const values = (partition: number) =>
      written.filter((message) => message.partition === partition).map((message) => message.value!.toString());
    expect(new Set(values(0))).toEqual(new Set(['before-0', 'after-0']));
    expect(new Set(values(1))).toEqual(new Set(['before-1', 'after-1']));
  }, 120_000);
});
