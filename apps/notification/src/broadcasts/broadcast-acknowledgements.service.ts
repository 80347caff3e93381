import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@vigie/access';
import { BroadcastAcknowledgedV1 } from '@vigie/contracts';
import { Outbox } from '@vigie/messaging';
import { NotFoundError, pageOf } from '@vigie/platform';
import { decodeCursor, encodeCursor } from '../page-cursor';
import { stableSubjectId, StreamLog } from '../stream/stream.log';
import {
  broadcastAcknowledgement,
  broadcastAcknowledgements,
  broadcastVisibleTo,
  insertBroadcastAcknowledgement,
  receivedBroadcast,
  receivedBroadcasts,
  senderOfBroadcastTo,
  type BroadcastAcknowledgement,
  type ReceivedBroadcast,
} from './broadcast-acknowledgements.queries';
import { BroadcastAcknowledgementView } from './dto/broadcast-acknowledgement.view';

/** The page of received broadcasts when none is asked for: the 100 newest, as before paging. */
const LISTED = 100;

/** The stream subject of one organisation's acknowledgement of one broadcast: stable, so a replay appends nothing. */
export function broadcastAcknowledgementSubject(broadcastId: string, organisationId: string): string {
  return stableSubjectId(`broadcast:${broadcastId}:${organisationId}`);
}

/**
 * Vigilance messages as their recipients received them, and their acknowledgements: a recipient
 * says it read the message; its sender (a prefecture, the national level) sees who did.
 */
@Injectable()
export class BroadcastAcknowledgementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly stream: StreamLog,
  ) {}

  /**
   * A page of the broadcasts routed to the organisation, newest first, and the cursor of the next
   * page (null on the last). A cursor this API did not return is a 400.
   */
  async received(
    organisationId: string,
    page: { cursor?: string; limit?: number } = {},
  ): Promise<{ items: ReceivedBroadcast[]; nextCursor: string | null }> {
    const limit = page.limit ?? LISTED;
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    // One more than a page tells whether another follows.
    const rows = await receivedBroadcasts(this.dataSource.manager, organisationId, { after, limit: limit + 1 });
    const { page: items, nextCursor } = pageOf(rows, limit, (last) =>
      encodeCursor(last.position.position, last.position.id),
    );
    return { items: items.map(({ position: _position, ...item }) => item), nextCursor };
  }

  async receivedOne(organisationId: string, broadcastId: string): Promise<ReceivedBroadcast> {
    const found = await receivedBroadcast(this.dataSource.manager, organisationId, broadcastId);
    if (!found) throw new NotFoundError('broadcast', broadcastId);
    return found;
  }

  /**
   * The first acknowledgement of an organisation is recorded, published (broadcast.acknowledged.v1)
   * and appended to the sender's stream; later ones change nothing and get the same answer. A
   * broadcast not routed to the organisation is 404.
   */
  acknowledge(
    broadcastId: string,
    organisationId: string,
    source: { apiKeyId: string; person: { id: string; name: string } | null },
  ): Promise<{ acknowledgement: BroadcastAcknowledgement; created: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const senderOrganisationId = await senderOfBroadcastTo(manager, broadcastId, organisationId);
      if (!senderOrganisationId) throw new NotFoundError('broadcast', broadcastId);
      const created = await insertBroadcastAcknowledgement(manager, { broadcastId, organisationId, ...source });
      const acknowledgement = (await broadcastAcknowledgement(manager, broadcastId, organisationId))!;
      if (created) {
        await this.outbox.add(manager, {
          definition: BroadcastAcknowledgedV1,
          key: broadcastId,
          origin: { correlationId: broadcastId },
          payload: {
            broadcastId,
            senderOrganisationId,
            organisationId,
            apiKeyId: source.apiKeyId,
            ...(source.person ? { personId: source.person.id } : {}),
            acknowledgedAt: acknowledgement.acknowledgedAt.toISOString(),
          },
        });
        // Last statement of the transaction: the append locks the sender's stream head until commit.
        await this.stream.appendAll(manager, {
          type: 'broadcast.acknowledged',
          subjectId: broadcastAcknowledgementSubject(broadcastId, organisationId),
          entries: [
            { organisationId: senderOrganisationId, data: { ...BroadcastAcknowledgementView.of(acknowledgement) } },
          ],
        });
      }
      return { acknowledgement, created };
    });
  }

  /** One broadcast's acknowledgements: 404 for whoever neither sent nor received it. */
  async of(broadcastId: string, caller: Caller): Promise<BroadcastAcknowledgement[]> {
    if (!(await broadcastVisibleTo(this.dataSource.manager, broadcastId, caller))) {
      throw new NotFoundError('broadcast', broadcastId);
    }
    return broadcastAcknowledgements(this.dataSource.manager, [broadcastId], caller);
  }

  /** Several broadcasts' acknowledgements in one call (a page of the sender's list). */
  ofMany(broadcastIds: string[], caller: Caller): Promise<BroadcastAcknowledgement[]> {
    return broadcastAcknowledgements(this.dataSource.manager, broadcastIds, caller);
  }
}
