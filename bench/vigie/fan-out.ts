import { now, sleep } from '../load/clock';
import { LatencyRecorder, type Percentiles } from '../load/latency';
import { AlertPoster } from './alert-poster';
import type { SignedSink } from './signed-sink';

export interface FanOutResult {
  webhooks: number;
  delivered: number;
  /** From the POST to the first and to the last verified delivery. */
  firstMs: number | null;
  lastMs: number | null;
  /** Every delivery's time from the POST. */
  latency: Percentiles;
  /** From the routing decision to the last delivery (the notification side alone). */
  routedToLastMs: number | null;
  postMs: number;
}

/**
 * One Severe TLP:GREEN alert (the community of the sender's convention may receive it) to every
 * seeded endpoint; measures until the last one has it (or the deadline).
 */
export async function measureFanOut(
  sink: SignedSink,
  poster: AlertPoster,
  options: { commune: string; endpoints: string[]; timeoutMs: number },
): Promise<FanOutResult> {
  const identifier = `fanout-${Date.now().toString(36)}`;
  const waiting = new Set(options.endpoints);
  const latency = new LatencyRecorder();
  // Written by the sink's callback: an object, so that the compiler does not narrow them to null.
  const arrivals: { first: number | null; last: number | null } = { first: null, last: null };
  let routedAt = 0;
  const started = now();
  sink.onDelivery = (delivery) => {
    if (delivery.identifier !== identifier || !waiting.delete(delivery.endpoint)) return;
    const ms = delivery.receivedAt - started;
    latency.record(ms);
    arrivals.first ??= ms;
    arrivals.last = Math.max(arrivals.last ?? 0, ms);
    routedAt = delivery.routedAt;
  };
  const refusal = await poster.post({ identifier, commune: options.commune, severity: 'Severe', tlp: 'GREEN' });
  if (refusal !== null) throw new Error(`fan-out alert refused: ${refusal}`);
  const postMs = now() - started;
  const deadline = started + options.timeoutMs;
  while (waiting.size > 0 && now() < deadline) await sleep(5);
  sink.onDelivery = null;
  const round = (value: number | null): number | null => (value === null ? null : Math.round(value));
  return {
    webhooks: options.endpoints.length,
    delivered: options.endpoints.length - waiting.size,
    firstMs: round(arrivals.first),
    lastMs: round(arrivals.last),
    latency: latency.summary(),
    routedToLastMs: arrivals.last === null ? null : Math.round(started + arrivals.last - routedAt),
    postMs: Math.round(postMs),
  };
}
