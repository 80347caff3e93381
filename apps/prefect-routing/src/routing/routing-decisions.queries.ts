import { In, type EntityManager } from 'typeorm';
import type { AlertChangedV1Payload, EventEnvelope } from '@vigie/contracts';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';
import { ParkedChange } from './parked-change.entity';
import { RoutingDecision } from './routing-decision.entity';

/**
 * A chain's routing: `routing_decisions` (who receives each message and why, one per message)
 * and `parked_changes` (an update or cancellation that arrived before its original was routed).
 */

// Run for every alert routed: plain SQL, prepared once per connection.
const PARKED_CHANGES: PreparedStatement = {
  name: 'routing.parked-changes',
  text: 'SELECT event_id, envelope FROM parked_changes WHERE original_alert_id = $1 ORDER BY sequence',
};
const INSERT_DECISION: PreparedStatement = {
  name: 'routing.insert-decision',
  text: `INSERT INTO routing_decisions (id, alert_id, original_alert_id, sender_organisation_id, department,
           recipients, excluded, warnings, routed_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9)`,
};

/**
 * Serialises the routing of one chain's messages across consumers until the transaction ends:
 * a change that parks itself and the original that looks for parked changes never miss each other.
 */
export async function lockChain(manager: EntityManager, originalAlertId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [originalAlertId]);
}

export async function insertDecision(manager: EntityManager, decision: RoutingDecision): Promise<void> {
  await runPrepared(manager, INSERT_DECISION, [
    decision.id,
    decision.alertId,
    decision.originalAlertId,
    decision.senderOrganisationId,
    decision.department,
    JSON.stringify(decision.recipients),
    JSON.stringify(decision.excluded),
    JSON.stringify(decision.warnings),
    decision.routedAt,
  ]);
}

export function isRouted(manager: EntityManager, alertId: string): Promise<boolean> {
  return manager.existsBy(RoutingDecision, { alertId });
}

export function decisionOf(manager: EntityManager, alertId: string): Promise<RoutingDecision | null> {
  return manager.findOneBy(RoutingDecision, { alertId });
}

/** The decisions of every message of a chain routed so far, oldest first. */
export function chainDecisions(manager: EntityManager, originalAlertId: string): Promise<RoutingDecision[]> {
  return manager.find(RoutingDecision, { where: { originalAlertId }, order: { routedAt: 'ASC' } });
}

export async function parkChange(manager: EntityManager, event: EventEnvelope<AlertChangedV1Payload>): Promise<void> {
  await manager.insert(ParkedChange, {
    eventId: event.id,
    originalAlertId: event.payload.alert.originalAlertId,
    envelope: event,
  });
}

/** The changes parked until this original is routed, in their order of arrival, removed from the table. */
export async function takeParkedChanges(
  manager: EntityManager,
  originalAlertId: string,
): Promise<EventEnvelope<AlertChangedV1Payload>[]> {
  const parked = await runPrepared<{ event_id: string; envelope: EventEnvelope<AlertChangedV1Payload> }>(
    manager,
    PARKED_CHANGES,
    [originalAlertId],
  );
  if (parked.length > 0) await manager.delete(ParkedChange, { eventId: In(parked.map((change) => change.event_id)) });
  return parked.map((change) => change.envelope);
}
