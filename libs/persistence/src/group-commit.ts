export interface GroupCommitOptions {
  /** Most items written by one transaction. */
  maxBatch: number;
  /** Transactions open at once; items that arrive meanwhile wait for the next one. */
  maxInFlight: number;
}

/**
 * Writes `items` in one transaction (or one statement, which is one), all or nothing, and answers
 * for each in order once it has committed. It must not throw for one item's sake (a refusal is an
 * answer): a throw means nothing was written.
 */
export type BatchWriter<I, O> = (items: I[]) => Promise<O[]>;

interface Waiting<I, O> {
  item: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: concurrent writers share transactions, so a burst costs one commit (one WAL
 * flush) and one statement per table for many items, not for each. No item waits for a timer:
 * while fewer than `maxInFlight` transactions are open an item is written at once, alone if it
 * is alone; items that arrive while they are all busy are written together by the next one.
 * A batch that fails is written again one item per transaction, so one bad item fails alone.
 */
export class GroupCommit<I, O> {
  private readonly waiting: Waiting<I, O>[] = [];
  private inFlight = 0;

  constructor(
    private readonly write: BatchWriter<I, O>,
    private readonly options: GroupCommitOptions,
  ) {}

  /** Resolves once the item's transaction has committed. */
  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        this.next();
      });
    }
  }

  private async run(batch: Waiting<I, O>[]): Promise<void> {
    try {
      const outputs = await this.transaction(batch.map((waiting) => waiting.item));
      batch.forEach((waiting, index) => waiting.resolve(outputs[index]));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      await Promise.all(
        batch.map(async (waiting) => {
          try {
            const [output] = await this.transaction([waiting.item]);
            waiting.resolve(output);
          } catch (alone) {
            waiting.reject(alone);
          }
        }),
      );
    }
  }

  private async transaction(items: I[]): Promise<O[]> {
    const outputs = await this.write(items);
    if (outputs.length !== items.length) {
      throw new Error(`a batch writer answered ${outputs.length} times for ${items.length} items`);
    }
    return outputs;
  }
}
