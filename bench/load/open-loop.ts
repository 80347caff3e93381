import { now, sleep } from './clock';

export interface OpenLoopSchedule {
  /** Arrivals per second. */
  rate: number;
  durationMs: number;
  /** Starts one send; must not wait for it to finish. */
  fire: (seq: number, intendedAt: number) => void;
}

export interface OpenLoopResult {
  fired: number;
  startedAt: number;
  /** The intended time of the last arrival. */
  endedAt: number;
  /** How late the generator itself fired its most delayed arrival. */
  maxLagMs: number;
}

/**
 * An open-loop generator: arrival `i` is due at `start + i / rate` whatever happened to the
 * previous ones. When the process falls behind, overdue arrivals are fired at once with their
 * original due time, so the latency measured from it includes the generator's own delay and
 * queueing is never hidden (no coordinated omission).
 */
export async function runOpenLoop(schedule: OpenLoopSchedule): Promise<OpenLoopResult> {
  const total = Math.max(1, Math.round((schedule.rate * schedule.durationMs) / 1000));
  const intervalMs = 1000 / schedule.rate;
  const startedAt = now() + 5;
  let maxLagMs = 0;
  let seq = 0;
  while (seq < total) {
    const due = startedAt + seq * intervalMs;
    const current = now();
    if (current < due) {
      await sleep(Math.max(0, Math.floor(due - current)));
      continue;
    }
    maxLagMs = Math.max(maxLagMs, current - due);
    schedule.fire(seq, due);
    seq += 1;
  }
  return { fired: total, startedAt, endedAt: startedAt + (total - 1) * intervalMs, maxLagMs };
}
