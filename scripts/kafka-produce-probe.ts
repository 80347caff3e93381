// `node dist/scripts/kafka-produce-probe.js [seconds]`: a short, closed-loop probe of what one
// service's relay can push through Kafka the way it publishes (batches of 100, acks=all, one
// request in flight), against the brokers and credentials of the usual KAFKA_* variables. It
// writes to a scratch topic `vigie-probe` (created and deleted here: run it as the admin on a
// secured cluster). A probe for docs/scaling.md, not a benchmark: see `npm run bench` for that.
import { randomBytes } from 'node:crypto';
import { createKafkaClient } from '@vigie/messaging';
import { CommonEnv, kafkaSettings, loadEnv } from '@vigie/platform';

const TOPIC = 'vigie-probe';
const BATCH = 100;
/** About the size of an alert.routed.v1 event of the benchmark (docs/benchmarks.md). */
const MESSAGE_BYTES = 1500;

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 10);
  const settings = kafkaSettings(loadEnv(CommonEnv, process.env), { name: 'vigie-probe' });
  const kafka = createKafkaClient(settings);
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [
      { topic: TOPIC, numPartitions: settings.topicPartitions, replicationFactor: settings.replicationFactor ?? -1 },
    ],
  });
  const producer = kafka.producer({ maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  const value = randomBytes(MESSAGE_BYTES / 2).toString('hex');
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  let sent = 0;
  try {
    while (Date.now() < end) {
      const messages = Array.from({ length: BATCH }, (_, index) => ({ key: String(sent + index), value }));
      const started = process.hrtime.bigint();
      await producer.sendBatch({ acks: -1, topicMessages: [{ topic: TOPIC, messages }] });
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      sent += BATCH;
    }
  } finally {
    await producer.disconnect();
    await admin.deleteTopics({ topics: [TOPIC] });
    await admin.disconnect();
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
  console.log(
    `${settings.brokers.length} bootstrap broker(s), ${settings.security ? 'SASL/SCRAM over TLS' : 'plaintext'}: ` +
      `${Math.round(sent / seconds)} messages/s of ${MESSAGE_BYTES} B in batches of ${BATCH} (acks=all, 1 in flight); ` +
      `batch p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`,
  );
}

main().catch((error: unknown) => {
  console.error(`kafka-produce-probe failed: ${(error as Error).message}`);
  process.exit(1);
});
