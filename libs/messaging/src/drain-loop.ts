import type { Logger } from '@nestjs/common';
import { backoffDelay } from './consumer/failure.policy';

export interface DrainLoopOptions {
  name: string;
  logger: Logger;
  /** The fallback: a wake-up at this interval catches anything a missed wake-up left. */
  intervalMs: number;
  /** Backoff after a failed round. */
  retry: { baseDelayMs: number; maxDelayMs: number };
}

/**
 * Runs `round` whenever woken, one round at a time, again while it reports more work, and
 * again if woken meanwhile. After a failure it backs off (exponentially, with jitter) before
 * the next round. Used by the outbox relay and the webhook dispatcher.
 */
export class DrainLoop {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private failures = 0;
  private pausedUntil = 0;
  private readonly timer: NodeJS.Timeout;

  /** `round` returns true when it left work behind (a full batch) and should run again at once. */
  constructor(
    private readonly round: () => Promise<boolean>,
    private readonly options: DrainLoopOptions,
  ) {
    this.timer = setInterval(() => this.wake(), options.intervalMs);
    this.timer.unref();
  }

  wake(): void {
    if (this.stopped || Date.now() < this.pausedUntil) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Stops waking up and waits for the round under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      try {
        while (!this.stopped && (await this.round()));
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        const delay = backoffDelay(this.failures, this.options.retry);
        this.pausedUntil = Date.now() + delay;
        this.options.logger.warn(`${this.options.name} failed (${(error as Error).message}); next try in ${delay} ms`);
        setTimeout(() => this.wake(), delay).unref();
        return;
      }
    } while (this.again && !this.stopped);
  }
}
