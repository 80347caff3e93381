import type { Kafka, ProducerBatch } from 'kafkajs';
import { KafkaProducer, MAX_REQUEST_BYTES, requests, SEND_ATTEMPTS } from './kafka.producer';

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

  it('splits a large batch into requests the broker accepts, sent one after the other in order', async () => {
    const large = Array.from({ length: 5 }, (_, index) => ({
      topic: 'alert.routed.v1',
      key: 'one-chain',
      value: String(index).repeat(200 * 1024),
    }));
    const { kafka, batches } = kafkaAnswering([]);
    await new KafkaProducer(kafka).send(large);
    // 200 KiB each: two fit under 512 KiB, the fifth goes alone.
    expect(batches.map((batch) => batch.topicMessages![0].messages.map((message) => String(message.value)[0]))).toEqual(
      [['0', '1'], ['2', '3'], ['4']],
    );
  });
});

describe('requests', () => {
  const message = (value: string) => ({ topic: 't', key: 'k', value, headers: { traceparent: 'x' } });

  it('keeps every message, in order, and one over the limit alone', () => {
    const groups = requests([message('a'), message('b'.repeat(MAX_REQUEST_BYTES)), message('c'), message('d')], 100);
    expect(groups.map((group) => group.map((m) => m.value[0]))).toEqual([['a'], ['b'], ['c', 'd']]);
  });

  it('counts keys and headers with the values', () => {
    expect(requests([message('x'.repeat(40)), message('y'.repeat(40))], 95)).toHaveLength(2);
    expect(requests([message('x'.repeat(40)), message('y'.repeat(40))], 120)).toHaveLength(1);
  });
});
