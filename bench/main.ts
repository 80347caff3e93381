/**
 * `npm run bench`: Vigie's end-to-end latency and throughput beside raw Kafka and PostgreSQL
 * baselines measured in the same run, on the same broker and database. See docs/benchmarks.md.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { Client } from 'pg';
import { repoRoot } from '../libs/testing/src';
import { compilerWindow, warmUpBroker } from './baselines/broker-warm-up';
import { KafkaTwoHop } from './baselines/kafka-two-hop';
import { measurePgInserts } from './baselines/pg-insert';
import { sleep } from './load/clock';
import { between, ladder, lowered } from './load/ladder';
import { runStep, type LoadTarget, type StepResult, type StepSample } from './load/step';
import { parseOptions, type BenchOptions } from './options';
import { profileServices } from './profile';
import { latencyChart } from './report/chart';
import { ResourceMonitor, databaseBackends, type UsageWindow, type Watched } from './report/resources';
import { maxSustained, type BenchResults, type Machine } from './report/results';
import { sections, toMarkdown, toTerminal } from './report/tables';
import { AlertPoster } from './vigie/alert-poster';
import { ingestionUrls, resetDatabase, servicePids, startBenchStack } from './vigie/bench-stack';
import { measureConsoleRender } from './vigie/console-render';
import { measureFanOut } from './vigie/fan-out';
import { measureObservabilityOverhead } from './vigie/observability-overhead';
import { seedFanOut, seedPrefectureWebhook, seedPublisher } from './vigie/seed';
import { SignedSink } from './vigie/signed-sink';
import { runSoak } from './vigie/soak';
import { VigieTarget } from './vigie/vigie-target';

/** Latency alerts: Lyon (69123), one delivery each to the Rhône prefecture. */
const LATENCY_DEPARTMENT = '69';
const LATENCY_COMMUNE = '69123';
/** Fan-out alert: Marseille (13055), to every subscriber of the Bouches-du-Rhône. */
const FANOUT_DEPARTMENT = '13';
const FANOUT_COMMUNE = '13055';

const log = (text: string): void => console.log(`[bench] ${text}`);

function describe(step: StepResult): string {
  const l = step.latency;
  return (
    `${step.target} ${step.rate}/s × ${step.seconds}s: p50 ${l.p50} p95 ${l.p95} p99 ${l.p99} max ${l.max} ms, ` +
    `${step.delivered}/${step.sent} arrived, ${step.errors} errors, backlog slope ${step.backlogSlope}/s, ` +
    `drain ${step.drainMs ?? '∞'} ms, generator lag ${step.generatorLagMs} ms → ${step.sustained ? 'sustained' : 'NOT sustained'}` +
    (step.errorSamples.length ? ` (${step.errorSamples[0]})` : '')
  );
}

type StepRunner = (rate: number, run: () => Promise<StepResult>) => Promise<StepResult>;

/** Runs rate steps up the ladder until one is not sustained (or the ceiling); `around` may observe a step. */
async function climb(
  target: LoadTarget,
  options: BenchOptions,
  ladderOptions: { seconds: number; ceiling: number; around?: StepRunner; sample?: (sample: StepSample) => void },
): Promise<StepResult[]> {
  const { sample } = ladderOptions;
  const steps: StepResult[] = [];
  const around: StepRunner = ladderOptions.around ?? ((_, run) => run());
  for (const rate of ladder(options)) {
    if (rate > ladderOptions.ceiling) break;
    const seconds = rate === 1 ? options.trickleSeconds : ladderOptions.seconds;
    const step = await around(rate, () => runStep(target, { rate, seconds, sample }));
    log(describe(step));
    steps.push(step);
    // A climb ends at the first rate not sustained; a fixed list (an A/B) measures every rate.
    if (!step.sustained && options.climb) break;
    await sleep(1000);
  }
  // Narrow the gap between the last sustained rate and the first that was not, four times at
  // most, until they are within a quarter of each other.
  for (let narrowing = 0; options.climb && narrowing < 4; narrowing++) {
    const failed = steps[steps.length - 1];
    const held = maxSustained(steps);
    if (!failed || failed.sustained || held === 0 || failed.rate / held < 1.25) break;
    const rate = between(held, failed.rate);
    if (steps.some((step) => step.rate === rate)) break;
    await sleep(2000);
    const step = await around(rate, () => runStep(target, { rate, seconds: ladderOptions.seconds, sample }));
    log(describe(step));
    // Keep the first failure last: the next narrowing starts from it.
    steps.splice(steps.length - 1, 0, step);
    if (!step.sustained) steps.push(steps.splice(steps.length - 2, 1)[0]);
  }
  return steps.sort((a, b) => a.rate - b.rate);
}

async function machine(options: BenchOptions): Promise<Machine> {
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  const { rows } = (await client.query('SHOW server_version')) as { rows: { server_version: string }[] };
  const settings = (await client.query(
    "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) AS text FROM pg_settings WHERE name IN ('autovacuum', 'synchronous_commit', 'fsync')",
  )) as { rows: { text: string }[] };
  await client.end();
  const pom = readFileSync(join(repoRoot(), 'infra/kafka/pom.xml'), 'utf8');
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    postgres: `${rows[0].server_version} (${settings.rows[0].text})`,
    kafka: /<kafka.version>([^<]+)</.exec(pom)?.[1] ?? 'unknown',
    loadAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
    loadAtEnd: [],
  };
}

async function messageSizes(databaseUrl: string): Promise<{ submitted: number; routed: number }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const size = async (schema: string, fallback: number): Promise<number> => {
      const { rows } = (await client.query(
        `SELECT avg(octet_length(envelope::text))::int AS bytes FROM ${schema}.outbox WHERE topic LIKE 'alert.%'`,
      )) as { rows: { bytes: number | null }[] };
      return rows[0].bytes ?? fallback;
    };
    return { submitted: await size('ingestion', 1500), routed: await size('routing', 2000) };
  } finally {
    await client.end();
  }
}

function brokerPid(): number | null {
  const file = process.env.BENCH_KAFKA_PID_FILE ?? join(repoRoot(), '.vigie/bench-broker/kafka/kafka.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : null;
}

async function measure(options: BenchOptions, results: BenchResults): Promise<void> {
  const phases = options.phases;
  const broker = brokerPid();
  results.brokerWarmUp = await warmUpBroker(broker, {
    brokers: options.kafkaBrokers.split(','),
    partitions: options.partitions,
    maxSeconds: options.brokerWarmUpSeconds,
    roundSeconds: options.smoke ? 1 : 10,
    rate: options.smoke ? 50 : 500,
    log,
  });
  const measuring = compilerWindow(broker);
  log('resetting the bench database schemas');
  await resetDatabase(options.databaseUrl);
  log(`starting the four services${options.instances > 1 ? `, ${options.instances} processes of each` : ''}`);
  const running = await startBenchStack(options);
  results.startupMs = running.startupMs;
  log(`stack healthy in ${running.startupMs} ms`);
  const { stack, registry } = running;
  const sink = await SignedSink.start();
  const watched = new Map<string, Watched>(
    [...servicePids(stack, options.instances)].map(([name, pid]) => [name, { pid }]),
  );
  if (broker) watched.set('kafka broker', { pid: broker });
  // The backends serving the bench database (the services' pools), not the rest of the server.
  const pg = new Client({ connectionString: options.databaseUrl });
  await pg.connect();
  watched.set('postgres (bench backends)', databaseBackends(pg));
  watched.set('bench (load + sink)', { pid: process.pid });
  const monitor = new ResourceMonitor(watched);
  // --samples: every alert of the rate steps and hold, one JSON line each.
  const samples = options.samples ? createWriteStream(options.samples) : null;
  const sample = samples ? (line: StepSample) => samples.write(`${JSON.stringify(line)}\n`) : undefined;
  const atRest = (): UsageWindow | undefined => results.resources.find((window) => window.label === 'at rest');
  await seedPrefectureWebhook(stack, registry, sink, LATENCY_DEPARTMENT);
  const vigie = new VigieTarget(
    ingestionUrls(stack, options.instances),
    await seedPublisher(stack, registry, LATENCY_DEPARTMENT),
    sink,
    LATENCY_COMMUNE,
  );
  try {
    log('warming up (50 alerts/s)');
    log(describe(await runStep(vigie, { rate: 50, seconds: options.smoke ? 1 : 5 })));
    if (phases.has('resources')) {
      await sleep(options.smoke ? 500 : 3000);
      await monitor.start();
      await sleep(options.smoke ? 1000 : 5000);
      results.resources.push(await monitor.stop('at rest'));
    }

    if (phases.has('latency')) {
      // Resources under a moderate load: the 200/s step (the last given rate when the ladder does not climb).
      const observed = options.climb ? 200 : options.rates[options.rates.length - 1];
      const around: StepRunner = async (rate, run) => {
        if (rate !== observed || !phases.has('resources')) return run();
        await monitor.start();
        const step = await run();
        results.resources.push(await monitor.stop(`${rate}/s`, step.delivered, atRest()));
        return step;
      };
      results.vigie.push(
        ...(await climb(vigie, options, { seconds: options.stepSeconds, ceiling: Infinity, around, sample })),
      );
    }

    if (phases.has('hold')) {
      let rate = maxSustained(results.vigie) || options.rates[options.rates.length - 1];
      for (let attempt = 1; attempt <= 3 && rate > 0; attempt++) {
        await sleep(2000);
        if (phases.has('resources')) await monitor.start();
        const hold = await runStep(vigie, { rate, seconds: options.holdSeconds, sample });
        if (phases.has('resources'))
          results.resources.push(await monitor.stop(`hold ${rate}/s`, hold.delivered, atRest()));
        log(`hold: ${describe(hold)}`);
        results.hold = hold;
        if (hold.sustained) break;
        rate = lowered(rate);
      }
    }

    results.messageSizes = await messageSizes(options.databaseUrl);
    if (phases.has('kafka')) {
      log(
        `raw kafkajs two-hop baseline (messages of ${results.messageSizes.submitted} then ${results.messageSizes.routed} bytes)`,
      );
      const twoHop = await KafkaTwoHop.start({
        brokers: options.kafkaBrokers.split(','),
        partitions: options.partitions,
        firstSize: results.messageSizes.submitted,
        secondSize: results.messageSizes.routed,
      });
      try {
        await runStep(twoHop, { rate: 50, seconds: options.smoke ? 1 : 3 });
        const steps = await climb(twoHop, options, { seconds: options.baselineStepSeconds, ceiling: 50_000 });
        results.kafka.push(...steps);
      } finally {
        await twoHop.stop();
      }
    }

    if (phases.has('pg')) {
      log('PostgreSQL insert baseline');
      results.pg = await measurePgInserts(options.databaseUrl, { connections: 10, seconds: options.pgSeconds });
      log(`pg: ${results.pg.perSecond} transactions/s (alert + outbox row) over ${results.pg.connections} connections`);
    }

    if (phases.has('fanout')) {
      log(`seeding ${options.fanOutPartners} partner organisations with subscriptions and webhooks`);
      const seeded = await seedFanOut(stack, registry, sink, {
        department: FANOUT_DEPARTMENT,
        partners: options.fanOutPartners,
      });
      log(`seeded in ${Math.round(seeded.seedingMs / 1000)} s`);
      // The sender exists before the alert, as its partners do: the alert is not the first to find them.
      const poster = new AlertPoster(
        stack.url('alert-ingestion'),
        await seedPublisher(stack, registry, FANOUT_DEPARTMENT),
      );
      await sleep(2000);
      // Every process's CPU from the POST to the last delivery: what the fan-out costs, and whether the cores were full.
      await monitor.start();
      const fanOut = await measureFanOut(sink, poster, {
        commune: FANOUT_COMMUNE,
        endpoints: seeded.endpoints,
        timeoutMs: 120_000,
      });
      const usage = await monitor.stop(`fan-out to ${fanOut.webhooks}`);
      poster.close();
      results.fanOut = { ...fanOut, seedingMs: seeded.seedingMs, partners: options.fanOutPartners, usage };
      log(`fan-out: ${fanOut.delivered}/${fanOut.webhooks} delivered, last after ${fanOut.lastMs} ms`);
    }
  } finally {
    const compilerPercentAfter = measuring();
    if (compilerPercentAfter !== null) {
      results.brokerWarmUp.compilerPercentAfter = compilerPercentAfter;
      log(`broker JIT compiler during the measurements: ${compilerPercentAfter} % of a core`);
    }
    vigie.close();
    if (samples) {
      samples.end();
      await finished(samples);
      log(`every alert of the steps written to ${options.samples}`);
    }
    results.sink = { rejected: sink.rejected, duplicates: sink.duplicates };
    await stack.stop();
    await sink.close();
    await pg.end();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  mkdirSync(options.outDir, { recursive: true });
  if (options.report) return writeReport(JSON.parse(readFileSync(options.report, 'utf8')) as BenchResults, options);
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    smoke: options.smoke,
    partitions: options.partitions,
    instances: options.instances,
    machine: await machine(options),
    startupMs: null,
    messageSizes: null,
    vigie: [],
    hold: null,
    kafka: [],
    pg: null,
    fanOut: null,
    resources: [],
    sink: { rejected: 0, duplicates: 0 },
    profile: [],
  };
  log(`${results.machine.cpus} × ${results.machine.cpuModel}, load average ${results.machine.loadAtStart.join(' ')}`);

  if (options.consoleAlerts !== null) {
    results.console = await measureConsoleRender(options, options.consoleAlerts);
    for (const page of results.console.pages) {
      log(
        `console ${page.page}: p50 ${page.p50} p95 ${page.p95} p99 ${page.p99} max ${page.max} ms (${page.samples} requests)`,
      );
    }
  } else if (options.soakMinutes !== null) {
    results.soak = await runSoak(options, options.rates[0], options.soakMinutes, log);
  } else if (options.observabilityRate !== null) {
    results.observability = await measureObservabilityOverhead(options, options.observabilityRate, log);
  } else if (options.profileRate !== null) {
    results.profile = await profileServices(options, options.profileRate);
  } else {
    await measure(options, results);
  }
  results.machine.loadAtEnd = loadavg().map((value) => Math.round(value * 100) / 100);
  writeFileSync(join(options.outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeReport(results, options);
}

/** Prints the tables, and writes them as Markdown with the chart beside results.json. */
async function writeReport(results: BenchResults, options: BenchOptions): Promise<void> {
  const tables = sections(results);
  for (const section of tables) console.log(toTerminal(section));
  if (results.sink.rejected || results.sink.duplicates) {
    console.log(
      `\nsink: ${results.sink.rejected} requests failed verification, ${results.sink.duplicates} duplicate deliveries`,
    );
  }
  writeFileSync(join(options.outDir, 'results.md'), `${tables.map(toMarkdown).join('\n\n')}\n`);
  if (results.vigie.length + results.kafka.length > 0) {
    writeFileSync(
      join(options.outDir, 'latency-vs-rate.svg'),
      await latencyChart([...results.vigie, ...results.kafka]),
    );
  }
  log(`results, tables and chart written to ${options.outDir}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
