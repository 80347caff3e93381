import { GroupCommit } from './group-commit';

/** Transactions that commit when the test says so, recording what each wrote. */
class ManualTransactions {
  readonly transactions: { items: number[]; commit: () => void; fail: (error: Error) => void }[] = [];

  /** A batch writer whose transactions wait for the test to settle them. */
  writer(write: (items: number[]) => Promise<string[]> = written) {
    return (items: number[]): Promise<string[]> =>
      new Promise<string[]>((resolve, reject) => {
        void write(items).then((result) => {
          this.transactions.push({ items, commit: () => resolve(result), fail: reject });
        }, reject);
      });
  }

  async settle(index: number, outcome: 'commit' | Error = 'commit'): Promise<void> {
    while (this.transactions.length <= index) await new Promise((resolve) => setImmediate(resolve));
    const transaction = this.transactions[index];
    if (outcome === 'commit') transaction.commit();
    else transaction.fail(outcome);
  }
}

const written = (items: number[]): Promise<string[]> => Promise.resolve(items.map((item) => `written:${item}`));

describe('GroupCommit', () => {
  it('writes at once while transactions are free, and groups what arrives while they are busy', async () => {
    const db = new ManualTransactions();
    const group = new GroupCommit(db.writer(), { maxBatch: 10, maxInFlight: 2 });
    const answers = [1, 2, 3, 4, 5].map((item) => group.submit(item));

    await db.settle(0);
    await db.settle(1);
    await db.settle(2);
    expect(await Promise.all(answers)).toEqual([1, 2, 3, 4, 5].map((item) => `written:${item}`));
    expect(db.transactions.map((transaction) => transaction.items)).toEqual([[1], [2], [3, 4, 5]]);
  });

  it('caps a batch at maxBatch items', async () => {
    const db = new ManualTransactions();
    const group = new GroupCommit(db.writer(), { maxBatch: 2, maxInFlight: 1 });
    const answers = [1, 2, 3, 4].map((item) => group.submit(item));
    for (let index = 0; index < 3; index++) await db.settle(index);
    await Promise.all(answers);
    expect(db.transactions.map((transaction) => transaction.items)).toEqual([[1], [2, 3], [4]]);
  });

  it('writes the items of a failed batch again one per transaction, so only the bad one fails', async () => {
    const db = new ManualTransactions();
    const group = new GroupCommit(
      db.writer(async (items) => {
        if (items.includes(3) && items.length === 1) throw new Error('item 3 cannot be written');
        return written(items);
      }),
      { maxBatch: 10, maxInFlight: 1 },
    );
    const answers = [1, 2, 3, 4].map((item) => group.submit(item).catch((error: Error) => error.message));
    await db.settle(0); // [1]
    await db.settle(1, new Error('deadlock detected')); // [2, 3, 4] fails as a whole
    await db.settle(2); // [2] alone
    await db.settle(3); // [4] alone ([3] alone throws before its commit)
    expect(await Promise.all(answers)).toEqual(['written:1', 'written:2', 'item 3 cannot be written', 'written:4']);
  });

  it('refuses a writer that does not answer once per item', async () => {
    const db = new ManualTransactions();
    const group = new GroupCommit(
      db.writer(async () => []),
      { maxBatch: 10, maxInFlight: 1 },
    );
    const answer = group.submit(1);
    await db.settle(0);
    await expect(answer).rejects.toThrow('a batch writer answered 0 times for 1 items');
  });
});
