import type { EachBatchPayload } from 'kafkajs';

/** The most time a handled event's offset waits before the consumer group commits it (ADR 53). */
export const OFFSET_COMMIT_INTERVAL_MS = 1000;

type BatchOffsets = Pick<EachBatchPayload, 'commitOffsetsIfNecessary' | 'uncommittedOffsets' | 'isRunning'>;

/**
 * Commits a consumer's handled offsets at most once per interval instead of after every batch
 * (kafkajs runs with `autoCommit: false` and `autoCommitInterval`): a batch commits when the
 * interval has passed since the last commit, and the offsets of the last batches before a lull are
 * committed one interval after them, so the group's committed offsets never trail by more than
 * about an interval. An offset not yet committed when the consumer stops or its partition moves is
 * consumed again by the next owner, whose inbox skips the events already handled.
 */
export class OffsetCommits {
  private trailing: NodeJS.Timeout | null = null;
  /** The newest batch's view of the consumer (after a restart of the consumer, the new one's). */
  private latest: BatchOffsets | null = null;

  constructor(
    private readonly intervalMs: number,
    /** A trailing commit that failed (a rebalance under way, the broker away): its offsets are consumed again. */
    private readonly failed: (error: unknown) => void,
  ) {}

  /** After a batch's offsets are resolved. */
  async afterBatch(payload: BatchOffsets): Promise<void> {
    this.latest = payload;
    await payload.commitOffsetsIfNecessary();
    if (this.trailing) return;
    this.trailing = setTimeout(() => {
      this.trailing = null;
      const consumer = this.latest;
      if (!consumer?.isRunning()) return;
      consumer.commitOffsetsIfNecessary(consumer.uncommittedOffsets()).catch(this.failed);
    }, this.intervalMs);
    this.trailing.unref();
  }

  stop(): void {
    if (this.trailing) clearTimeout(this.trailing);
    this.trailing = null;
    this.latest = null;
  }
}
