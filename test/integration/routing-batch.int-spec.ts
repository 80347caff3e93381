import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  AlertCancelledV1,
  AlertMessageType,
  AlertSubmittedV1,
  type AlertChangedV1Payload,
  type AlertSubmittedV1Payload,
  type EventEnvelope,
} from '@vigie/contracts';
import { Outbox, type ConsumerTransaction, type KafkaSettings } from '@vigie/messaging';
import { alertSnapshot } from '@vigie/testing';
import { RoutingDirectory } from '../../apps/prefect-routing/src/routing/routing-directory';
import { RoutingService } from '../../apps/prefect-routing/src/routing/routing.service';
import { RulesService } from '../../apps/prefect-routing/src/stored-rules/rules.service';
import { ROUTING_TABLES } from '../../apps/prefect-routing/src/tables';

import { ownSchema } from './own-schema';

/**
 * Routing's consumer batches against the real PostgreSQL, on a schema of this file's own: the
 * decisions of a batch and their events are stored together at the end of the transaction, in
 * the batch's order, and a change parked before its original is applied after it.
 */

const SENDER = randomUUID();

describe('routing batches on the real PostgreSQL', () => {
  const db = ownSchema('routing', ROUTING_TABLES, 4);
  let outbox: Outbox;
  let routing: RoutingService;

  const submitted = (): EventEnvelope<AlertSubmittedV1Payload> =>
    outbox.prepare({
      definition: AlertSubmittedV1,
      key: 'unused',
      payload: { alert: alertSnapshot(SENDER) },
    }).envelope;

  /** As the consumer runs a batch: the handlers in order, then their end-of-transaction work. */
  async function inConsumerTransaction(
    work: (manager: EntityManager, transaction: ConsumerTransaction) => Promise<void>,
  ): Promise<void> {
    await db.dataSource.transaction(async (manager) => {
      const lastly: ((manager: EntityManager) => Promise<void>)[] = [];
      await work(manager, { beforeCommit: (step) => lastly.push(step), afterCommit: () => undefined });
      for (const step of lastly) await step(manager);
    });
  }

  /** The alert.routed events written for these alerts, in outbox order, with their writing transaction. */
  const routedEvents = (alertIds: string[]) =>
    db.dataSource.query<{ alert_id: string; msg_type: string; transaction: string }[]>(
      `SELECT envelope->'payload'->'alert'->>'alertId' AS alert_id,
              envelope->'payload'->'alert'->>'msgType' AS msg_type, xmin::text AS transaction
       FROM outbox WHERE topic = 'alert.routed.v1' AND envelope->'payload'->'alert'->>'alertId' = ANY($1)
       ORDER BY position`,
      [alertIds],
    );

  beforeAll(async () => {
    outbox = new Outbox({ clientId: 'it-routing' } as KafkaSettings);
    routing = new RoutingService(
      db.dataSource,
      outbox,
      new RoutingDirectory(db.dataSource, new RulesService(db.dataSource)),
    );
  });

  it("stores a batch's decisions and events in its transaction, in the batch's order", async () => {
    const events = Array.from({ length: 5 }, submitted);
    await inConsumerTransaction(async (manager, transaction) => {
      for (const event of events) await routing.route(event, manager, transaction);
      // Nothing is written before the end of the transaction.
      const early = await manager.query<{ n: string }[]>('SELECT count(*) AS n FROM routing_decisions');
      expect(Number(early[0].n)).toBe(0);
    });

    const ids = events.map((event) => event.payload.alert.alertId);
    const decisions = await db.dataSource.query<{ alert_id: string; xmin: string }[]>(
      'SELECT alert_id, xmin::text AS xmin FROM routing_decisions WHERE alert_id = ANY($1)',
      [ids],
    );
    expect(decisions.map((decision) => decision.alert_id).sort()).toEqual([...ids].sort());
    const routed = await routedEvents(ids);
    expect(routed.map((event) => event.alert_id)).toEqual(ids);
    expect(
      new Set([...routed, ...decisions.map(({ xmin }) => ({ transaction: xmin }))].map((row) => row.transaction)).size,
    ).toBe(1);
  });

  it('applies a cancellation parked before its original right after the original, in the same batch', async () => {
    const [before, original, after] = [submitted(), submitted(), submitted()];
    const originalAlert = original.payload.alert;
    const cancel: EventEnvelope<AlertChangedV1Payload> = outbox.prepare({
      definition: AlertCancelledV1,
      key: originalAlert.originalAlertId,
      payload: {
        alert: alertSnapshot(SENDER, { originalAlertId: originalAlert.alertId, msgType: AlertMessageType.Cancel }),
      },
    }).envelope;
    // The cancellation comes first (another topic): parked.
    await inConsumerTransaction((manager) => routing.routeChange(cancel, manager));
    const parked = await db.dataSource.query<{ n: string }[]>(
      'SELECT count(*) AS n FROM parked_changes WHERE original_alert_id = $1',
      [originalAlert.alertId],
    );
    expect(Number(parked[0].n)).toBe(1);

    await inConsumerTransaction(async (manager, transaction) => {
      for (const event of [before, original, after]) await routing.route(event, manager, transaction);
    });

    const ids = [before, original, after].map((event) => event.payload.alert.alertId);
    const routed = await routedEvents([...ids, cancel.payload.alert.alertId]);
    expect(routed.map((event) => [event.alert_id, event.msg_type])).toEqual([
      [ids[0], 'Alert'],
      [ids[1], 'Alert'],
      [ids[2], 'Alert'],
      [cancel.payload.alert.alertId, 'Cancel'],
    ]);
    const left = await db.dataSource.query<{ n: string }[]>(
      'SELECT count(*) AS n FROM parked_changes WHERE original_alert_id = $1',
      [originalAlert.alertId],
    );
    expect(Number(left[0].n)).toBe(0);
  });
});
