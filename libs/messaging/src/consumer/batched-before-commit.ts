import type { EntityManager } from 'typeorm';
import type { ConsumerTransaction } from './consumes.decorator';

/**
 * Items a consumer gathers over the events of one transaction and writes together just before it
 * commits, one statement for the whole batch whatever its size. `write` is registered with the
 * transaction when its first item comes, and is given every item added to that transaction.
 */
export class BatchedBeforeCommit<T> {
  private readonly batches = new WeakMap<ConsumerTransaction, T[]>();

  constructor(
    private readonly write: (
      manager: EntityManager,
      items: readonly T[],
      transaction: ConsumerTransaction,
    ) => Promise<void>,
  ) {}

  add(transaction: ConsumerTransaction, ...items: T[]): void {
    const batch = this.batches.get(transaction);
    if (batch) {
      batch.push(...items);
      return;
    }
    const gathered = [...items];
    this.batches.set(transaction, gathered);
    transaction.beforeCommit((manager) => this.write(manager, gathered, transaction));
  }
}
