import type { BrokerWarmUp } from '../baselines/broker-warm-up';
import type { PgInsertResult } from '../baselines/pg-insert';
import type { StepResult } from '../load/step';
import type { ConsoleRenderResult } from '../vigie/console-render';
import type { FanOutResult } from '../vigie/fan-out';
import type { ObservabilityRun } from '../vigie/observability-overhead';
import type { SoakResult } from '../vigie/soak';
import type { ProfileSummary } from './cpu-profile';
import type { UsageWindow } from './resources';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  postgres: string;
  kafka: string;
  /** 1, 5 and 15 minute load averages when the run started and when it ended. */
  loadAtStart: number[];
  loadAtEnd: number[];
}

export interface BenchResults {
  startedAt: string;
  command: string;
  smoke: boolean;
  /** Partitions of every topic, Vigie's and the Kafka baseline's. */
  partitions: number;
  /** Processes of every service (absent in runs from before `--instances`: one). */
  instances?: number;
  machine: Machine;
  /** Raw traffic that warmed the broker's JIT before the measurements (absent in runs from before it: none). */
  brokerWarmUp?: BrokerWarmUp;
  startupMs: number | null;
  messageSizes: { submitted: number; routed: number } | null;
  vigie: StepResult[];
  /** The highest rate held for the hold duration with a bounded backlog. */
  hold: StepResult | null;
  kafka: StepResult[];
  pg: PgInsertResult | null;
  fanOut: (FanOutResult & { seedingMs: number; partners: number; usage?: UsageWindow }) | null;
  resources: UsageWindow[];
  sink: { rejected: number; duplicates: number };
  profile: ProfileSummary[];
  /** `--console N`: the console's page render times with N alerts in the prefecture's history. */
  console?: ConsoleRenderResult;
  observability?: ObservabilityRun[];
  /** `--soak MINUTES`: one fixed rate held for long, and what grew meanwhile. */
  soak?: SoakResult;
}

/** The highest sustained rate of a ladder (0 if none held). */
export function maxSustained(steps: StepResult[]): number {
  return Math.max(0, ...steps.filter((step) => step.sustained).map((step) => step.rate));
}
