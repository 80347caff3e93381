import type { BenchResults } from './results';
import { brokerWarmUp } from './tables';

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
