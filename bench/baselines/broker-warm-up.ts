import { readdirSync, readFileSync } from 'node:fs';
import { now } from '../load/clock';
import { runStep } from '../load/step';
import { KafkaTwoHop } from './kafka-two-hop';

/** Linux's USER_HZ: /proc reports CPU time in hundredths of a second. */
const TICKS_PER_SECOND = 100;

/** The HotSpot threads that compile hot bytecode (`C1 CompilerThre`, `C2 CompilerThre`: names cut at 15 characters). */
export function isCompilerThread(comm: string): boolean {
  return /^C[12] CompilerThre/.test(comm.trim());
}

/** CPU time (ticks) the JVM of `pid` has spent compiling so far; null where /proc cannot tell. */
export function compilerTicks(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    let ticks = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        if (!isCompilerThread(readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8'))) continue;
        // utime and stime, fields 14 and 15; the name in parentheses may hold spaces, so count after it.
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // A compiler thread can end between the listing and the read.
      }
    }
    return ticks;
  } catch {
    return null;
  }
}

/** Share of one core (%) a compiler used between two readings `seconds` apart. */
export function compilerPercent(before: number, after: number, seconds: number): number {
  return Math.round(((after - before) / TICKS_PER_SECOND / seconds) * 1000) / 10;
}

/** Opens a window on the compiler of `pid`; closing it gives the share of a core used since, or null. */
export function compilerWindow(pid: number | null): () => number | null {
  const before = compilerTicks(pid);
  const started = now();
  return () => {
    const after = compilerTicks(pid);
    return before === null || after === null ? null : compilerPercent(before, after, (now() - started) / 1000);
  };
}

/** The broker's JIT compiler is taken as resting once a round used less than this share of a core. */
export const RESTING_COMPILER_PERCENT = 5;

export interface BrokerWarmUp {
  /** Seconds of raw traffic before the measurements. */
  seconds: number;
  /** Share of one core (%) the broker's JIT compiler used in each round, in order. */
  compilerPercentByRound: number[];
  /** Whether the last round found the compiler resting (false: stopped at the time limit, or unreadable). */
  settled: boolean;
  /** Share of one core (%) the compiler used from the warm-up's end to the measurements' end. */
  compilerPercentAfter?: number;
}

export interface BrokerWarmUpOptions {
  brokers: string[];
  partitions: number;
  /** Most seconds of traffic; 0 skips the warm-up. */
  maxSeconds: number;
  roundSeconds: number;
  /** Messages per second of the raw two-hop. */
  rate: number;
  log: (text: string) => void;
}

/**
 * A broker formatted for the run starts with its bytecode interpreted: for its first minutes under
 * load, HotSpot's compiler threads take up to half a core of the two, which the first measured
 * steps would pay for and the Kafka baseline, measured later on a warm broker, would not. So
 * before anything is measured, the raw two-hop runs (topics of its own) in rounds until the
 * broker's compiler rests, as in a broker that has been up for a while.
 */
export async function warmUpBroker(pid: number | null, options: BrokerWarmUpOptions): Promise<BrokerWarmUp> {
  const warmUp: BrokerWarmUp = { seconds: 0, compilerPercentByRound: [], settled: false };
  if (options.maxSeconds <= 0) return warmUp;
  const twoHop = await KafkaTwoHop.start({
    brokers: options.brokers,
    partitions: options.partitions,
    firstSize: 1500,
    secondSize: 1800,
  });
  try {
    while (warmUp.seconds < options.maxSeconds) {
      const seconds = Math.min(options.roundSeconds, options.maxSeconds - warmUp.seconds);
      const round = compilerWindow(pid);
      await runStep(twoHop, { rate: options.rate, seconds });
      const percent = round();
      warmUp.seconds += seconds;
      if (percent === null) break;
      warmUp.compilerPercentByRound.push(percent);
      options.log(`broker warm-up: ${warmUp.seconds} s, JIT compiler at ${percent} % of a core`);
      if (percent < RESTING_COMPILER_PERCENT) {
        warmUp.settled = true;
        break;
      }
    }
  } finally {
    await twoHop.stop();
  }
  return warmUp;
}
