import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repo-root';

/**
 * One line of the reliability table (docs/reliability.md): a fault injected or an attack tried,
 * and what the oracle counted. Fault and security suites append one row per scenario; the
 * report script turns the rows of a run into the table.
 */
export interface ReliabilityRow {
  suite: 'faults' | 'security';
  scenario: string;
  /** Alerts (or requests, for attacks) sent. */
  sent: number;
  /** Answered 201/2xx. */
  accepted: number;
  /** Accepted alerts delivered to every recipient (for attacks: foreign records returned, must be 0). */
  delivered: number;
  /** Kafka or HTTP redeliveries observed that had no second effect. */
  transportDuplicates: number;
  /** Second effects at a recipient: must be 0. */
  duplicateEffects: number;
  /** Accepted but never delivered: must be 0. */
  lost: number;
  notes?: string;
}

export const RELIABILITY_RESULTS_DIR = (): string => join(repoRoot(), '.vigie', 'reliability');

export function recordReliability(row: ReliabilityRow): void {
  const dir = RELIABILITY_RESULTS_DIR();
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, `${row.suite}.jsonl`), `${JSON.stringify({ ...row, at: new Date().toISOString() })}\n`);
}
