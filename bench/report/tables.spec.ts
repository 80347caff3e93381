import type { BenchResults } from './results';
import { brokerWarmUp, fanOutCpu } from './tables';

const run = (warmUp: BenchResults['brokerWarmUp']): BenchResults => ({ brokerWarmUp: warmUp }) as BenchResults;

describe('the broker warm-up line', () => {
  it('says none for a run without one, or from before it existed', () => {
    expect(brokerWarmUp(run(undefined))).toBe('none');
    expect(brokerWarmUp(run({ seconds: 0, compilerPercentByRound: [], settled: false }))).toBe('none');
    expect(
      brokerWarmUp(run({ seconds: 0, compilerPercentByRound: [], settled: false, compilerPercentAfter: 7.9 })),
    ).toBe('none; its JIT compiler at 7.9 % of a core while measuring');
  });

  it('gives the rounds, whether the compiler came to rest, and its share while measuring', () => {
    expect(
      brokerWarmUp(
        run({ seconds: 40, compilerPercentByRound: [48.2, 30, 9.1, 3.4], settled: true, compilerPercentAfter: 0.8 }),
      ),
    ).toBe('40 s; its JIT compiler per round 48.2, 30, 9.1, 3.4 % of a core (then resting), 0.8 % while measuring');
    expect(brokerWarmUp(run({ seconds: 120, compilerPercentByRound: [50, 40], settled: false }))).toBe(
      '120 s; its JIT compiler per round 50, 40 % of a core (still busy at the limit)',
    );
  });
});

describe('the CPU of a fan-out', () => {
  it('lists every process, busiest first, and their sum against what the cores offered', () => {
    const usage = {
      label: 'fan-out to 10002',
      seconds: 5.6,
      processes: [
        { name: 'postgres (bench backends)', cpuPercent: 47, cpuMs: 2640, rssMaxMb: null },
        { name: 'notification', cpuPercent: 66, cpuMs: 3670, rssMaxMb: 300 },
        { name: 'kafka broker', cpuPercent: 4, cpuMs: 200, rssMaxMb: 900 },
      ],
    };
    expect(fanOutCpu(usage, 2)).toBe(
      'CPU from the POST to the last delivery (ms, sampled each second): notification 3670, ' +
        'postgres (bench backends) 2640, kafka broker 200; all together 6510 of the 11200 ms that 2 cores offered in 5.6 s',
    );
  });
});
