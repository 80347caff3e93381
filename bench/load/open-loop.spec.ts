import { runOpenLoop } from './open-loop';

describe('runOpenLoop', () => {
  it('fires rate × duration arrivals, each due exactly 1/rate after the previous one', async () => {
    const due: number[] = [];
    const result = await runOpenLoop({ rate: 200, durationMs: 100, fire: (_, intendedAt) => due.push(intendedAt) });
    expect(result.fired).toBe(20);
    expect(due).toHaveLength(20);
    due.slice(1).forEach((at, index) => expect(at - due[index]).toBeCloseTo(5, 6));
    expect(result.endedAt).toBeCloseTo(due[19], 6);
  });

  it('keeps the intended times when the process falls behind (no coordinated omission)', async () => {
    const due: number[] = [];
    const busy = (ms: number): void => {
      const until = Date.now() + ms;
      while (Date.now() < until);
    };
    // Each send blocks the loop for longer than the interval: the generator lags but keeps the schedule.
    const result = await runOpenLoop({
      rate: 1000,
      durationMs: 10,
      fire: (_, intendedAt) => {
        due.push(intendedAt);
        busy(3);
      },
    });
    expect(due).toHaveLength(10);
    expect(due[9] - due[0]).toBeCloseTo(9, 6);
    expect(result.maxLagMs).toBeGreaterThan(9);
  });

  it('sends at least one message', async () => {
    const result = await runOpenLoop({ rate: 1, durationMs: 10, fire: () => undefined });
    expect(result.fired).toBe(1);
  });
});
