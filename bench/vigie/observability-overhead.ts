import { Client } from 'pg';
import { OtlpCollector } from '../../libs/testing/src';
import { sleep } from '../load/clock';
import { runStep } from '../load/step';
import type { BenchOptions } from '../options';
import { ResourceMonitor, databaseBackends, type UsageWindow, type Watched } from '../report/resources';
import { resetDatabase, servicePids, startBenchStack } from './bench-stack';
import { seedPrefectureWebhook, seedPublisher } from './seed';
import { SignedSink } from './signed-sink';
import { VigieTarget } from './vigie-target';

export interface ObservabilityRun {
  configuration: string;
  rate: number;
  seconds: number;
  delivered: number;
  sent: number;
  p50: number;
  p99: number;
  /** CPU time per alert beyond rest, per service, and the sum of the four. */
  cpuMsPerAlert: Record<string, number>;
  servicesCpuMsPerAlert: number;
  postgresCpuMsPerAlert: number;
}

const CONFIGURATIONS: { name: string; env: (collector: string) => Record<string, string>; scrape: boolean }[] = [
  {
    name: 'all off (warn logs, no metrics, no tracing)',
    env: () => ({ LOG_LEVEL: 'warn', METRICS_PORT: '0' }),
    scrape: false,
  },
  {
    name: 'logs (info: a line per request and per event)',
    env: () => ({ LOG_LEVEL: 'info', METRICS_PORT: '0' }),
    scrape: false,
  },
  { name: 'logs + metrics (scraped every 5 s)', env: () => ({ LOG_LEVEL: 'info' }), scrape: true },
  {
    name: 'logs + metrics + tracing (OTLP to a local stub)',
    env: (collector) => ({ LOG_LEVEL: 'info', OTEL_EXPORTER_OTLP_ENDPOINT: collector }),
    scrape: true,
  },
];

const SERVICES = ['partner-registry', 'alert-ingestion', 'prefect-routing', 'notification'];

export interface ObservabilitySummary {
  configuration: string;
  runs: number;
  /** Medians over the rounds. */
  servicesCpuMsPerAlert: number;
  postgresCpuMsPerAlert: number;
  p50: number;
  p99: number;
  /** Services' CPU per alert beyond the "all off" configuration's. */
  overheadMs: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.round(value * 100) / 100;
};

/** Per configuration, the medians of its runs and its cost beyond "all off". */
export function summarise(runs: ObservabilityRun[]): ObservabilitySummary[] {
  const names = [...new Set(runs.map((run) => run.configuration))];
  const summaries = names.map((configuration) => {
    const mine = runs.filter((run) => run.configuration === configuration);
    return {
      configuration,
      runs: mine.length,
      servicesCpuMsPerAlert: median(mine.map((run) => run.servicesCpuMsPerAlert)),
      postgresCpuMsPerAlert: median(mine.map((run) => run.postgresCpuMsPerAlert)),
      p50: median(mine.map((run) => run.p50)),
      p99: median(mine.map((run) => run.p99)),
      overheadMs: 0,
    };
  });
  const base = summaries[0]?.servicesCpuMsPerAlert ?? 0;
  for (const summary of summaries) summary.overheadMs = Math.round((summary.servicesCpuMsPerAlert - base) * 100) / 100;
  return summaries;
}

/**
 * The cost of logs, metrics and tracing: the same fixed rate of alerts through a fresh stack
 * in each configuration, measuring the services' CPU time per alert (beyond their CPU at rest)
 * and the end-to-end latency. The configurations are run in turn, round after round (three
 * rounds; one for --smoke), so that a drift of the machine spreads over all of them; the
 * summary gives each one's medians.
 */
export async function measureObservabilityOverhead(
  options: BenchOptions,
  rate: number,
  log: (text: string) => void,
): Promise<ObservabilityRun[]> {
  const runs: ObservabilityRun[] = [];
  const collector = await OtlpCollector.start();
  const seconds = options.smoke ? 3 : options.stepSeconds;
  const rounds = options.smoke ? 1 : 3;
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const configuration of CONFIGURATIONS) {
        await resetDatabase(options.databaseUrl);
        const { stack, registry } = await startBenchStack(options, [], configuration.env(collector.url));
        const sink = await SignedSink.start();
        const pg = new Client({ connectionString: options.databaseUrl });
        await pg.connect();
        const watched = new Map<string, Watched>([...servicePids(stack)].map(([name, pid]) => [name, { pid }]));
        watched.set('postgres', databaseBackends(pg));
        const monitor = new ResourceMonitor(watched);
        const scraper = configuration.scrape
          ? setInterval(() => {
              for (const name of SERVICES) {
                void fetch(stack.metricsUrl(name as never))
                  .then((response) => response.text())
                  .catch(() => undefined);
              }
            }, 5000)
          : null;
        let vigie: VigieTarget | undefined;
        try {
          await seedPrefectureWebhook(stack, registry, sink, '69');
          vigie = new VigieTarget(
            [stack.url('alert-ingestion')],
            await seedPublisher(stack, registry, '69'),
            sink,
            '69123',
          );
          await runStep(vigie, { rate: 50, seconds: options.smoke ? 1 : 5 });
          await sleep(options.smoke ? 500 : 3000);
          await monitor.start();
          await sleep(options.smoke ? 1000 : 5000);
          const rest: UsageWindow = await monitor.stop('at rest');
          await monitor.start();
          const step = await runStep(vigie, { rate, seconds });
          const window = await monitor.stop(configuration.name, step.delivered, rest);
          const perAlert = Object.fromEntries(
            window.processes.map((usage) => [usage.name, usage.cpuMsPerMessage ?? 0]),
          );
          const run: ObservabilityRun = {
            configuration: configuration.name,
            rate,
            seconds,
            delivered: step.delivered,
            sent: step.sent,
            p50: step.latency.p50,
            p99: step.latency.p99,
            cpuMsPerAlert: perAlert,
            servicesCpuMsPerAlert:
              Math.round(SERVICES.reduce((sum, name) => sum + (perAlert[name] ?? 0), 0) * 100) / 100,
            postgresCpuMsPerAlert: perAlert.postgres ?? 0,
          };
          runs.push(run);
          log(
            `${run.configuration}: ${rate}/s × ${seconds}s, ${run.delivered}/${run.sent} delivered, p50 ${run.p50} p99 ${run.p99} ms, ` +
              `services ${run.servicesCpuMsPerAlert} ms CPU per alert (${SERVICES.map((name) => `${name} ${perAlert[name] ?? 0}`).join(', ')}), postgres ${run.postgresCpuMsPerAlert}`,
          );
        } finally {
          if (scraper) clearInterval(scraper);
          vigie?.close();
          await stack.stop();
          await sink.close();
          await pg.end();
        }
      }
    }
  } finally {
    await collector.close();
  }
  for (const summary of summarise(runs)) {
    log(
      `${summary.configuration} (median of ${summary.runs}): services ${summary.servicesCpuMsPerAlert} ms CPU per alert ` +
        `(+${summary.overheadMs}), postgres ${summary.postgresCpuMsPerAlert}, p50 ${summary.p50} p99 ${summary.p99} ms`,
    );
  }
  return runs;
}
