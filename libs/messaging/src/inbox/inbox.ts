import type { EntityManager } from 'typeorm';

/**
 * Records that a consumer handled an event, in the transaction of its effects. Returns false
 * when it had already been handled: the caller then does nothing.
 */
export async function claimEvent(manager: EntityManager, eventId: string, consumer: string): Promise<boolean> {
  const rows = (await manager.query(
    'INSERT INTO handled_events (event_id, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
    [eventId, consumer],
  )) as unknown[];
  return rows.length === 1;
}
