import type { Client } from 'pg';
import pidusage from 'pidusage';

export interface ProcessUsage {
  name: string;
  /** Share of one core over the window: 100 = one core busy all the time. */
  cpuPercent: number;
  /** CPU time consumed during the window. */
  cpuMs: number;
  /** Null for a group of processes sharing memory (PostgreSQL backends), where a sum means nothing. */
  rssMaxMb: number | null;
  /**
   * CPU time per message handled in the window, beyond what the process spends at rest (polls,
   * heartbeats, timers): more robust to a shared machine than a percentage.
   */
  cpuMsPerMessage?: number;
}

export interface UsageWindow {
  label: string;
  seconds: number;
  /** Messages handled end to end during the window. */
  messages?: number;
  processes: ProcessUsage[];
}

/** What to watch: one process, or a group whose members are found again at each sample. */
export type Watched = { pid: number } | { group: () => Promise<number[]> };

/** The PostgreSQL backends serving the database `pg` is connected to (the services' pools), not `pg`'s own. */
export function databaseBackends(pg: Client): Watched {
  return {
    group: async () =>
      (
        (await pg.query(
          'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        )) as { rows: { pid: number }[] }
      ).rows.map((row) => row.pid),
  };
}

interface Sampled {
  /** CPU time per pid at the start of the window and at the last sample. */
  startCpuMs: Map<number, number>;
  lastCpuMs: Map<number, number>;
  rss: number[];
}

/**
 * CPU time and resident memory of named processes over a window, read with pidusage
 * (/proc on Linux). CPU is the CPU time consumed during the window divided by its length.
 */
export class ResourceMonitor {
  private readonly samples = new Map<string, Sampled>();
  private timer: NodeJS.Timeout | null = null;
  private startedAt = 0;

  constructor(private readonly watched: Map<string, Watched>) {}

  async start(): Promise<void> {
    this.samples.clear();
    this.startedAt = Date.now();
    await this.sample();
    this.timer = setInterval(() => void this.sample(), 1000);
  }

  /** Ends the window; with `messages` and the `rest` window, each process's CPU per message is worked out. */
  async stop(label: string, messages?: number, rest?: UsageWindow): Promise<UsageWindow> {
    if (this.timer) clearInterval(this.timer);
    await this.sample();
    const seconds = (Date.now() - this.startedAt) / 1000;
    const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
    return {
      label,
      seconds: Math.round(seconds * 10) / 10,
      messages,
      processes: [...this.samples].map(([name, sampled]) => {
        let cpuMs = 0;
        for (const [pid, last] of sampled.lastCpuMs) cpuMs += last - (sampled.startCpuMs.get(pid) ?? last);
        const idle = rest?.processes.find((usage) => usage.name === name);
        const idleMs = idle ? (idle.cpuMs / rest!.seconds) * seconds : 0;
        return {
          name,
          cpuPercent: Math.round((cpuMs / (seconds * 1000)) * 100),
          cpuMs: Math.round(cpuMs),
          rssMaxMb: 'pid' in this.watched.get(name)! ? mb(Math.max(...sampled.rss)) : null,
          ...(messages ? { cpuMsPerMessage: Math.round((Math.max(0, cpuMs - idleMs) / messages) * 100) / 100 } : {}),
        };
      }),
    };
  }

  private async sample(): Promise<void> {
    await Promise.all(
      [...this.watched].map(async ([name, watched]) => {
        const pids = 'pid' in watched ? [watched.pid] : await watched.group().catch(() => []);
        const stats = pids.length ? await pidusage(pids).catch(() => null) : null;
        if (!stats) return;
        const sampled: Sampled = this.samples.get(name) ?? { startCpuMs: new Map(), lastCpuMs: new Map(), rss: [] };
        let rss = 0;
        for (const [pid, stat] of Object.entries(stats)) {
          // A process of a group (a PostgreSQL backend) can exit between listing and reading: pidusage then has no stat.
          if (!stat) continue;
          if (!sampled.startCpuMs.has(Number(pid))) sampled.startCpuMs.set(Number(pid), stat.ctime);
          sampled.lastCpuMs.set(Number(pid), stat.ctime);
          rss += stat.memory;
        }
        sampled.rss.push(rss);
        this.samples.set(name, sampled);
      }),
    );
  }
}
