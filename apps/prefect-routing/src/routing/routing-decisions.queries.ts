import { In, type EntityManager } from 'typeorm';
import type { AlertChangedV1Payload, EventEnvelope } from '@vigie/contracts';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';
import { ParkedChange } from './parked-change.entity';
import { RoutingDecision } from './routing-decision.entity';

/**
 * A chain's routing: `routing_decisions` (who receives each message and why, one per message)
 * and `parked_changes` (an update or cancellation that arrived before its original was routed).
 */

// Run for every batch of alerts routed: plain SQL, prepared once per connection.
const PARKED_CHANGES: PreparedStatement = {
  name: 'routing.parked-changes-of',
  text: `SELECT event_id, original_alert_id, envelope FROM parked_changes
         WHERE original_alert_id = ANY ($1::uuid[]) ORDER BY sequence`,
};
const LOCK_CHAINS: PreparedStatement = {
  name: 'routing.lock-chains',
  // In one order whatever the batch, so two transactions locking overlapping chains wait, never deadlock.
  text: `SELECT count(pg_advisory_xact_lock(hashtextextended(chain, 0)))
         FROM (SELECT DISTINCT unnest($1::text[]) AS chain ORDER BY 1) AS chains`,
};
// The decisions as one JSON document (ADR 48): a national alert's ten thousand recipients travel nested, unescaped.
const INSERT_DECISIONS: PreparedStatement = {
  name: 'routing.insert-decisions',
  text: `INSERT INTO routing_decisions (id, alert_id, original_alert_id, sender_organisation_id, department,
           recipients, excluded, warnings, routed_at)
         SELECT id, alert_id, original_alert_id, sender_organisation_id, department, recipients, excluded, warnings,
           routed_at
         FROM jsonb_to_recordset($1::jsonb) AS d(id uuid, alert_id uuid, original_alert_id uuid,
           sender_organisation_id uuid, department text, recipients jsonb, excluded jsonb, warnings jsonb,
           routed_at timestamptz)`,
};

/**
 * Serialises the routing of the chains' messages across consumers until the transaction ends:
 * a change that parks itself and the original that looks for parked changes never miss each other.
 */
export async function lockChains(manager: EntityManager, originalAlertIds: readonly string[]): Promise<void> {
  await runPrepared(manager, LOCK_CHAINS, [originalAlertIds]);
}

/** The decisions, in one statement whatever their number. */
export async function insertDecisions(manager: EntityManager, decisions: readonly RoutingDecision[]): Promise<void> {
  if (decisions.length === 0) return;
  await runPrepared(manager, INSERT_DECISIONS, [
    JSON.stringify(
      decisions.map((decision) => ({
        id: decision.id,
        alert_id: decision.alertId,
        original_alert_id: decision.originalAlertId,
        sender_organisation_id: decision.senderOrganisationId,
        department: decision.department,
        recipients: decision.recipients,
        excluded: decision.excluded,
        warnings: decision.warnings,
        routed_at: decision.routedAt,
      })),
    ),
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

/**
 * The changes parked until these originals were routed, each original's in their order of arrival,
 * removed from the table.
 */
export async function takeParkedChanges(
  manager: EntityManager,
  originalAlertIds: readonly string[],
): Promise<Map<string, EventEnvelope<AlertChangedV1Payload>[]>> {
  const parked = await runPrepared<{
    event_id: string;
    original_alert_id: string;
    envelope: EventEnvelope<AlertChangedV1Payload>;
  }>(manager, PARKED_CHANGES, [originalAlertIds]);
  if (parked.length > 0) await manager.delete(ParkedChange, { eventId: In(parked.map((change) => change.event_id)) });
  const byOriginal = new Map<string, EventEnvelope<AlertChangedV1Payload>[]>();
  for (const change of parked) {
    const original = change.original_alert_id.toLowerCase();
    byOriginal.set(original, [...(byOriginal.get(original) ?? []), change.envelope]);
  }
  return byOriginal;
}
