import type { EntityManager } from 'typeorm';
import { runPrepared, type PreparedStatement } from '@vigie/persistence';

/** `webhooks`: the endpoints organisations register, their run of failures and why one was disabled. */

/** An organisation's active endpoint, as delivery planning and imports see it. */
export interface ActiveWebhook {
  id: string;
  organisationId: string;
  url: string;
}

/** Read for every batch of messages distributed: prepared once per connection. */
const ACTIVE_WEBHOOKS: PreparedStatement = {
  name: 'notification.active-webhooks',
  text: `SELECT id, organisation_id, url FROM webhooks
         WHERE organisation_id = ANY($1::uuid[]) AND disabled_at IS NULL ORDER BY created_at, id`,
};

/** The active webhooks of these organisations, oldest first. */
export async function activeWebhooksOf(manager: EntityManager, organisationIds: string[]): Promise<ActiveWebhook[]> {
  const rows = await runPrepared<{ id: string; organisation_id: string; url: string }>(manager, ACTIVE_WEBHOOKS, [
    organisationIds,
  ]);
  return rows.map((row) => ({ id: row.id, organisationId: row.organisation_id, url: row.url }));
}

/** The database's clock `seconds` from now: when a replaced secret stops being accepted. */
export async function databaseTimeIn(manager: EntityManager, seconds: number): Promise<Date> {
  const [{ at }] = await manager.query<{ at: Date }[]>("SELECT now() + $1::int * interval '1 second' AS at", [seconds]);
  return new Date(at);
}

/** An enabled endpoint's run of failed attempts in a row, one longer; undefined for one disabled or unknown. */
export async function countFailure(
  manager: EntityManager,
  webhookId: string,
): Promise<{ failures: number; failingSince: Date } | undefined> {
  const [run] = await manager.query<{ failures: number; failing_since: Date }[]>(
    `WITH counted AS (
       UPDATE webhooks SET consecutive_failures = consecutive_failures + 1, failing_since = COALESCE(failing_since, now())
       WHERE id = $1 AND disabled_at IS NULL
       RETURNING consecutive_failures AS failures, failing_since)
     SELECT * FROM counted`,
    [webhookId],
  );
  return run && { failures: run.failures, failingSince: new Date(run.failing_since) };
}

/** An endpoint disabled for failing, with the run of failures that disabled it. */
export interface DisabledWebhook {
  organisationId: string;
  url: string;
  failures: number;
  failingSince: Date;
  disabledAt: Date;
}

/** Disables an enabled endpoint because it keeps failing; undefined if it was already disabled. */
export async function disableFailing(manager: EntityManager, webhookId: string): Promise<DisabledWebhook | undefined> {
  const [row] = await manager.query<
    { organisation_id: string; url: string; failures: number; failing_since: Date; disabled_at: Date }[]
  >(
    `WITH disabled AS (
       UPDATE webhooks SET disabled_at = now(), disabled_reason = 'failing'
       WHERE id = $1 AND disabled_at IS NULL
       RETURNING organisation_id, url, consecutive_failures AS failures, failing_since, disabled_at)
     SELECT * FROM disabled`,
    [webhookId],
  );
  return (
    row && {
      organisationId: row.organisation_id,
      url: row.url,
      failures: row.failures,
      failingSince: new Date(row.failing_since),
      disabledAt: new Date(row.disabled_at),
    }
  );
}
