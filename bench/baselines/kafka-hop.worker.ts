/**
 * The middle of the raw Kafka baseline, in its own process like a Vigie service: consumes
 * `BENCH_HOP_FROM` and produces each message to `BENCH_HOP_TO` with acks=-1, re-sized to
 * `BENCH_HOP_SIZE` bytes, keeping key and headers. Nothing else: no database, no validation.
 */
import { Kafka, logLevel, Partitioners } from 'kafkajs';

async function main(): Promise<void> {
  const env = process.env;
  const kafka = new Kafka({
    clientId: 'bench-hop',
    brokers: env.BENCH_HOP_BROKERS!.split(','),
    logLevel: logLevel.WARN,
  });
  const value = Buffer.alloc(Number(env.BENCH_HOP_SIZE), 'x');
  const producer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  // The consumer settings of the Vigie services (libs/messaging kafka.client.ts).
  const consumer = kafka.consumer({
    groupId: env.BENCH_HOP_GROUP!,
    sessionTimeout: 10000,
    heartbeatInterval: 1000,
    maxWaitTimeInMs: 250,
  });
  await producer.connect();
  await consumer.connect();
  consumer.on(consumer.events.GROUP_JOIN, () => process.send?.('ready'));
  await consumer.subscribe({ topic: env.BENCH_HOP_FROM!, fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: Number(env.BENCH_HOP_PARTITIONS),
    eachMessage: async ({ message }) => {
      await producer.send({
        topic: env.BENCH_HOP_TO!,
        acks: -1,
        messages: [{ key: message.key, value, headers: message.headers }],
      });
    },
  });
  const stop = (): void => {
    void Promise.allSettled([consumer.disconnect(), producer.disconnect()]).then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('disconnect', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
