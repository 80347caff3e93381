import { runWindowed, Slots } from './slots';

/** A piece of work that ends when told to. */
function gate(): { promise: Promise<void>; open: () => void; fail: (error: Error) => void } {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('Slots', () => {
  it('gives at most its capacity at once, to waiters in arrival order', async () => {
    const slots = new Slots(2);
    const order: string[] = [];
    await slots.acquire();
    await slots.acquire();
    void slots.acquire().then(() => order.push('a'));
    void slots.acquire().then(() => order.push('b'));
    await settle();
    expect(order).toEqual([]);
    expect(slots.inUse).toBe(2);
    slots.release();
    await settle();
    expect(order).toEqual(['a']);
    slots.release();
    slots.release();
    slots.release();
    await settle();
    expect(order).toEqual(['a', 'b']);
    expect(slots.inUse).toBe(0);
  });

  it('refuses a capacity below one', () => {
    expect(() => new Slots(0)).toThrow(RangeError);
  });
});

describe('runWindowed', () => {
  it('starts in order and keeps at most the window in flight', async () => {
    const shared = new Slots(3);
    const gates = new Map<number, ReturnType<typeof gate>>();
    const started: number[] = [];
    const running = runWindowed(
      [1, 2, 3, 4, 5],
      2,
      shared,
      (item) => {
        started.push(item);
        const g = gate();
        gates.set(item, g);
        return g.promise;
      },
      () => true,
    );
    await settle();
    expect(started).toEqual([1, 2]);
    gates.get(2)!.open();
    await settle();
    expect(started).toEqual([1, 2, 3]);
    gates.get(1)!.open();
    await settle();
    expect(started).toEqual([1, 2, 3, 4]);
    gates.get(3)!.open();
    await settle();
    expect(started).toEqual([1, 2, 3, 4, 5]);
    gates.get(4)!.open();
    gates.get(5)!.open();
    expect(await running).toEqual([]);
    expect(shared.inUse).toBe(0);
  });

  it('waits for a slot of the instance when other targets hold them all', async () => {
    const shared = new Slots(1);
    await shared.acquire();
    const started: number[] = [];
    const running = runWindowed(
      [1, 2],
      2,
      shared,
      async (item) => void started.push(item),
      () => true,
    );
    await settle();
    expect(started).toEqual([]);
    shared.release();
    expect(await running).toEqual([]);
    expect(started).toEqual([1, 2]);
    expect(shared.inUse).toBe(0);
  });

  it('stops starting when told, waits for those started, and returns the rest', async () => {
    const shared = new Slots(10);
    let stop = false;
    const gates: ReturnType<typeof gate>[] = [];
    const running = runWindowed(
      ['a', 'b', 'c', 'd', 'e'],
      3,
      shared,
      () => {
        const g = gate();
        gates.push(g);
        return g.promise;
      },
      () => !stop,
    );
    await settle();
    expect(gates).toHaveLength(3);
    stop = true;
    gates[0].open();
    await settle();
    expect(gates).toHaveLength(3);
    let ended = false;
    void running.then(() => (ended = true));
    gates[1].open();
    await settle();
    expect(ended).toBe(false);
    gates[2].open();
    expect(await running).toEqual(['d', 'e']);
    expect(shared.inUse).toBe(0);
  });

  it('rethrows the first error once every started item has ended, and gives every slot back', async () => {
    const shared = new Slots(10);
    const gates: ReturnType<typeof gate>[] = [];
    const running = runWindowed(
      [1, 2, 3, 4],
      2,
      shared,
      () => {
        const g = gate();
        gates.push(g);
        return g.promise;
      },
      () => true,
    );
    await settle();
    gates[0].fail(new Error('database gone'));
    await settle();
    expect(gates).toHaveLength(2);
    gates[1].open();
    await expect(running).rejects.toThrow('database gone');
    expect(shared.inUse).toBe(0);
  });
});
