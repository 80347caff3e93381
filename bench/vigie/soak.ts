import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { runStep } from '../load/step';
import type { BenchOptions } from '../options';
import { ResourceMonitor, type Watched } from '../report/resources';
import { resetDatabase, servicePids, startBenchStack } from './bench-stack';
import { seedPrefectureWebhook, seedPublisher } from './seed';
import { SignedSink } from './signed-sink';
import { VigieTarget } from './vigie-target';

/** One minute of the soak. */
export interface SoakMinute {
  minute: number;
  sent: number;
  delivered: number;
  p99: number;
  /** Largest resident memory of each process during the minute. */
  rssMb: Record<string, number>;
  /** Size of each table of the services' schemas (heap, indexes, TOAST) at the end of the minute. */
  tableMb: Record<string, number>;
  /** Messages of Vigie's topics not yet consumed by their group, summed, at the end of the minute. */
  consumerLag: number;
}

export interface SoakResult {
  rate: number;
  minutes: SoakMinute[];
  /** Least-squares slopes per minute over the second half of the run, once retention has run. */
  slopes: { rssMbPerMinute: Record<string, number>; tableMbPerMinute: Record<string, number>; lagPerMinute: number };
}

/** The queue tables are kept a few minutes, so retention runs many times within the soak. */
const SOAK_ENV = {
  OUTBOX_RETENTION_SECONDS: '120',
  HANDLED_EVENTS_RETENTION_SECONDS: '120',
  RETENTION_SWEEP_INTERVAL_MS: '30000',
};

const SCHEMAS = ['ingestion', 'routing', 'notification', 'registry'];

/** Least-squares slope of `values` against their index (per minute). */
export function slopePerMinute(values: number[]): number {
  if (values.length < 2) return 0;
  const meanX = (values.length - 1) / 2;
  const meanY = values.reduce((sum, value) => sum + value, 0) / values.length;
  let numerator = 0;
  let denominator = 0;
  values.forEach((value, index) => {
    numerator += (index - meanX) * (value - meanY);
    denominator += (index - meanX) ** 2;
  });
  return Math.round((numerator / denominator) * 1000) / 1000;
}

/** The slopes over the second half of the minutes. */
export function soakSlopes(minutes: SoakMinute[]): SoakResult['slopes'] {
  const settled = minutes.slice(Math.floor(minutes.length / 2));
  const per = (pick: (minute: SoakMinute) => Record<string, number>): Record<string, number> =>
    Object.fromEntries(
      Object.keys(pick(settled[0] ?? minutes[0]) ?? {}).map((name) => [
        name,
        slopePerMinute(settled.map((minute) => pick(minute)[name] ?? 0)),
      ]),
    );
  return {
    rssMbPerMinute: per((minute) => minute.rssMb),
    tableMbPerMinute: per((minute) => minute.tableMb),
    lagPerMinute: slopePerMinute(settled.map((minute) => minute.consumerLag)),
  };
}

/**
 * `--soak MINUTES`: a fixed rate for that long, minute after minute, on a stack whose queue
 * tables are kept two minutes; after each minute, the memory of every process, the size of
 * every table and the consumer lag. Flat slopes over the second half say nothing accumulates.
 */
export async function runSoak(
  options: BenchOptions,
  rate: number,
  minutes: number,
  log: (text: string) => void,
): Promise<SoakResult> {
  await resetDatabase(options.databaseUrl);
  const { stack, registry } = await startBenchStack(options, [], SOAK_ENV);
  const sink = await SignedSink.start();
  const pg = new Client({ connectionString: options.databaseUrl });
  await pg.connect();
  const admin = new Kafka({
    clientId: 'bench-soak',
    brokers: options.kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  const watched = new Map<string, Watched>([...servicePids(stack)].map(([name, pid]) => [name, { pid }]));
  const monitor = new ResourceMonitor(watched);
  const soak: SoakMinute[] = [];
  let vigie: VigieTarget | undefined;
  try {
    await seedPrefectureWebhook(stack, registry, sink, '69');
    vigie = new VigieTarget([stack.url('alert-ingestion')], await seedPublisher(stack, registry, '69'), sink, '69123');
    const seconds = options.smoke ? 2 : 60;
    for (let minute = 1; minute <= minutes; minute++) {
      await monitor.start();
      const step = await runStep(vigie, { rate, seconds });
      const window = await monitor.stop(`minute ${minute}`);
      const sample: SoakMinute = {
        minute,
        sent: step.sent,
        delivered: step.delivered,
        p99: step.latency.p99,
        rssMb: Object.fromEntries(window.processes.map((usage) => [usage.name, usage.rssMaxMb ?? 0])),
        tableMb: await tableSizes(pg),
        consumerLag: await consumerLag(admin),
      };
      soak.push(sample);
      log(
        `soak minute ${minute}/${minutes}: ${step.delivered}/${step.sent} delivered, p99 ${step.latency.p99} ms, lag ${sample.consumerLag}, ` +
          `RSS ${Object.entries(sample.rssMb)
            .map(([name, mb]) => `${name} ${mb}`)
            .join(', ')} MB`,
      );
    }
  } finally {
    vigie?.close();
    await admin.disconnect();
    await stack.stop();
    await sink.close();
    await pg.end();
  }
  return { rate, minutes: soak, slopes: soakSlopes(soak) };
}

async function tableSizes(pg: Client): Promise<Record<string, number>> {
  const { rows } = (await pg.query(
    `SELECT n.nspname || '.' || c.relname AS name, pg_total_relation_size(c.oid) AS bytes
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'r' AND n.nspname = ANY($1) ORDER BY 1`,
    [SCHEMAS],
  )) as { rows: { name: string; bytes: string }[] };
  return Object.fromEntries(rows.map((row) => [row.name, Math.round((Number(row.bytes) / 1024 / 1024) * 100) / 100]));
}

/** What the services' consumer groups have yet to read of the topics they consume. */
async function consumerLag(admin: ReturnType<Kafka['admin']>): Promise<number> {
  const { groups } = await admin.listGroups();
  let lag = 0;
  for (const { groupId } of groups.filter((group) => !group.groupId.startsWith('bench'))) {
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
      const ends = new Map((await admin.fetchTopicOffsets(topic)).map((end) => [end.partition, Number(end.high)]));
      for (const { partition, offset } of partitions) {
        const committed = Number(offset);
        if (committed >= 0) lag += Math.max(0, (ends.get(partition) ?? committed) - committed);
      }
    }
  }
  return lag;
}
