import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

/** What waits for each open transaction's commit, by the query runner that holds it. */
const waiting = new WeakMap<QueryRunner, (() => void)[]>();
const listening = new WeakSet<DataSource>();

/** Runs the waiting actions when a transaction really ends (not at a savepoint's release). */
class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive) return;
    const actions = waiting.get(event.queryRunner);
    waiting.delete(event.queryRunner);
    // The transaction has committed: nothing here may turn that into an error for its caller.
    for (const action of actions ?? []) {
      try {
        action();
      } catch {
        // Dropped: what follows a commit is a wake-up or an announcement, which a poll makes up for.
      }
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) waiting.delete(event.queryRunner);
  }
}

/**
 * Runs `action` once the transaction `manager` works in has committed, and never if it rolls
 * back; at once when `manager` is in no transaction (what it wrote is already committed). For
 * what must follow a commit without being part of it, such as waking this process's outbox relay:
 * the transaction itself stays free of NOTIFY, whose commit takes a lock every NOTIFYing commit
 * of the server waits on (ADR 50). `action` runs, synchronously, before the caller's
 * `transaction()` returns; what it throws is dropped, never turned into a failure of a commit.
 */
export function afterCommit(manager: EntityManager, action: () => void): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    action();
    return;
  }
  const dataSource = manager.connection;
  if (!listening.has(dataSource)) {
    listening.add(dataSource);
    dataSource.subscribers.push(new AfterCommitSubscriber());
  }
  const actions = waiting.get(runner);
  if (actions) actions.push(action);
  else waiting.set(runner, [action]);
}
