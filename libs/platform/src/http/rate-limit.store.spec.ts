import { FixedWindowStore } from './rate-limit.store';

describe('fixed-window rate limit store', () => {
  let now: number;
  const store = () => new FixedWindowStore(() => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets `limit` requests through a window, refuses the rest until it ends, then starts afresh', async () => {
    const windows = store();
    const hits = [];
    for (let i = 0; i < 5; i++) hits.push(await windows.increment('key:a', 60_000, 3));
    expect(hits.map((hit) => hit.isBlocked)).toEqual([false, false, false, true, true]);
    expect(hits[3]).toEqual({ totalHits: 4, timeToExpire: 60, isBlocked: true, timeToBlockExpire: 60 });

    now += 59_001;
    expect(await windows.increment('key:a', 60_000, 3)).toMatchObject({ isBlocked: true, timeToBlockExpire: 1 });
    now += 999;
    expect(await windows.increment('key:a', 60_000, 3)).toEqual({
      totalHits: 1,
      timeToExpire: 60,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  });

  it('counts each key on its own', async () => {
    const windows = store();
    for (let i = 0; i < 3; i++) await windows.increment('key:a', 60_000, 3);
    expect((await windows.increment('key:a', 60_000, 3)).isBlocked).toBe(true);
    expect((await windows.increment('key:b', 60_000, 3)).isBlocked).toBe(false);
  });
});
