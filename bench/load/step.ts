import { now, sleep } from './clock';
import { LatencyRecorder, type Percentiles } from './latency';
import { runOpenLoop } from './open-loop';

/** A message that reached the far end of the system under test. */
export interface Arrival {
  tag: string;
  receivedAt: number;
  /**
   * Optional breakdown: when the message passed named points on its way (epoch ms, in order).
   * Stage durations are measured between consecutive points, from the intended send time to the arrival.
   */
  marks?: [string, number][];
}

/** What a step drives: Vigie, or a baseline pipeline. */
export interface LoadTarget {
  readonly name: string;
  /** Sends one message tagged `tag`; resolves with null once accepted, or with why it was refused. */
  send(tag: string): Promise<string | null>;
  /** Every arrival at the far end is reported here (duplicates included). */
  onArrival: ((arrival: Arrival) => void) | null;
}

export interface StepResult {
  target: string;
  rate: number;
  seconds: number;
  sent: number;
  delivered: number;
  errors: number;
  errorSamples: string[];
  /** Intended send time → arrival at the far end. */
  latency: Percentiles;
  /** Intended send time → the sender's acknowledgement (HTTP 201, broker ack). */
  accepted: Percentiles;
  stages: Record<string, Percentiles>;
  /** Growth of the backlog (sent, not yet arrived) over the second half of the step, per second. */
  backlogSlope: number;
  maxBacklog: number;
  /** From the intended time of the last send to the last arrival; null if it never drained. */
  drainMs: number | null;
  generatorLagMs: number;
  sustained: boolean;
}

/** One message's way through, for a look at the tail: times are epoch ms. */
export interface StepSample {
  rate: number;
  tag: string;
  intendedAt: number;
  marks: [string, number][];
  receivedAt: number;
}

export interface StepOptions {
  rate: number;
  seconds: number;
  /** Given every arrival of the step (`--samples`). */
  sample?: (sample: StepSample) => void;
  /** How long to wait for the backlog after the last send before giving up. */
  drainTimeoutMs?: number;
}

/** A step holds when every message arrived, the backlog did not trend up, and it cleared within this time. */
export const MAX_DRAIN_MS = 2000;
/** ...and when 99 % of the messages arrived within this time of their intended send: a queue is not throughput. */
export const MAX_P99_MS = 500;
/** Tolerated backlog growth, as a share of the rate (noise, not a trend). */
export const MAX_SLOPE_SHARE = 0.05;

let steps = 0;

/**
 * Offers `rate` messages per second for `seconds` with the open-loop generator and measures
 * latency from each intended send time to the arrival at the far end.
 */
export async function runStep(target: LoadTarget, options: StepOptions): Promise<StepResult> {
  const stepId = `s${++steps}${Date.now().toString(36)}`;
  const intended = new Map<string, number>();
  const latency = new LatencyRecorder();
  const accepted = new LatencyRecorder();
  const stages = new Map<string, LatencyRecorder>();
  const errorSamples: string[] = [];
  let errors = 0;
  let delivered = 0;
  let lastArrival = 0;
  let fired = 0;

  target.onArrival = (arrival) => {
    const sentAt = intended.get(arrival.tag);
    if (sentAt === undefined) return; // another step's straggler, or a duplicate
    intended.delete(arrival.tag);
    delivered += 1;
    lastArrival = Math.max(lastArrival, arrival.receivedAt);
    latency.record(arrival.receivedAt - sentAt);
    options.sample?.({
      rate: options.rate,
      tag: arrival.tag,
      intendedAt: sentAt,
      marks: arrival.marks ?? [],
      receivedAt: arrival.receivedAt,
    });
    let previous: [string, number] = ['sent', sentAt];
    for (const mark of [...(arrival.marks ?? []), ['arrived', arrival.receivedAt] as [string, number]]) {
      const stage = `${previous[0]} → ${mark[0]}`;
      if (!stages.has(stage)) stages.set(stage, new LatencyRecorder());
      stages.get(stage)!.record(Math.max(0, mark[1] - previous[1]));
      previous = mark;
    }
  };

  const backlog: { t: number; value: number }[] = [];
  const sampler = setInterval(() => backlog.push({ t: now(), value: fired - delivered - errors }), 100);
  const load = await runOpenLoop({
    rate: options.rate,
    durationMs: options.seconds * 1000,
    fire: (seq, intendedAt) => {
      const tag = `${stepId}-${seq}`;
      intended.set(tag, intendedAt);
      fired += 1;
      void target.send(tag).then(
        (refusal) => {
          if (refusal === null) return accepted.record(now() - intendedAt);
          fail(tag, refusal);
        },
        (error: unknown) => fail(tag, error instanceof Error ? error.message : String(error)),
      );
    },
  });
  function fail(tag: string, reason: string): void {
    if (!intended.delete(tag)) return;
    errors += 1;
    if (errorSamples.length < 5) errorSamples.push(reason);
  }

  const drainDeadline = now() + (options.drainTimeoutMs ?? 60_000);
  while (delivered + errors < fired && now() < drainDeadline) await sleep(10);
  clearInterval(sampler);
  target.onArrival = null;
  const drained = delivered + errors >= fired;
  const drainMs = drained ? Math.max(0, lastArrival - load.endedAt) : null;
  const backlogSlope = slope(backlog.filter((s) => s.t >= (load.startedAt + load.endedAt) / 2 && s.t <= load.endedAt));
  const latencies = latency.summary();
  const sustained =
    errors === 0 &&
    latencies.p99 <= MAX_P99_MS &&
    drainMs !== null &&
    drainMs <= MAX_DRAIN_MS &&
    backlogSlope <= Math.max(1, MAX_SLOPE_SHARE * options.rate);
  return {
    target: target.name,
    rate: options.rate,
    seconds: options.seconds,
    sent: fired,
    delivered,
    errors,
    errorSamples,
    latency: latencies,
    accepted: accepted.summary(),
    stages: Object.fromEntries([...stages].map(([stage, recorder]) => [stage, recorder.summary()])),
    backlogSlope: Math.round(backlogSlope * 10) / 10,
    maxBacklog: Math.max(0, ...backlog.map((sample) => sample.value)),
    drainMs: drainMs === null ? null : Math.round(drainMs),
    generatorLagMs: Math.round(load.maxLagMs * 10) / 10,
    sustained,
  };
}

/** Least-squares slope of the backlog, in messages per second. */
function slope(samples: { t: number; value: number }[]): number {
  if (samples.length < 3) return 0;
  const meanT = samples.reduce((sum, s) => sum + s.t, 0) / samples.length;
  const meanV = samples.reduce((sum, s) => sum + s.value, 0) / samples.length;
  let numerator = 0;
  let denominator = 0;
  for (const s of samples) {
    numerator += (s.t - meanT) * (s.value - meanV);
    denominator += (s.t - meanT) ** 2;
  }
  return denominator === 0 ? 0 : (numerator / denominator) * 1000;
}
