import type { ThrottlerStorage } from '@nestjs/throttler';

interface Window {
  hits: number;
  endsAt: number;
}

/**
 * Counts requests per key in fixed windows of `ttl` ms, in memory: constant time per request
 * whatever the limit (the library's default store keeps and scans one timestamp per hit, some
 * milliseconds per request once a key has tens of thousands in its window). A window refuses
 * what exceeds the limit until it ends; it does not block beyond.
 */
export class FixedWindowStore implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private sweepAt = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Synchronous; a promise because the throttler's storage interface is asynchronous. */
  increment(
    key: string,
    ttl: number,
    limit: number,
  ): Promise<{ totalHits: number; timeToExpire: number; isBlocked: boolean; timeToBlockExpire: number }> {
    const now = this.now();
    this.sweep(now, ttl);
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { hits: 0, endsAt: now + ttl };
      this.windows.set(key, window);
    }
    window.hits += 1;
    const secondsLeft = Math.max(1, Math.ceil((window.endsAt - now) / 1000));
    const isBlocked = window.hits > limit;
    return Promise.resolve({
      totalHits: window.hits,
      timeToExpire: secondsLeft,
      isBlocked,
      timeToBlockExpire: isBlocked ? secondsLeft : 0,
    });
  }

  /** Forgets ended windows, at most once per window length. */
  private sweep(now: number, ttl: number): void {
    if (now < this.sweepAt) return;
    this.sweepAt = now + ttl;
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}
