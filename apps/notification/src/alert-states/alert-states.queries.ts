import type { EntityManager } from 'typeorm';

/**
 * The state of alerts for one organisation, read across `routed_messages`, `routed_recipients`,
 * `acknowledgements`, `referents` and `escalations`.
 */

/** What an organisation knows of an alert it sent or received. */
export interface AlertState {
  alertId: string;
  /** Why the organisation received it: null for the sender. */
  rule: string | null;
  reason: string | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  /** The chain's latest escalation, if any. */
  escalation: { status: string; nextStep: string | null; nextStepAt: Date | null } | null;
}

interface StateRow {
  alert_id: string;
  rule: string | null;
  reason: string | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  escalation_status: string | null;
  next_step: string | null;
  next_step_at: Date | null;
}

/** The state of these alerts for the organisation; alerts it neither sent nor received are left out. */
export async function alertStates(
  manager: EntityManager,
  ids: string[],
  organisationId: string,
): Promise<AlertState[]> {
  const rows = await manager.query<StateRow[]>(
    `SELECT m.id AS alert_id, r.rule, r.reason, a.acknowledged_at, COALESCE(a.person_name, ref.full_name) AS acknowledged_by,
            e.status AS escalation_status, e.next_step, e.next_step_at
     FROM routed_messages m
     LEFT JOIN routed_recipients r ON r.message_id = m.id AND r.organisation_id = $2
     LEFT JOIN acknowledgements a ON a.alert_id = m.id AND a.organisation_id = $2
     LEFT JOIN referents ref ON ref.id = a.referent_id
     LEFT JOIN LATERAL (
       SELECT status, next_step, next_step_at FROM escalations
       WHERE alert_id = COALESCE(m.original_alert_id, m.id) ORDER BY created_at DESC LIMIT 1
     ) e ON true
     WHERE m.id = ANY($1::uuid[]) AND m.kind = 'alert'
       AND (m.sender_organisation_id = $2 OR r.organisation_id IS NOT NULL)`,
    [ids, organisationId],
  );
  return rows.map((row) => ({
    alertId: row.alert_id,
    rule: row.rule,
    reason: row.reason,
    acknowledgedAt: row.acknowledged_at ? new Date(row.acknowledged_at) : null,
    acknowledgedBy: row.acknowledged_by,
    escalation: row.escalation_status
      ? {
          status: row.escalation_status,
          nextStep: row.next_step,
          nextStepAt: row.next_step_at ? new Date(row.next_step_at) : null,
        }
      : null,
  }));
}
