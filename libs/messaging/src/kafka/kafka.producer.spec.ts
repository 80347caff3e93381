import type { Kafka, ProducerBatch } from 'kafkajs';
import { KafkaProducer, SEND_ATTEMPTS } from './kafka.producer';

/** A kafkajs client whose producer answers each sendBatch with the next outcome given. */
function kafkaAnswering(outcomes: (Error | 'ok')[]) {
  const batches: ProducerBatch[] = [];
  const producerOptions: unknown[] = [];
  const producer = {
    events: { DISCONNECT: 'producer.disconnect' },
    on: () => () => undefined,
    connect: () => Promise.resolve(),
    disconnect: () => Promise.resolve(),
    sendBatch: (batch: ProducerBatch) => {
      batches.push(structuredClone(batch));
      const outcome = outcomes.shift() ?? 'ok';
      return outcome === 'ok' ? Promise.resolve([]) : Promise.reject(outcome);
    },
  };
  const kafka = {
    producer: (options: unknown) => {
      producerOptions.push(options);
      return producer;
    },
  } as unknown as Kafka;
  return { kafka, batches, producerOptions };
}

/** What kafkajs throws, with its own retries off, after one attempt failed for a retriable cause. */
function retriesExceeded(cause: string): Error {
  return Object.assign(new Error(cause), { name: 'KafkaJSNumberOfRetriesExceeded', retriable: false });
}

const messages = [
  { topic: 'alert.submitted.v1', key: 'a', value: '1' },
  { topic: 'alert.submitted.v1', key: 'b', value: '2' },
  { topic: 'alert.updated.v1', key: 'a', value: '3' },
];

describe('KafkaProducer', () => {
  it('turns off kafkajs retries, which skip brokers that answered once (kafkajs#1303), and waits for all replicas', async () => {
    const { kafka, batches, producerOptions } = kafkaAnswering(['ok']);
    await new KafkaProducer(kafka).send(messages);
    expect(producerOptions).toEqual([expect.objectContaining({ retry: { retries: 0 }, maxInFlightRequests: 1 })]);
    expect(batches).toHaveLength(1);
    expect(batches[0].acks).toBe(-1);
  });

  it('sends the whole batch again after a failed attempt, whatever part of it was written', async () => {
    const { kafka, batches } = kafkaAnswering([
      retriesExceeded('This server is not the leader for that topic-partition'),
      'ok',
    ]);
    await new KafkaProducer(kafka).send(messages);
    expect(batches).toHaveLength(2);
    expect(batches[1].topicMessages).toEqual(batches[0].topicMessages);
    expect(batches[1].topicMessages!.flatMap((topic) => topic.messages.map((message) => message.value))).toEqual([
      '1',
      '2',
      '3',
    ]);
  });

  it('gives up at once on what cannot succeed later, and after the last attempt on the rest', async () => {
    const denied = Object.assign(new Error('Not authorized to access topics'), { retriable: false });
    const refused = kafkaAnswering([denied]);
    await expect(new KafkaProducer(refused.kafka).send(messages)).rejects.toBe(denied);
    expect(refused.batches).toHaveLength(1);

    jest.useFakeTimers();
    try {
      const away = kafkaAnswering(Array.from({ length: SEND_ATTEMPTS + 1 }, () => retriesExceeded('Connection error')));
      const failed = expect(new KafkaProducer(away.kafka).send(messages.slice(0, 1))).rejects.toThrow(
        'Connection error',
      );
      await jest.runAllTimersAsync();
      await failed;
      expect(away.batches).toHaveLength(SEND_ATTEMPTS);
    } finally {
      jest.useRealTimers();
    }
  });
});
