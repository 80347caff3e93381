/**
 * A counting semaphore: at most `capacity` holders at once, the others served first come, first
 * served as slots are given back. Bounds the requests in flight across all targets.
 */
export class Slots {
  private held = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
  }

  get inUse(): number {
    return this.held;
  }

  /** Resolves once a slot is this caller's; give it back with {@link release}. */
  acquire(): Promise<void> {
    if (this.held < this.capacity) {
      this.held++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Gives a slot back: to the longest waiter if any (the count does not change), else to the pool. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else if (this.held > 0) this.held--;
  }
}

/**
 * Runs `work` on each item in order of start, at most `width` at once and each holding a slot of
 * `shared` while it runs. `keepGoing` is asked before each start: false stops starting (the items
 * not started are returned). Waits for every started one; the first error, if any, is rethrown
 * after they have all ended.
 */
export async function runWindowed<T>(
  items: readonly T[],
  width: number,
  shared: Slots,
  work: (item: T) => Promise<void>,
  keepGoing: () => boolean,
): Promise<T[]> {
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  let next = 0;
  for (; next < items.length; next++) {
    while (running.size >= width) await Promise.race(running);
    if (failure || !keepGoing()) break;
    await shared.acquire();
    if (failure || !keepGoing()) {
      shared.release();
      break;
    }
    const item = items[next];
    const started: Promise<void> = work(item)
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => {
        shared.release();
        running.delete(started);
      });
    running.add(started);
  }
  await Promise.all(running);
  if (failure) throw (failure as { error: unknown }).error;
  return items.slice(next);
}
