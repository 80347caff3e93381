import type { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DrainLoop } from './drain-loop';

export interface PeriodicJobSchedule {
  /** How the job is named in its log lines. */
  name: string;
  intervalMs: number;
  /** Run a first round as soon as the application has started, not one interval later. */
  atStart?: boolean;
  /** Backoff after a failed round (default: from 1 s up to the interval). */
  retry?: { baseDelayMs: number; maxDelayMs: number };
}

/**
 * A job every instance runs on a timer, one round at a time, stopped with the application: the
 * lifecycle shared by the retention sweeps, the queue vacuum and the escalation rounds. A
 * subclass says when (`schedule`, null: never) and what (`tick`, true when it left work behind
 * and should run again at once).
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnModuleDestroy {
  protected abstract readonly logger: Logger;
  private loop: DrainLoop | null = null;

  protected abstract schedule(): PeriodicJobSchedule | null;
  protected abstract tick(): Promise<boolean>;

  onApplicationBootstrap(): void {
    const schedule = this.schedule();
    if (!schedule) return;
    this.loop = new DrainLoop(() => this.tick(), {
      name: schedule.name,
      logger: this.logger,
      intervalMs: schedule.intervalMs,
      retry: schedule.retry ?? { baseDelayMs: 1000, maxDelayMs: schedule.intervalMs },
    });
    if (schedule.atStart) this.loop.wake();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop?.stop();
  }
}
