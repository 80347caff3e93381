import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { sleep } from './load/clock';
import { runStep } from './load/step';
import type { BenchOptions } from './options';
import { monotonicUs, summariseProfile, type ProfileSummary } from './report/cpu-profile';
import { resetDatabase, servicePids, startBenchStack } from './vigie/bench-stack';
import { seedPrefectureWebhook, seedPublisher } from './vigie/seed';
import { SignedSink } from './vigie/signed-sink';
import { VigieTarget } from './vigie/vigie-target';

const log = (text: string): void => console.log(`[bench] ${text}`);

/**
 * Runs the services under `node --cpu-prof`, offers `rate` alerts/s for a step, stops them
 * (each writes its profile on exit) and summarises where each spent its CPU time. The
 * profiles stay in `<out>/profiles/` for Chrome DevTools or speedscope.
 */
export async function profileServices(options: BenchOptions, rate: number): Promise<ProfileSummary[]> {
  const dir = join(options.outDir, 'profiles');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await resetDatabase(options.databaseUrl);
  log(`starting the services under --cpu-prof (profiles in ${dir})`);
  const { stack, registry } = await startBenchStack(options, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const pids = servicePids(stack);
  const sink = await SignedSink.start();
  const window = { fromUs: 0, toUs: 0 };
  try {
    await seedPrefectureWebhook(stack, registry, sink, '69');
    const target = new VigieTarget(
      [stack.url('alert-ingestion')],
      await seedPublisher(stack, registry, '69'),
      sink,
      '69123',
    );
    await runStep(target, { rate: 50, seconds: options.smoke ? 1 : 5 });
    await sleep(1000);
    window.fromUs = monotonicUs();
    const step = await runStep(target, { rate, seconds: options.stepSeconds });
    window.toUs = monotonicUs();
    log(`profiled at ${rate}/s: p50 ${step.latency.p50} p99 ${step.latency.p99} ms, sustained: ${step.sustained}`);
    target.close();
  } finally {
    await stack.stop();
    await sink.close();
  }
  const files = readdirSync(dir).filter((file) => file.endsWith('.cpuprofile'));
  const summaries = [...pids].flatMap(([service, pid]) => {
    const file = files.find((name) => name.includes(`.${pid}.`));
    return file ? [summariseProfile(service, join(dir, file), window)] : [];
  });
  const run = `\`npm run bench -- ${process.argv.slice(2).join(' ')}\`, ${new Date().toISOString()}, load average ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')} at the end`;
  writeFileSync(join(options.outDir, 'profile.md'), profileMarkdown(summaries, rate, run));
  return summaries;
}

function profileMarkdown(summaries: ProfileSummary[], rate: number, run: string): string {
  const parts = [
    `# CPU profiles at ${rate} alerts/s\n`,
    `${run}.\n`,
    "Self time during the measured step (start-up and warm-up excluded), as a share of each process's busy (non-idle) time.\n",
  ];
  for (const summary of summaries) {
    parts.push(`## ${summary.service}: ${summary.busyMs} ms busy of ${summary.sampledMs} ms sampled\n`);
    parts.push('| area | ms | % |\n|---|---|---|');
    for (const share of summary.byArea) parts.push(`| ${share.name} | ${share.ms} | ${share.percent} |`);
    parts.push('\n| function | ms | % |\n|---|---|---|');
    for (const share of summary.topFunctions) parts.push(`| \`${share.name}\` | ${share.ms} | ${share.percent} |`);
    parts.push('');
  }
  return `${parts.join('\n')}\n`;
}
