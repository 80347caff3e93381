import type { EntityManager } from 'typeorm';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';

const CLAIM_EVENTS: PreparedStatement = {
  name: 'messaging.claim-events',
  text: `INSERT INTO handled_events (event_id, consumer) SELECT unnest($1::uuid[]), $2
         ON CONFLICT DO NOTHING RETURNING event_id`,
};

/**
 * Records that a consumer handled events, in the transaction of their effects. Returns the ids
 * not handled before: only those are applied. An id given twice is returned once.
 */
export async function claimEvents(manager: EntityManager, eventIds: string[], consumer: string): Promise<Set<string>> {
  const rows = await runPrepared<{ event_id: string }>(manager, CLAIM_EVENTS, [eventIds, consumer]);
  return new Set(rows.map((row) => row.event_id));
}
