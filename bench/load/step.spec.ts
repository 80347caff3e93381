import { now } from './clock';
import type { Arrival, LoadTarget, StepSample } from './step';
import { runStep } from './step';

/** An in-memory target: each message arrives `delayMs` after it is sent, unless `drop` says otherwise. */
class FakeTarget implements LoadTarget {
  readonly name = 'fake';
  onArrival: ((arrival: Arrival) => void) | null = null;
  constructor(private readonly behaviour: { delayMs: number; drop?: (tag: string) => boolean; refuse?: boolean }) {}

  async send(tag: string): Promise<string | null> {
    if (this.behaviour.refuse) return 'HTTP 503';
    if (!this.behaviour.drop?.(tag)) {
      setTimeout(() => this.onArrival?.({ tag, receivedAt: now() }), this.behaviour.delayMs);
    }
    return null;
  }
}

/** A target whose messages pass a `halfway` mark 10 ms after they are sent and arrive 20 ms later. */
function halfwayTarget(): FakeTarget {
  const target = new FakeTarget({ delayMs: 0 });
  target.send = async (tag) => {
    const sentAt = now();
    setTimeout(() => target.onArrival?.({ tag, receivedAt: sentAt + 30, marks: [['halfway', sentAt + 10]] }), 1);
    return null;
  };
  return target;
}

describe('runStep', () => {
  it('measures every arrival and calls a drained, flat backlog sustained', async () => {
    const step = await runStep(new FakeTarget({ delayMs: 2 }), { rate: 100, seconds: 0.3 });
    expect(step).toMatchObject({ sent: 30, delivered: 30, errors: 0, sustained: true });
    expect(step.latency.count).toBe(30);
    expect(step.latency.p50).toBeGreaterThanOrEqual(2);
    expect(step.accepted.count).toBe(30);
  });

  it('does not call a step sustained when messages never arrive', async () => {
    const step = await runStep(new FakeTarget({ delayMs: 1, drop: (tag) => tag.endsWith('7') }), {
      rate: 100,
      seconds: 0.3,
      drainTimeoutMs: 200,
    });
    expect(step).toMatchObject({ sent: 30, delivered: 27, drainMs: null, sustained: false });
  });

  it('does not call a step sustained when its p99 exceeds the bound, however steady the queue', async () => {
    const step = await runStep(new FakeTarget({ delayMs: 600 }), { rate: 50, seconds: 0.2, drainTimeoutMs: 2000 });
    expect(step).toMatchObject({ sent: 10, delivered: 10, errors: 0, sustained: false });
    expect(step.latency.p99).toBeGreaterThan(500);
    expect(step.drainMs).toBeLessThan(2000);
  });

  it('counts refusals as errors, with samples of the reason', async () => {
    const step = await runStep(new FakeTarget({ delayMs: 1, refuse: true }), { rate: 100, seconds: 0.1 });
    expect(step).toMatchObject({ sent: 10, delivered: 0, errors: 10, sustained: false });
    expect(step.errorSamples[0]).toBe('HTTP 503');
  });

  it('breaks latency down between the marks an arrival carries', async () => {
    const target = halfwayTarget();
    const step = await runStep(target, { rate: 50, seconds: 0.1 });
    expect(Object.keys(step.stages)).toEqual(['sent → halfway', 'halfway → arrived']);
    expect(step.stages['halfway → arrived'].p50).toBeCloseTo(20, 0);
  });

  it('gives each arrival, with its marks, to the sample callback', async () => {
    const target = halfwayTarget();
    const samples: StepSample[] = [];
    const step = await runStep(target, { rate: 50, seconds: 0.1, sample: (sample) => samples.push(sample) });
    expect(samples).toHaveLength(step.delivered);
    expect(samples[0]).toMatchObject({ rate: 50, marks: [['halfway', expect.any(Number)]] });
    expect(samples[0].receivedAt - samples[0].marks[0][1]).toBeCloseTo(20, 0);
  });
});
