import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel, Partitioners, type Consumer, type Producer } from 'kafkajs';
import { waitFor } from '../../libs/testing/src';
import { now } from '../load/clock';
import type { Arrival, LoadTarget } from '../load/step';

export interface TwoHopOptions {
  brokers: string[];
  partitions: number;
  /** Bytes of the first hop's messages (Vigie's alert.submitted.v1) and of the second's (alert.routed.v1). */
  firstSize: number;
  secondSize: number;
  pid?: (pid: number) => void;
}

/**
 * The raw kafkajs baseline: the bench produces each message (acks=-1) to a first topic; a
 * separate process consumes it and produces it to a second topic (acks=-1); the bench
 * consumes that. Same broker, partitions, message sizes and consumer settings as Vigie, none
 * of its work (HTTP, validation, PostgreSQL, outbox, inbox, webhooks).
 */
export class KafkaTwoHop implements LoadTarget {
  readonly name = 'kafka two-hop';
  onArrival: ((arrival: Arrival) => void) | null = null;

  private constructor(
    private readonly producer: Producer,
    private readonly consumer: Consumer,
    private readonly worker: ChildProcess,
    private readonly firstTopic: string,
    private readonly value: Buffer,
  ) {}

  static async start(options: TwoHopOptions): Promise<KafkaTwoHop> {
    const run = Date.now().toString(36);
    const [first, second] = [`bench.hop1.${run}`, `bench.hop2.${run}`];
    const kafka = new Kafka({ clientId: 'bench', brokers: options.brokers, logLevel: logLevel.WARN });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [first, second].map((topic) => ({ topic, numPartitions: options.partitions, replicationFactor: 1 })),
    });
    await admin.disconnect();

    const worker = fork(join(__dirname, 'kafka-hop.worker.js'), [], {
      env: {
        ...process.env,
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
        BENCH_HOP_BROKERS: options.brokers.join(','),
        BENCH_HOP_FROM: first,
        BENCH_HOP_TO: second,
        BENCH_HOP_GROUP: `bench-hop-${run}`,
        BENCH_HOP_SIZE: String(options.secondSize),
        BENCH_HOP_PARTITIONS: String(options.partitions),
      },
    });
    let workerReady = false;
    worker.on('message', (message) => {
      if (message === 'ready') workerReady = true;
    });
    options.pid?.(worker.pid!);

    const producer = kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
    });
    await producer.connect();
    const consumer = kafka.consumer({
      groupId: `bench-sink-${run}`,
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 250,
    });
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      joined = true;
    });
    await consumer.connect();
    await consumer.subscribe({ topic: second, fromBeginning: true });
    const pipeline = new KafkaTwoHop(producer, consumer, worker, first, Buffer.alloc(options.firstSize, 'x'));
    await consumer.run({
      partitionsConsumedConcurrently: options.partitions,
      eachMessage: async ({ message }) => {
        pipeline.onArrival?.({ tag: message.key!.toString(), receivedAt: now() });
      },
    });
    await waitFor(() => joined && workerReady, { what: 'the baseline consumers to join', timeoutMs: 60_000 });
    return pipeline;
  }

  async send(tag: string): Promise<string | null> {
    await this.producer.send({ topic: this.firstTopic, acks: -1, messages: [{ key: tag, value: this.value }] });
    return null;
  }

  async stop(): Promise<void> {
    const exited =
      this.worker.exitCode === null && this.worker.signalCode === null
        ? new Promise((resolve) => this.worker.once('exit', resolve))
        : Promise.resolve();
    this.worker.kill('SIGTERM');
    await Promise.allSettled([this.consumer.disconnect(), this.producer.disconnect(), exited]);
  }
}
