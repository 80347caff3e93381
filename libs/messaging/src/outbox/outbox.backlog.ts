import type { DataSource } from 'typeorm';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';

export interface OutboxBacklog {
  /** Events written and not yet published to Kafka. */
  pending: number;
  /** Age of the oldest of them, 0 when none waits. */
  oldestSeconds: number;
}

const BACKLOG: PreparedStatement = {
  name: 'messaging.outbox-backlog',
  text: `SELECT count(*)::int AS pending,
                coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS "oldestSeconds"
         FROM outbox WHERE published_at IS NULL`,
};

/** The service's outbox backlog, as metrics and readiness report it. */
export async function readOutboxBacklog(dataSource: DataSource): Promise<OutboxBacklog> {
  const [row] = await runPrepared<OutboxBacklog>(dataSource, BACKLOG, []);
  return row;
}
