import { BatchedWriter } from './batched-writer';

function deferred() {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { done, release };
}

describe('a batched writer', () => {
  it('writes a lone item at once', async () => {
    const writes: number[][] = [];
    const writer = new BatchedWriter<number>(async (items) => void writes.push(items));
    await writer.add(1);
    expect(writes).toEqual([[1]]);
  });

  it('groups the items that arrive during a write into the next write, in order', async () => {
    const writes: number[][] = [];
    const gate = deferred();
    const writer = new BatchedWriter<number>(async (items) => {
      writes.push(items);
      if (writes.length === 1) await gate.done;
    });
    const first = writer.add(1);
    const rest = [writer.add(2), writer.add(3), writer.add(4)];
    expect(writes).toEqual([[1]]);
    gate.release();
    await Promise.all([first, ...rest]);
    expect(writes).toEqual([[1], [2, 3, 4]]);
  });

  it('fails the callers of a failed write only, and goes on with the next', async () => {
    const gate = deferred();
    let calls = 0;
    const writer = new BatchedWriter<string>(async (items) => {
      calls += 1;
      if (calls === 1) await gate.done;
      if (items.includes('bad')) throw new Error('connection lost');
    });
    const first = writer.add('good');
    const second = writer.add('bad');
    const third = writer.add('also in the failed batch');
    gate.release();
    await expect(first).resolves.toBeUndefined();
    await expect(second).rejects.toThrow('connection lost');
    await expect(third).rejects.toThrow('connection lost');
    await expect(writer.add('later')).resolves.toBeUndefined();
  });
});
