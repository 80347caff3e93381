import pidusage from 'pidusage';

export interface ProcessUsage {
  name: string;
  /** Share of one core over the window: 100 = one core busy all the time. */
  cpuPercent: number;
  rssMaxMb: number;
  rssAvgMb: number;
  /** CPU time per message handled in the window (when the window carried load): robust to a shared machine. */
  cpuMsPerMessage?: number;
}

export interface UsageWindow {
  label: string;
  seconds: number;
  /** Messages handled end to end during the window. */
  messages?: number;
  processes: ProcessUsage[];
}

interface Sampled {
  startCpuMs: number;
  lastCpuMs: number;
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

  constructor(private readonly pids: Map<string, number>) {}

  async start(): Promise<void> {
    this.samples.clear();
    this.startedAt = Date.now();
    await this.sample();
    this.timer = setInterval(() => void this.sample(), 1000);
  }

  async stop(label: string, messages?: number): Promise<UsageWindow> {
    if (this.timer) clearInterval(this.timer);
    await this.sample();
    const seconds = (Date.now() - this.startedAt) / 1000;
    const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
    return {
      label,
      seconds: Math.round(seconds),
      messages,
      processes: [...this.samples].map(([name, sampled]) => ({
        name,
        ...(messages
          ? { cpuMsPerMessage: Math.round(((sampled.lastCpuMs - sampled.startCpuMs) / messages) * 100) / 100 }
          : {}),
        cpuPercent: Math.round(((sampled.lastCpuMs - sampled.startCpuMs) / (seconds * 1000)) * 100),
        rssMaxMb: mb(Math.max(...sampled.rss)),
        rssAvgMb: mb(sampled.rss.reduce((sum, value) => sum + value, 0) / sampled.rss.length),
      })),
    };
  }

  private async sample(): Promise<void> {
    await Promise.all(
      [...this.pids].map(async ([name, pid]) => {
        const stat = await pidusage(pid).catch(() => null);
        if (!stat) return;
        const sampled = this.samples.get(name) ?? { startCpuMs: stat.ctime, lastCpuMs: stat.ctime, rss: [] };
        sampled.lastCpuMs = stat.ctime;
        sampled.rss.push(stat.memory);
        this.samples.set(name, sampled);
      }),
    );
  }
}
