import type { EntityManager } from 'typeorm';
import { BatchedBeforeCommit } from './batched-before-commit';
import type { ConsumerTransaction } from './consumes.decorator';

function transaction() {
  const beforeCommit: ((manager: EntityManager) => Promise<void>)[] = [];
  const tx: ConsumerTransaction = { beforeCommit: (work) => beforeCommit.push(work), afterCommit: () => undefined };
  const commit = async () => {
    for (const work of beforeCommit) await work({} as EntityManager);
  };
  return { tx, beforeCommit, commit };
}

describe('BatchedBeforeCommit', () => {
  it('writes every item of a transaction once, before its commit, and each transaction apart', async () => {
    const written: number[][] = [];
    const batches = new BatchedBeforeCommit<number>((_manager, items) => {
      written.push([...items]);
      return Promise.resolve();
    });
    const first = transaction();
    const second = transaction();
    batches.add(first.tx, 1);
    batches.add(second.tx, 10);
    batches.add(first.tx, 2, 3);
    expect(first.beforeCommit).toHaveLength(1);
    expect(written).toEqual([]);
    await first.commit();
    await second.commit();
    expect(written).toEqual([[1, 2, 3], [10]]);
  });
});
