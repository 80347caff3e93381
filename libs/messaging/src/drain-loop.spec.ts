import { Logger } from '@nestjs/common';
import { DrainLoop } from './drain-loop';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** Lets pending promise callbacks run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise(setImmediate);
}

const options = {
  name: 'test round',
  logger: new Logger('test'),
  intervalMs: 60_000,
  retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
};

describe('DrainLoop', () => {
  it('coalesces wake-ups that arrive during a round into one more round', async () => {
    const gates = [deferred(), deferred()];
    let rounds = 0;
    const loop = new DrainLoop(async () => {
      await gates[rounds++].promise;
      return false;
    }, options);
    loop.wake();
    loop.wake();
    loop.wake();
    gates[0].resolve();
    gates[1].resolve();
    await settle();
    await loop.stop();
    expect(rounds).toBe(2);
  });

  it('runs again at once while a round reports more work', async () => {
    const results = [true, true, false];
    let rounds = 0;
    const loop = new DrainLoop(async () => results[rounds++], options);
    loop.wake();
    await settle();
    await loop.stop();
    expect(rounds).toBe(3);
  });

  it('pauses after a failure instead of retrying in a tight loop', async () => {
    let rounds = 0;
    const loop = new DrainLoop(
      async () => {
        rounds += 1;
        throw new Error('broker down');
      },
      { ...options, logger: Object.assign(new Logger('test'), { warn: () => undefined }) },
    );
    loop.wake();
    await settle();
    loop.wake();
    loop.wake();
    await loop.stop();
    expect(rounds).toBe(1);
  });
});
