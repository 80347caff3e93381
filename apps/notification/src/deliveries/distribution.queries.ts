import type { EntityManager } from 'typeorm';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';
import { appendedEvents, eventsDocument, type EventCopies } from '../stream/stream-events.queries';
import { asPlanned, deliveriesDocument, insertedDeliveries, type MessageDelivery } from './deliveries.queries';
import { claimedRowsOf, type ClaimedDelivery } from './delivery.queue';
import { insertedContents, type MessageContent } from './message-contents.queries';
import { rememberedDocuments, rememberedMessages, type RememberedMessage } from './routed-messages.queries';

/**
 * What a batch of distributions writes, as one statement (ADR 62): the routed messages and their
 * recipients ($5, $6), the messages' contents ($1), their deliveries ($2, those flagged claimed
 * with a lease of $3 ms) and their stream events ($4). Foreign keys between them are checked at
 * the statement's end, when every row is there. It returns one row per new delivery, as a claim
 * returns them but without their body, the first of them with the organisations whose logs grew
 * (only the first: a fan-out to ten thousand would otherwise carry ten thousand copies of a list
 * of ten thousand); a single row of nulls with those organisations when no delivery is new.
 */
export const WRITE_DISTRIBUTIONS: PreparedStatement = {
  name: 'notification.write-distributions',
  text: `WITH ${rememberedMessages('$5', '$6')},
       ${insertedContents('$1')},
       ${insertedDeliveries('$2', '$3')},
       ${appendedEvents('$4')},
       grown AS (SELECT 1 AS n, coalesce(array_agg(DISTINCT organisation_id::text), '{}') AS organisations FROM appended)
     SELECT g.organisations AS grown_organisations, d.*
     FROM (SELECT c.*, row_number() OVER () AS n FROM (${claimedRowsOf('inserted', 'false')}) c) d
     FULL JOIN grown g ON g.n = d.n`,
};

export interface DistributionsWrite {
  /** The routed messages remembered, with who receives each (those already there are kept). */
  messages?: readonly RememberedMessage[];
  contents?: readonly MessageContent[];
  deliveries?: readonly MessageDelivery[];
  /** The deliveries to claim as they are written, and for how long. */
  claim?: { leaseMs: number; ids: ReadonlySet<string> } | null;
  stream?: readonly EventCopies[];
}

/**
 * Writes the distributions; the new deliveries in the order planned (the claimed ones with their
 * body) and the organisations whose stream logs grew, to announce once committed.
 */
export async function writeDistributions(
  manager: EntityManager,
  { messages = [], contents = [], deliveries = [], claim = null, stream = [] }: DistributionsWrite,
): Promise<{ scheduled: ClaimedDelivery[]; grown: string[] }> {
  if (messages.length + contents.length + deliveries.length + stream.length === 0) return { scheduled: [], grown: [] };
  const rows = await runPrepared<ClaimedDelivery & { grown_organisations: string[] | null; n: string | null }>(
    manager,
    WRITE_DISTRIBUTIONS,
    [
      JSON.stringify(contents),
      deliveriesDocument(deliveries, claim?.ids ?? new Set()),
      claim?.leaseMs ?? 0,
      eventsDocument(stream),
      ...rememberedDocuments(messages),
    ],
  );
  const grown = rows.find((row) => row.grown_organisations !== null)?.grown_organisations ?? [];
  const scheduled = rows.filter((row) => row.id !== null).map(({ grown_organisations: _grown, n: _n, ...row }) => row);
  return { scheduled: asPlanned(scheduled, deliveries), grown };
}
