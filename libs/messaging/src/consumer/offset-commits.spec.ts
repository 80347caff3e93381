import type { Offsets } from 'kafkajs';
import { OffsetCommits } from './offset-commits';

/** A batch's view of a consumer: what it commits, and the offsets it has resolved but not committed. */
function consumer(uncommitted: Offsets = { topics: [{ topic: 't', partitions: [{ partition: 0, offset: '8' }] }] }) {
  const calls: (Offsets | undefined)[] = [];
  let running = true;
  let failWith: Error | null = null;
  return {
    calls,
    stopRunning: () => (running = false),
    failNext: (error: Error) => (failWith = error),
    payload: {
      commitOffsetsIfNecessary: (offsets?: Offsets) => {
        calls.push(offsets);
        const error = failWith;
        failWith = null;
        return error ? Promise.reject(error) : Promise.resolve();
      },
      uncommittedOffsets: () => uncommitted,
      isRunning: () => running,
    },
  };
}

describe('OffsetCommits', () => {
  const failures: unknown[] = [];
  let commits: OffsetCommits;

  beforeEach(() => {
    jest.useFakeTimers();
    failures.length = 0;
    commits = new OffsetCommits(1000, (error) => failures.push(error));
  });

  afterEach(() => {
    commits.stop();
    jest.useRealTimers();
  });

  it('leaves each batch to the interval kafkajs keeps, and commits what is left one interval after a burst', async () => {
    const group = consumer();
    for (let batch = 0; batch < 5; batch++) await commits.afterBatch(group.payload);

    // Each batch asks kafkajs to commit if the interval has passed (no offsets given: its own check).
    expect(group.calls).toEqual([undefined, undefined, undefined, undefined, undefined]);

    jest.advanceTimersByTime(999);
    expect(group.calls).toHaveLength(5);
    jest.advanceTimersByTime(1);
    // One trailing commit for the whole burst, of every offset resolved and not yet committed.
    expect(group.calls).toHaveLength(6);
    expect(group.calls[5]).toEqual(group.payload.uncommittedOffsets());

    jest.advanceTimersByTime(5000);
    expect(group.calls).toHaveLength(6);
  });

  it("commits through the newest batch's consumer, and not at all once it has stopped", async () => {
    const before = consumer();
    const after = consumer({ topics: [{ topic: 't', partitions: [{ partition: 1, offset: '3' }] }] });
    await commits.afterBatch(before.payload);
    before.stopRunning();
    await commits.afterBatch(after.payload);
    jest.advanceTimersByTime(1000);
    expect(before.calls).toEqual([undefined]);
    expect(after.calls).toEqual([undefined, after.payload.uncommittedOffsets()]);

    await commits.afterBatch(after.payload);
    after.stopRunning();
    jest.advanceTimersByTime(1000);
    expect(after.calls).toHaveLength(3);
  });

  it('reports a trailing commit that fails (its events are consumed again) and arms again on the next batch', async () => {
    const group = consumer();
    await commits.afterBatch(group.payload);
    group.failNext(new Error('The group is rebalancing'));
    jest.advanceTimersByTime(1000);
    await Promise.resolve();
    expect(failures).toEqual([new Error('The group is rebalancing')]);

    await commits.afterBatch(group.payload);
    jest.advanceTimersByTime(1000);
    expect(group.calls).toHaveLength(4);
  });

  it('commits nothing more once stopped', async () => {
    const group = consumer();
    await commits.afterBatch(group.payload);
    commits.stop();
    jest.advanceTimersByTime(10_000);
    expect(group.calls).toEqual([undefined]);
  });
});
