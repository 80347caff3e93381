import { In, type EntityManager } from 'typeorm';
import type { AlertChangedV1Payload, EventEnvelope } from '@vigie/contracts';
import { OUTBOX_COLUMNS, OUTBOX_RECORD, outboxRecord, type OutboxRow } from '@vigie/messaging';
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
/** Locks the chains named by the text array `param`, in one order whatever the batch, so two transactions locking overlapping chains wait, never deadlock. */
const lockChainsSql = (param: string) =>
  `SELECT count(pg_advisory_xact_lock(hashtextextended(chain, 0))) AS locked
   FROM (SELECT DISTINCT unnest(${param}::text[]) AS chain ORDER BY 1) AS chains`;
const LOCK_CHAINS: PreparedStatement = { name: 'routing.lock-chains', text: lockChainsSql('$1') };
// The decisions as one JSON document (ADR 48): a national alert's ten thousand recipients travel nested, unescaped.
const insertDecisionsSql = (param: string, condition = 'true') =>
  `INSERT INTO routing_decisions (id, alert_id, original_alert_id, sender_organisation_id, department,
     recipients, excluded, warnings, routed_at)
   SELECT id, alert_id, original_alert_id, sender_organisation_id, department, recipients, excluded, warnings,
     routed_at
   FROM jsonb_to_recordset(${param}::jsonb) AS d(id uuid, alert_id uuid, original_alert_id uuid,
     sender_organisation_id uuid, department text, recipients jsonb, excluded jsonb, warnings jsonb,
     routed_at timestamptz)
   WHERE ${condition}`;
const INSERT_DECISIONS: PreparedStatement = { name: 'routing.insert-decisions', text: insertDecisionsSql('$1') };
/**
 * A batch's decisions and their events, with the chains' locks, in one statement (ADR 57): the
 * locks are taken first (each insert waits for them: an InitPlan runs before its first row), so
 * an insert never waits on another transaction while holding none of them.
 */
const STORE_DECISIONS: PreparedStatement = {
  name: 'routing.store-decisions',
  text: `WITH chains AS (${lockChainsSql('$1')}),
         decided AS (${insertDecisionsSql('$2', '(SELECT locked FROM chains) >= 0')}),
         events AS (
           INSERT INTO outbox (${OUTBOX_COLUMNS})
           SELECT ${OUTBOX_COLUMNS} FROM jsonb_to_recordset($3::jsonb) AS r(${OUTBOX_RECORD})
           WHERE (SELECT locked FROM chains) >= 0)
         SELECT locked FROM chains`,
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
  await runPrepared(manager, INSERT_DECISIONS, [decisionsDocument(decisions)]);
}

/**
 * Locks the decisions' chains (see lockChains) and stores the decisions and their events, in one
 * statement; the caller hands the events to its outbox (`Outbox.written`).
 */
export async function storeDecisions(
  manager: EntityManager,
  decisions: readonly RoutingDecision[],
  events: readonly OutboxRow[],
): Promise<void> {
  await runPrepared(manager, STORE_DECISIONS, [
    decisions.map((decision) => decision.originalAlertId),
    decisionsDocument(decisions),
    JSON.stringify(events.map(outboxRecord)),
  ]);
}

function decisionsDocument(decisions: readonly RoutingDecision[]): string {
  return JSON.stringify(
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
  );
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
