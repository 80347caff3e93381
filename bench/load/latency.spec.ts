import { LatencyRecorder } from './latency';

describe('LatencyRecorder', () => {
  it('reports percentiles and the maximum in milliseconds', () => {
    const recorder = new LatencyRecorder();
    for (let ms = 1; ms <= 100; ms++) recorder.record(ms);
    expect(recorder.summary()).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
  });

  it('keeps sub-millisecond latencies and clamps negative ones', () => {
    const recorder = new LatencyRecorder();
    recorder.record(0.25);
    recorder.record(-3);
    expect(recorder.summary()).toMatchObject({ count: 2, max: 0.3 });
  });
});
