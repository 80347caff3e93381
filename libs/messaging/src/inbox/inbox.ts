import { runPrepared, type PreparedStatement } from '@vigie/persistence';
import type { EntityManager } from 'typeorm';

const CLAIM_EVENT: PreparedStatement = {
  name: 'messaging.claim-event',
  text: 'INSERT INTO handled_events (event_id, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
};

/**
 * Records that a consumer handled an event, in the transaction of its effects. Returns false
 * when it had already been handled: the caller then does nothing.
 */
export async function claimEvent(manager: EntityManager, eventId: string, consumer: string): Promise<boolean> {
  const rows = await runPrepared(manager, CLAIM_EVENT, [eventId, consumer]);
  return rows.length === 1;
}
