import type { EntityManager } from 'typeorm';
import { Broadcast } from './broadcast.entity';

/** `broadcasts`: the messages prefectures sent, with the routing decision each one got. */

export async function insertBroadcast(manager: EntityManager, broadcast: Broadcast): Promise<void> {
  await manager.insert(Broadcast, broadcast);
}

export function broadcastById(manager: EntityManager, id: string): Promise<Broadcast | null> {
  return manager.findOneBy(Broadcast, { id });
}

/**
 * The latest broadcasts, newest first, at most `limit`: those the organisation sent or received
 * (served by ix_broadcasts_sender and the GIN index on recipients), or every one for null.
 */
export function latestBroadcasts(
  manager: EntityManager,
  organisationId: string | null,
  limit: number,
): Promise<Broadcast[]> {
  const query = manager.createQueryBuilder(Broadcast, 'b').orderBy('b.routed_at', 'DESC').limit(limit);
  if (organisationId !== null) {
    query.where('b.sender_organisation_id = :organisation OR b.recipients @> :recipient::jsonb', {
      organisation: organisationId,
      recipient: JSON.stringify([{ organisationId }]),
    });
  }
  return query.getMany();
}
