import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../libs/testing/src';

export const PHASES = ['latency', 'hold', 'kafka', 'pg', 'fanout', 'resources'] as const;
export type Phase = (typeof PHASES)[number];

export interface BenchOptions {
  smoke: boolean;
  /** Rates (alerts/s) measured first; the ladder goes on past the last one until a rate is not sustained. */
  rates: number[];
  /** False for the smoke run: only the given rates. */
  climb: boolean;
  /**
   * Seconds per rate step; the 1 alert/s step lasts `trickleSeconds`, long enough for its p99 to
   * be a percentile rather than its slowest alert (ADR 67).
   */
  stepSeconds: number;
  trickleSeconds: number;
  /** Seconds the highest sustained rate is held to confirm it. */
  holdSeconds: number;
  /** Seconds per step of the raw Kafka baseline. */
  baselineStepSeconds: number;
  /** Most seconds of raw traffic that warm the broker's JIT before anything is measured; 0 skips it. */
  brokerWarmUpSeconds: number;
  pgSeconds: number;
  /** Partner organisations (each with a subscription and a webhook) in the fan-out département. */
  fanOutPartners: number;
  phases: Set<Phase>;
  /** Partitions of every topic (KAFKA_TOPIC_PARTITIONS), for Vigie and the Kafka baseline alike. */
  partitions: number;
  /** Processes of every service, each in its service's consumer group (the first takes the seeding calls). */
  instances: number;
  /** Run the services under `node --cpu-prof` at this rate instead of the measurements. */
  profileRate: number | null;
  /** Measure the console's page render times with this many alerts in the prefecture's history, instead of the rest. */
  consoleAlerts: number | null;
  /** Measure the CPU cost of logs, metrics and tracing at this rate (alerts/s), instead of the rest. */
  observabilityRate: number | null;
  /** `--soak MINUTES`: the first of `rates` held that many minutes, memory, tables and lag after each, instead of the rest. */
  soakMinutes: number | null;
  /** Render the tables and chart of an earlier run's results.json instead of measuring. */
  report: string | null;
  /** `--samples FILE`: every alert of Vigie's steps and hold as a JSON line (its times at each stage). */
  samples: string | null;
  outDir: string;
  databaseUrl: string;
  kafkaBrokers: string;
  basePort: number;
}

const USAGE = `npm run bench [-- options]
  --smoke                 a few seconds of each measurement (CI), results in .vigie/bench/
  --rates 1,50,200,500    first rates of the ladder (alerts/s); it continues until a rate is not sustained
  --fixed                 only the given rates, each measured even after one is not sustained; no climb
  --step-seconds N        seconds per rate step (default 20)
  --trickle-seconds N     seconds of the 1 alert/s step (default 300: its p99 is then the 4th slowest of 300 alerts,
                          not the slowest of 60)
  --hold-seconds N        seconds the highest sustained rate is held (default 60)
  --broker-warm-up N      at most N seconds of raw Kafka traffic before the measurements, until the broker's JIT
                          compiler rests (default 120; 0 measures on the freshly started broker)
  --fanout N              partner webhooks of the fan-out alert (default 1000)
  --partitions N          partitions of every topic, Vigie's and the baseline's (default 3, the services' default)
  --instances N           processes of every service (default 1); the load is spread over the ingestion processes
  --only a,b              phases to run: ${PHASES.join(', ')} (default: all)
  --profile RATE          run the services under node --cpu-prof at RATE alerts/s and summarise where the time goes
  --console ALERTS        measure only the console's server-side page render times (p50/p95/p99) with ALERTS alerts
                          in the Rhône prefecture's history (e.g. 10000)
  --observability RATE    CPU per alert and latency at RATE alerts/s with logs, metrics and tracing switched on one
                          after the other (a fresh stack each), instead of the rest
  --soak MINUTES          hold the first of --rates for MINUTES (e.g. --rates 150 --soak 30): memory of every process,
                          size of every table and consumer lag after each minute, and their slopes, instead of the rest
  --report FILE           print and write the tables and chart of an earlier results.json again, without measuring
  --samples FILE          write every alert of Vigie's rate steps and hold to FILE, one JSON line each (rate, tag,
                          intended send time, the time it passed each stage, arrival), to look into the tail
  --out DIR               where results, chart and profile go (default docs/benchmarks, .vigie/bench for --smoke)`;

function positiveNumbers(text: string, what: string): number[] {
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.length === 0 || values.some((value) => !Number.isFinite(value) || value <= 0)) {
    throw new Error(`${what} must be positive numbers, comma-separated\n${USAGE}`);
  }
  return values;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: 'boolean', default: false },
      rates: { type: 'string' },
      fixed: { type: 'boolean', default: false },
      'step-seconds': { type: 'string' },
      'trickle-seconds': { type: 'string' },
      'hold-seconds': { type: 'string' },
      'broker-warm-up': { type: 'string' },
      fanout: { type: 'string' },
      partitions: { type: 'string' },
      instances: { type: 'string' },
      only: { type: 'string' },
      profile: { type: 'string' },
      console: { type: 'string' },
      observability: { type: 'string' },
      soak: { type: 'string' },
      report: { type: 'string' },
      samples: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const smoke = values.smoke ?? false;
  const only = values.only ? values.only.split(',').map((phase) => phase.trim()) : [...PHASES];
  const unknown = only.filter((phase) => !(PHASES as readonly string[]).includes(phase));
  if (unknown.length > 0) throw new Error(`unknown phase(s) ${unknown.join(', ')}\n${USAGE}`);
  const seconds = (text: string | undefined, fallback: number, what: string): number => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`${what} must be a whole number of seconds, 0 or more\n${USAGE}`);
    return value;
  };
  const number = (text: string | undefined, fallback: number, what: string): number =>
    text === undefined ? fallback : positiveNumbers(text, what)[0];
  return {
    smoke,
    rates: values.rates ? positiveNumbers(values.rates, '--rates') : smoke ? [1, 20] : [1, 50, 200, 500],
    climb: !smoke && !values.fixed,
    stepSeconds: number(values['step-seconds'], smoke ? 2 : 20, '--step-seconds'),
    trickleSeconds: number(values['trickle-seconds'], smoke ? 2 : 300, '--trickle-seconds'),
    holdSeconds: number(values['hold-seconds'], smoke ? 2 : 60, '--hold-seconds'),
    baselineStepSeconds: smoke ? 2 : 10,
    brokerWarmUpSeconds: seconds(values['broker-warm-up'], smoke ? 2 : 120, '--broker-warm-up'),
    pgSeconds: smoke ? 1 : 10,
    fanOutPartners: number(values.fanout, smoke ? 5 : 1000, '--fanout'),
    phases: new Set(only as Phase[]),
    partitions: Math.round(number(values.partitions, 3, '--partitions')),
    instances: Math.round(number(values.instances, 1, '--instances')),
    profileRate: values.profile === undefined ? null : positiveNumbers(values.profile, '--profile')[0],
    consoleAlerts: values.console === undefined ? null : Math.round(positiveNumbers(values.console, '--console')[0]),
    observabilityRate:
      values.observability === undefined ? null : positiveNumbers(values.observability, '--observability')[0],
    soakMinutes: values.soak === undefined ? null : Math.round(positiveNumbers(values.soak, '--soak')[0]),
    report: values.report ?? null,
    samples: values.samples ?? null,
    outDir: values.out ?? join(repoRoot(), smoke ? '.vigie/bench' : 'docs/benchmarks'),
    databaseUrl: env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vigie_bench',
    kafkaBrokers: env.BENCH_KAFKA_BROKERS ?? '127.0.0.1:19492',
    basePort: Number(env.BENCH_BASE_PORT ?? 7100),
  };
}
