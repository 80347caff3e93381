import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type KafkaConfig, type KafkaMessage } from 'kafkajs';
import { waitFor } from './wait-for';

export type TopicMessage = KafkaMessage & { partition: number };

/**
 * Every message of a topic up to its current end, read with a throw-away consumer group.
 * Lets a test count what was really published, instead of trusting the producer.
 */
export async function readTopic(
  brokers: string[] | Pick<KafkaConfig, 'brokers' | 'ssl' | 'sasl'>,
  topic: string,
  timeoutMs = 20000,
): Promise<TopicMessage[]> {
  // A list of brokers (plaintext), or a client's settings (a secured cluster).
  const connection = Array.isArray(brokers) ? { brokers } : brokers;
  const kafka = new Kafka({ clientId: 'vigie-test-reader', logLevel: logLevel.NOTHING, ...connection });
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
  await admin.disconnect();
  const pending = new Set([...ends].filter(([, high]) => high > 0).map(([partition]) => partition));
  const messages: TopicMessage[] = [];
  if (pending.size === 0) return messages;
  const consumer = kafka.consumer({ groupId: `vigie-test-reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        if (Number(message.offset) < (ends.get(partition) ?? 0)) messages.push({ ...message, partition });
        if (Number(message.offset) + 1 >= (ends.get(partition) ?? 0)) pending.delete(partition);
      },
    });
    await waitFor(() => pending.size === 0, { what: `the end of ${topic}`, timeoutMs });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

/** Messages of a topic whose key is `key`. */
export async function messagesWithKey(brokers: string[], topic: string, key: string): Promise<TopicMessage[]> {
  return (await readTopic(brokers, topic)).filter((message) => message.key?.toString() === key);
}
